package apply

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

const importAccount = "111122223333"

// grantFake adds to f a role (trust: its trust policy) or, when trust is
// "", a user named "partner", with the customer-managed policy
// "partner-access" (doc) attached.
func grantFake(f *fake, trust, doc string) ImportOptions {
	arn := "arn:aws:iam::" + importAccount + ":policy/partner-access"
	f.iam.policies[arn] = []string{doc}
	opts := ImportOptions{Bucket: importBucketName}
	if trust == "" {
		f.iam.users["partner"] = true
		f.iam.attached["user/partner "+arn] = true
		opts.User = "partner"
	} else {
		f.iam.roles["partner"] = &fakeRole{trust: trust, maxSession: 3600}
		f.iam.attached["role/partner "+arn] = true
		opts.Role = "partner"
	}
	return opts
}

const (
	objects    = "arn:aws:s3:::" + importBucketName + "/*"
	accessDoc  = `{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject"],"Resource":"` + objects + `"}]}`
	trustShape = `{"Version":"2012-10-17","Statement":[{"Sid":"TrustedAccountAssumeRole","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},` +
		`"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1234"}%s}}]}`
)

// TestImportRefuses imports live states a spec cannot keep: leaving the
// field out would widen access (a NotPrincipal deny, a trust condition, an
// identity-policy condition) or give a spec that does not validate (an
// SSE-KMS key that is not a key ARN). Import fails with a Problem naming
// each field and what to do, and writes nothing.
func TestImportRefuses(t *testing.T) {
	policy := func(stmts ...string) *string {
		return aws.String(`{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`)
	}
	kms := func(key string) *types.ServerSideEncryptionConfiguration {
		d := &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAwsKms}
		if key != "" {
			d.KMSMasterKeyID = aws.String(key)
		}
		return &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: d}}}
	}
	tests := []struct {
		name   string
		setup  func(f *fake) ImportOptions
		detail []string
	}{
		{"NotPrincipal deny", func(f *fake) ImportOptions {
			f.buckets[importBucketName].policy = policy(`{"Sid":"DenyOthers","Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::` + importAccount + `:root"},"Action":"s3:*","Resource":"` + objects + `"}`)
			return ImportOptions{Bucket: importBucketName}
		}, []string{`statement "DenyOthers" has NotPrincipal`, "aws:PrincipalArn"}},
		{"NotResource and a Sid-less NotPrincipal, both named", func(f *fake) ImportOptions {
			f.buckets[importBucketName].policy = policy(
				`{"Sid":"Outside","Effect":"Deny","Principal":"*","Action":"s3:GetObject","NotResource":"`+objects+`"}`,
				`{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"`+objects+`"}`)
			return ImportOptions{Bucket: importBucketName}
		}, []string{"2 settings", `statement "Outside" has NotResource`, "statement without a Sid has NotPrincipal"}},
		{"SSE-KMS with the AWS managed key", func(f *fake) ImportOptions {
			f.buckets[importBucketName].enc = kms("")
			return ImportOptions{Bucket: importBucketName}
		}, []string{"AWS managed key aws/s3", "customer-managed key"}},
		{"SSE-KMS by alias", func(f *fake) ImportOptions {
			f.buckets[importBucketName].enc = kms("alias/data")
			return ImportOptions{Bucket: importBucketName}
		}, []string{`KMS alias "alias/data"`}},
		{"SSE-KMS by key id", func(f *fake) ImportOptions {
			f.buckets[importBucketName].enc = kms("1234abcd-12ab-34cd-56ef-1234567890ab")
			return ImportOptions{Bucket: importBucketName}
		}, []string{`"1234abcd-12ab-34cd-56ef-1234567890ab", not by its key ARN`}},
		{"trust policy with an MFA condition", func(f *fake) ImportOptions {
			return grantFake(f, strings.Replace(trustShape, "%s", `,"Bool":{"aws:MultiFactorAuthPresent":"true"}`, 1), accessDoc)
		}, []string{"role partner", "condition Bool aws:MultiFactorAuthPresent", "iam update-assume-role-policy"}},
		{"trust policy with two principals", func(f *fake) ImportOptions {
			trust := strings.Replace(strings.Replace(trustShape, "%s", "", 1), `"arn:aws:iam::999988887777:root"`,
				`["arn:aws:iam::999988887777:root","arn:aws:iam::555566667777:root"]`, 1)
			return grantFake(f, trust, accessDoc)
		}, []string{"2 AWS principals (arn:aws:iam::555566667777:root, arn:aws:iam::999988887777:root)"}},
		{"service principal", func(f *fake) ImportOptions {
			return grantFake(f, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, accessDoc)
		}, []string{"a Service principal (ec2.amazonaws.com)"}},
		{"no customer-managed policy", func(f *fake) ImportOptions {
			f.iam.users["partner"] = true
			return ImportOptions{Bucket: importBucketName, User: "partner"}
		}, []string{"user/partner has no customer-managed policy attached", "without -user/-role", "Nothing was written"}},
		{"identity-policy Deny", func(f *fake) ImportOptions {
			return grantFake(f, "", `{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject"],"Resource":"`+
				objects+`"},{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"`+objects+`"}]}`)
		}, []string{`user/partner: statement "NoDelete" of the managed policy partner-access has Effect Deny`}},
		{"identity-policy condition (caught by the plan check)", func(f *fake) ImportOptions {
			return grantFake(f, "", `{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject"],"Resource":"`+
				objects+`","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}`)
		}, []string{"would widen access", `update managed-policy "partner-access" [loosen]`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, e := importFake(t, nil)
			im, err := e.Import(context.Background(), tc.setup(f))
			var p *Problem
			if !errors.As(err, &p) || im != nil {
				t.Fatalf("Import = %v, %v; want no spec and a Problem", im, err)
			}
			if !strings.HasPrefix(p.Summary, "cannot import") || !strings.Contains(strings.ToLower(p.Detail), "nothing was written") {
				t.Errorf("problem %q / %q does not say import wrote nothing", p.Summary, p.Detail)
			}
			for _, w := range tc.detail {
				if !strings.Contains(p.Summary+"\n"+p.Detail, w) {
					t.Errorf("problem lacks %q:\n%s\n%s", w, p.Summary, p.Detail)
				}
			}
		})
	}
}

