package apply

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// orphanSpec is a spec with a bucket and grants: blocks are appended.
const orphanSpec = `aws { account_id = "111122223333" }
bucket "data" {
  name   = "tmc-orphan-data"
  region = "us-east-1"
}
bucket "other" {
  name   = "tmc-orphan-other"
  region = "us-east-1"
}
`

const (
	orphanAlpha = `grant "alpha" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  cross_account_role {
    name               = "alpha-role"
    trusted_account_id = "210987654321"
    external_id        = "alpha-3f9a1c7e-5b2d-4e8f-a1b2"
  }
}
`
	orphanBeta = `grant "beta" {
  bucket      = bucket.data
  permissions = ["read", "write"]
  cross_account_role {
    name               = "beta-role"
    trusted_account_id = "210987654321"
    external_id        = "beta-3f9a1c7e-5b2d-4e8f-a1b2-c"
  }
}
`
	orphanBetaRevoked = `revoked_grant "beta" {
  cross_account_role = "beta-role"
}
`
	// the label changed, so the default policy_name (beta-offboarded-s3-access)
	// is not the grant's (review adopt F-revoke-wrong-policy)
	orphanBetaRenamed = `revoked_grant "beta-offboarded" {
  cross_account_role = "beta-role"
}
`
)

const fakePolicyPrefix = "arn:aws:iam::111122223333:policy/"

// handMade adds a customer-managed policy with document doc, attached to
// owners.
func handMade(f *fake, name, doc string, owners ...string) {
	f.iam.policies[fakePolicyPrefix+name] = []string{doc}
	for _, o := range owners {
		f.iam.attached[o+" "+fakePolicyPrefix+name] = true
	}
}

// orphanWarnings are the warnings of p by warnOrphanPolicies.
func orphanWarnings(p *Plan) []string {
	var out []string
	for _, w := range p.Warnings {
		if strings.Contains(w, "not declared by any grant") || strings.Contains(w, "customer-managed policies") || strings.Contains(w, "could not be read") {
			out = append(out, w)
		}
	}
	return out
}

// TestWarnOrphanPolicies (review adopt F-removed-grant): deleting a grant
// block leaves its policy attached, and every plan says so, naming the
// role and the revoked_grant block that detaches it; a hand-made policy on
// the spec's bucket is warned about too. Nothing is said about a declared
// grant's policy, one a revoked_grant names, one on another bucket, or one
// attached to nobody.
func TestWarnOrphanPolicies(t *testing.T) {
	const (
		s3All = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::tmc-orphan-data","arn:aws:s3:::tmc-orphan-data/*"]}]}`
		// an organisation's backup role: a bucket-name pattern names no
		// bucket of the spec (review diff6b F13)
		broad = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::tmc-*","arn:aws:s3:::tmc-*/*"]}]}`
		// NotResource leaving the spec's buckets in (F9)
		notElse = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::unrelated/*"}}`
		// NotResource leaving them out whole
		notOurs = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::tmc-orphan-*"]}}`
		// NotResource leaving only the data bucket's objects out
		notObjs = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::tmc-orphan-data/*","arn:aws:s3:::tmc-orphan-other*"]}}`
		onData  = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::tmc-orphan-data/*"}}`
	)
	for _, tc := range []struct {
		name     string
		plan     string // blocks after the buckets
		setup    func(f *fake)
		want     []string // substrings of the one warning; nil for none
		wantNone []string // substrings the warning must not hold
	}{
		{name: "removed grant's policy attached to a role", plan: orphanAlpha, setup: func(*fake) {},
			want: []string{"managed policy beta-s3-access grants access to bucket tmc-orphan-data of the spec but is not declared by any grant",
				"and role/beta-role still holds it", "deleting a grant block revokes nothing",
				`revoked_grant "beta" { cross_account_role = "beta-role"  policy_name = "beta-s3-access" }`},
			wantNone: []string{"alpha"}},
		{name: "declared grants' policies", plan: orphanAlpha + orphanBeta, setup: func(*fake) {}},
		{name: "revoked_grant's policy", plan: orphanAlpha + orphanBetaRevoked, setup: func(*fake) {}},
		// review diff6b F7: a revoked_grant skips only the user or role
		// it names, same kind, without case
		{name: "revoked_grant with a typo in the role name", plan: orphanAlpha + `revoked_grant "beta" {
  cross_account_role = "beta-rol"
}
`, setup: func(*fake) {},
			want: []string{"managed policy beta-s3-access", "and role/beta-role still holds it",
				"revoked_grant.beta names role beta-rol, which does not exist, so it revokes nothing",
				`if role/beta-role is the role the grant was for, correct revoked_grant.beta to name it: cross_account_role = "beta-role" (and policy_name = "beta-s3-access")`},
			wantNone: []string{`revoked_grant "`}},
		{name: "revoked_grant naming a user for the role", plan: orphanAlpha + `revoked_grant "beta" {
  iam_user = "BETA-ROLE"
}
`, setup: func(*fake) {},
			want: []string{"and role/beta-role still holds it", "revoked_grant.beta names user BETA-ROLE, which does not exist",
				`correct revoked_grant.beta to name it: cross_account_role = "beta-role"`}},
		{name: "revoked policy also held by a user", plan: orphanAlpha + orphanBetaRevoked, setup: func(f *fake) {
			f.iam.attached["user/ops "+fakePolicyPrefix+"beta-s3-access"] = true
		}, want: []string{"managed policy beta-s3-access", "and user/ops still holds it",
			`revoked_grant "beta-s3-access-ops" { iam_user = "ops"  policy_name = "beta-s3-access" }`},
			wantNone: []string{"role/beta-role", "does not exist", "correct revoked_grant"}},
		// after the revoke: the role no longer holds it, the user does
		{name: "revoked policy held by a user after the detach", plan: orphanAlpha + orphanBetaRevoked, setup: func(f *fake) {
			delete(f.iam.attached, "role/beta-role "+fakePolicyPrefix+"beta-s3-access")
			f.iam.attached["user/ops "+fakePolicyPrefix+"beta-s3-access"] = true
		}, want: []string{"and user/ops still holds it", "revoked_grant.beta detaches it from role beta-role only, which does not hold it now",
			`revoked_grant "beta-s3-access-ops" { iam_user = "ops"  policy_name = "beta-s3-access" }`},
			wantNone: []string{"does not exist", "correct revoked_grant"}},
		{name: "revoked_grant of the role in another case", plan: orphanAlpha + `revoked_grant "beta" {
  cross_account_role = "Beta-Role"
}
`, setup: func(*fake) {}},
		// review diff6b F6: a revoked_grant cannot name a policy under a path
		{name: "policy under a path", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			handMade(f, "team/teampol", onData, "user/mallory")
		}, want: []string{"managed policy teampol grants access to bucket tmc-orphan-data", "and user/mallory still holds it",
			"this one is under a path (" + fakePolicyPrefix + "team/teampol): aws iam detach-user-policy --user-name mallory --policy-arn " + fakePolicyPrefix + "team/teampol"},
			wantNone: []string{`revoked_grant "`}},
		{name: "policy under a path a revoked_grant names", plan: orphanAlpha + orphanBeta + `revoked_grant "teampol" {
  iam_user    = "mallory"
  policy_name = "teampol"
}
`, setup: func(f *fake) {
			handMade(f, "team/teampol", onData, "user/mallory")
		}, want: []string{"managed policy teampol", "aws iam detach-user-policy --user-name mallory --policy-arn " + fakePolicyPrefix + "team/teampol"},
			wantNone: []string{"set policy_name"}},
		// review diff6b F13
		{name: "broad bucket-name pattern", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "platform-backup", broad, "role/backup") }},
		// review diff6b F9
		{name: "NotResource leaving the bucket in", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "not-else", notElse, "user/ops") },
			want: []string{"managed policy not-else grants access to buckets tmc-orphan-data, tmc-orphan-other of the spec"}},
		{name: "NotResource leaving the buckets out", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "not-ours", notOurs, "user/ops") }},
		{name: "NotResource leaving the bucket in, its objects out", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "not-objs", notObjs, "user/ops") },
			want: []string{"managed policy not-objs grants access to bucket tmc-orphan-data of the spec"}},
		// review diff6b F14
		{name: "unparsable document", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "garbled", `{"Version":"2012-10-17",`, "user/ops") },
			want: []string{"managed policy garbled is attached, but its document could not be read (parse policy JSON",
				"aws iam get-policy-version --policy-arn " + fakePolicyPrefix + "garbled --version-id v1"}},
		{name: "revoked_grant with the wrong policy_name", plan: orphanAlpha + orphanBetaRenamed, setup: func(*fake) {},
			want: []string{"managed policy beta-s3-access", `revoked_grant.beta-offboarded revokes policy_name "beta-offboarded-s3-access"`,
				`set policy_name = "beta-s3-access" in revoked_grant.beta-offboarded`},
			wantNone: []string{`revoked_grant "`}},
		{name: "policy on another bucket", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			handMade(f, "elsewhere", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::someone-else/*"}}`, "role/ops")
		}},
		{name: "policy on every bucket", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			handMade(f, "admin", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":["*","arn:aws:s3:::*"]}}`, "role/ops")
		}},
		{name: "unattached", plan: orphanAlpha + orphanBeta, setup: func(f *fake) { handMade(f, "spare", s3All) }},
		{name: "hand-made s3:* on the bucket", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			handMade(f, "ops-data", s3All, "user/ops", "group/admins")
		}, want: []string{"managed policy ops-data grants access to bucket tmc-orphan-data of the spec but is not declared by any grant",
			"and group/admins, user/ops still hold it",
			`revoked_grant "ops-data" { iam_user = "ops"  policy_name = "ops-data" }`, "deactivates the user's access keys",
			"aws iam detach-group-policy --group-name admins --policy-arn " + fakePolicyPrefix + "ops-data"}},
		{name: "hand-made policy held by a grant's role only", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			handMade(f, "alpha-extra", s3All, "role/alpha-role") // warnIdentityExtras names it
		}},
		{name: "listing denied", plan: orphanAlpha + orphanBeta, setup: func(f *fake) {
			f.faults["GetAccountAuthorizationDetails"] = []error{apiErr("AccessDenied", "not authorized to perform iam:GetAccountAuthorizationDetails")}
		}, want: []string{"could not list the account's customer-managed policies and inline policies (api error AccessDenied",
			"aws iam get-account-authorization-details --filter LocalManagedPolicy User Role Group"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if _, err := converge(t, e, itemsFromHCL(t, orphanSpec+orphanAlpha+orphanBeta)); err != nil {
				t.Fatal(err)
			}
			items := itemsFromHCL(t, orphanSpec+tc.plan)
			p := planFor(t, e, items)
			tc.setup(f)
			e.WarnOtherAttachments(context.Background(), p)
			got := orphanWarnings(p)
			if tc.want == nil {
				if len(got) != 0 {
					t.Errorf("warnings %q, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("warnings %q, want one", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("warning lacks %q:\n%s", w, got[0])
				}
			}
			for _, w := range tc.wantNone {
				if strings.Contains(got[0], w) {
					t.Errorf("warning holds %q:\n%s", w, got[0])
				}
			}
		})
	}
}

// TestOrphanPolicyReads: every plan of a spec with a bucket, converged or
// not, lists the account's customer-managed policies and its users, roles
// and groups with their inline policies once (all pages of one
// GetAccountAuthorizationDetails listing, filters LocalManagedPolicy,
// User, Role and Group; the fake pages every two entries of either sort,
// as IAM counts them together), and lists the holders
// (ListEntitiesForPolicy) only of a policy no grant declares that grants
// access to the spec's buckets: a converged plan makes one listing more
// than before, the price of seeing a deleted grant's policy
// (docs/apply.md, "Revoking a grant").
func TestOrphanPolicyReads(t *testing.T) {
	for _, tc := range []struct {
		name       string
		applied    bool
		plan       string
		inline     bool // a group with an inline policy
		wantPages  int
		wantOthers []string // ListEntitiesForPolicy targets beyond the spec's policies
	}{
		// the hand-made policy "spare": one entry, one page
		{name: "fresh", plan: orphanAlpha + orphanBeta, wantPages: 1},
		// three policies and two roles: five entries, three pages
		{name: "converged", applied: true, plan: orphanAlpha + orphanBeta, wantPages: 3},
		{name: "grant removed", applied: true, plan: orphanAlpha, wantPages: 3, wantOthers: []string{fakePolicyPrefix + "beta-s3-access"}},
		// and a group with an inline policy: six entries, still three pages
		{name: "group inline", applied: true, plan: orphanAlpha + orphanBeta, inline: true, wantPages: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if tc.applied {
				if _, err := converge(t, e, itemsFromHCL(t, orphanSpec+orphanAlpha+orphanBeta)); err != nil {
					t.Fatal(err)
				}
			}
			handMade(f, "spare", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`, "role/ops")
			if tc.inline {
				inlineMade(f, "group/ops", "ops-read", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`)
			}
			f.mu.Lock()
			from := len(f.calls)
			f.mu.Unlock()
			items := itemsFromHCL(t, orphanSpec+tc.plan)
			p := planFor(t, e, items)
			e.WarnOtherAttachments(context.Background(), p)
			f.mu.Lock()
			defer f.mu.Unlock()
			pages, others := 0, []string(nil)
			for _, c := range f.calls[from:] {
				op, target, _ := strings.Cut(c, " ")
				switch {
				case op == "GetAccountAuthorizationDetails":
					pages++
				case op == "ListEntitiesForPolicy" && !slices.ContainsFunc(items, func(it *Item) bool {
					return it.Type == TManagedPolicy && fakePolicyPrefix+it.Name == target
				}):
					others = append(others, target)
				}
			}
			if pages != tc.wantPages {
				t.Errorf("%d GetAccountAuthorizationDetails pages, want %d", pages, tc.wantPages)
			}
			if !slices.Equal(others, tc.wantOthers) {
				t.Errorf("ListEntitiesForPolicy of %q, want %q", others, tc.wantOthers)
			}
		})
	}
}

// TestOrphanPolicyEndpointSkip: behind an endpoint (an emulator, an
// S3-compatible server) a failed listing is no warning.
func TestOrphanPolicyEndpointSkip(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	e.C.Endpoint = "http://127.0.0.1:9000"
	items := itemsFromHCL(t, orphanSpec+orphanAlpha)
	p := planFor(t, e, items)
	f.faults["GetAccountAuthorizationDetails"] = []error{apiErr("NotImplemented", "not implemented")}
	e.WarnOtherAttachments(context.Background(), p)
	if got := orphanWarnings(p); len(got) != 0 {
		t.Errorf("warnings %q, want none behind an endpoint", got)
	}
}

// TestResourceOnBucket: S3 ARNs of the bucket or its objects match,
// wildcards included; every bucket, other buckets and other services not.
func TestResourceOnBucket(t *testing.T) {
	for _, tc := range []struct {
		res  string
		want bool
	}{
		{"arn:aws:s3:::tmc-orphan-data", true},
		{"arn:aws:s3:::tmc-orphan-data/*", true},
		{"arn:aws:s3:::tmc-orphan-data/beta/*", true},
		// review diff6b F13: bucket-name patterns are an organisation's
		// broad policies, not about the spec's bucket
		{"arn:aws:s3:::tmc-*-data/*", false},
		{"arn:aws:s3:::tmc-orphan-dat?", false},
		{"arn:aws:s3:::tmc-orphan-data*", false},
		{"arn:aws:s3:::tmc-orphan-data/beta/*.csv", true},
		{"arn:aws-us-gov:s3:::tmc-orphan-data", true},
		{"arn:aws:s3:::tmc-orphan-data2", false},
		{"arn:aws:s3:::tmc-orphan", false},
		{"arn:aws:s3:::*", false},
		{"arn:aws:s3:::*/*", false},
		{"*", false},
		{"arn:aws:kms:us-east-1:111122223333:key/tmc-orphan-data", false},
	} {
		if got := resourceOnBucket(tc.res, "tmc-orphan-data"); got != tc.want {
			t.Errorf("resourceOnBucket(%q) = %v, want %v", tc.res, got, tc.want)
		}
	}
}

// TestOrphanPolicyNameFromARN: moto's listing has no PolicyName, so the
// name comes from the ARN, and a declared grant's policy is still known.
func TestOrphanPolicyNameFromARN(t *testing.T) {
	doc := url.QueryEscape(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::tmc-orphan-data/*"}}`)
	pol := func(name string) iamtypes.ManagedPolicyDetail {
		return iamtypes.ManagedPolicyDetail{Arn: aws.String(fakePolicyPrefix + name), AttachmentCount: aws.Int32(1), DefaultVersionId: aws.String("v1"),
			PolicyVersionList: []iamtypes.PolicyVersion{{Document: aws.String(doc), VersionId: aws.String("v1")}}}
	}
	items := itemsFromHCL(t, orphanSpec+orphanAlpha)
	got := orphanPolicies([]iamtypes.ManagedPolicyDetail{pol("alpha-s3-access"), pol("beta-s3-access")}, items, specBucketNames(items), "aws")
	if len(got) != 1 || got[0].name != "beta-s3-access" || !slices.Equal(got[0].buckets, []string{"tmc-orphan-data"}) {
		t.Errorf("orphans %+v, want beta-s3-access on tmc-orphan-data", got)
	}
}