// TestImportDuplicateSids imports a bucket policy in which two statements
// share a Sid: the later one is labelled with a number appended (skipping
// live Sids), the spec loads (labels are unique), import warns, and the
// plan's only change renames the Sid, classified neutral.
func TestImportDuplicateSids(t *testing.T) {
	testImportSidRename(t, []string{"Same", "Same2", "Same"}, []string{"Same", "Same2", "Same3"}, `"Same" -> Same3`)
}

// TestImportSidCharacters: S3 accepts Sids with spaces and punctuation, a
// spec's labels only letters and digits: import drops the others (and
// numbers the label when it is taken), like a duplicate Sid.
func TestImportSidCharacters(t *testing.T) {
	testImportSidRename(t, []string{"Allow read (legacy)", "Allowreadlegacy", "--"}, []string{"Allowreadlegacy2", "Allowreadlegacy", "Imported"},
		`"Allow read (legacy)" -> Allowreadlegacy2, "--" -> Imported`)
}

// testImportSidRename imports statements with live Sids (an Allow, an
// Allow and a Deny) and checks their labels, the warning naming the
// renames, and that the plan's one change renames Sids, neutral.
func testImportSidRename(t *testing.T, live, labels []string, renames string) {
	t.Helper()
	f, e := importFake(t, nil)
	stmt := func(sid, effect, action string) string {
		return `{"Sid":"` + sid + `","Effect":"` + effect + `","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"` + action + `","Resource":"` + objects + `"}`
	}
	f.buckets[importBucketName].policy = aws.String(`{"Version":"2012-10-17","Statement":[` +
		stmt(live[0], "Allow", "s3:GetObject") + "," + stmt(live[1], "Allow", "s3:PutObject") + "," + stmt(live[2], "Deny", "s3:DeleteObject") + `]}`)
	im, p := planImported(t, e)
	src := string(im.HCL)
	for _, l := range labels {
		if !strings.Contains(src, `statement "`+l+`" {`) {
			t.Errorf("imported spec lacks statement %q:\n%s", l, src)
		}
	}
	if notes := strings.Join(im.Notes, "\n"); !strings.Contains(notes, "renames them: "+renames+" (") {
		t.Errorf("notes do not name the renames %s:\n%s", renames, notes)
	}
	if len(p.Changes) != 1 || p.Changes[0].Type != TBucketPolicy || p.Changes[0].Risk != RiskNeutral || !strings.Contains(p.Changes[0].Reason, "only change") &&
		!strings.Contains(p.Changes[0].Reason, "only changes") {
		for _, c := range p.Changes {
			t.Errorf("planned %s %s [%s] %s", c.Action, c.Type, c.Risk, c.Reason)
		}
		t.Errorf("want one neutral bucket-policy change that renames Sids")
	}
}

// TestImportPolicyVersion imports bucket policies with an old Version or
// an Id: with a "${" (literal under 2008-10-17, a variable under the
// 2012-10-17 a spec renders) import refuses; without one it warns, and
// the plan's only change (to Version 2012-10-17, no Id) is neutral.
func TestImportPolicyVersion(t *testing.T) {
	stmt := `{"Sid":"Read","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::` +
		importBucketName + `/%s"}`
	tests := []struct {
		name, head, key string
		refused, note   string
	}{
		{"2008 with a variable", `"Version":"2008-10-17"`, "${aws:username}/*", "has Version 2008-10-17 and text like ${aws:username}", ""},
		{"no Version with a variable", `"Id":"x"`, "${aws:userid}/*", "has no Version (which means 2008-10-17)", ""},
		{"2008 without a variable", `"Version":"2008-10-17"`, "*", "", `has Version "2008-10-17", which a spec cannot express`},
		{"Id", `"Version":"2012-10-17","Id":"Policy1"`, "*", "", `has Id "Policy1"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, e := importFake(t, nil)
			f.buckets[importBucketName].policy = aws.String(`{` + tc.head + `,"Statement":[` + strings.Replace(stmt, "%s", tc.key, 1) + `]}`)
			if tc.refused != "" {
				_, err := e.Import(context.Background(), ImportOptions{Bucket: importBucketName})
				var p *Problem
				if !errors.As(err, &p) || !strings.Contains(p.Detail, tc.refused) {
					t.Fatalf("Import error = %v, want a Problem saying %q", err, tc.refused)
				}
				return
			}
			im, p := planImported(t, e)
			if notes := strings.Join(im.Notes, "\n"); !strings.Contains(notes, tc.note) || !strings.Contains(notes, "classified neutral") {
				t.Errorf("notes lack %q:\n%s", tc.note, notes)
			}
			if len(p.Changes) != 1 || p.Changes[0].Type != TBucketPolicy || p.Changes[0].Risk != RiskNeutral {
				for _, c := range p.Changes {
					t.Errorf("planned %s %s [%s] %s", c.Action, c.Type, c.Risk, c.Reason)
				}
				t.Errorf("want one neutral bucket-policy change")
			}
		})
	}
}
