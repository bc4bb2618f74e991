package apply

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// inlineMade adds the inline policy name with document doc to owner
// ("user/NAME", "role/NAME", "group/NAME"); a user's or role's is listed
// by ListUserPolicies or ListRolePolicies too.
func inlineMade(f *fake, owner, name, doc string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.iam.inlineDocs == nil {
		f.iam.inlineDocs = map[string]map[string]string{}
	}
	if f.iam.inlineDocs[owner] == nil {
		f.iam.inlineDocs[owner] = map[string]string{}
	}
	f.iam.inlineDocs[owner][name] = doc
	if !strings.HasPrefix(owner, "group/") {
		if f.iam.inline == nil {
			f.iam.inline = map[string][]string{}
		}
		f.iam.inline[owner] = append(f.iam.inline[owner], name)
	}
}

// TestWarnOrphanInline: an inline policy that grants access to the spec's
// buckets and whose user, role or group is no grant's and no
// revoked_grant's is one warning with the command that deletes it (an
// out-of-band s3:* on a removed grant's role, say). One of a grant's
// role is named only by the warning about what the role holds beyond its
// grant, one of a revoked_grant's role only by the revoked warning; one
// on another bucket, or on every bucket, by none.
func TestWarnOrphanInline(t *testing.T) {
	const (
		s3All   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::tmc-orphan-data","arn:aws:s3:::tmc-orphan-data/*"]}]}`
		both    = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::tmc-orphan-data/*","arn:aws:s3:::tmc-orphan-other/*"]}}`
		broad   = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::tmc-orphan-*/*"]}}`
		garbled = `{"Version":"2012-10-17","Statement":[`
		elsewhr = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::someone-else/*"}}`
		every   = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`
		notS3   = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:s3:::tmc-orphan-data"}}`
	)
	for _, tc := range []struct {
		name  string
		plan  string // blocks after the buckets
		owner string // the inline policy "wide"'s
		doc   string
		want  []string // substrings of the one warning naming inline policy wide; nil: none from warnOrphanInline
		other string   // the one other warning that names it ("" for none)
	}{
		{name: "inline on a removed grant's role", plan: orphanAlpha, owner: "role/beta-role", doc: s3All,
			want: []string{"inline policy wide of role beta-role grants access to bucket tmc-orphan-data of the spec, but no grant of the spec declares it",
				"teramotc never deletes inline policies", "aws iam delete-role-policy --role-name beta-role --policy-name wide"}},
		{name: "inline on a grant's own role", plan: orphanAlpha + orphanBeta, owner: "role/alpha-role", doc: s3All,
			other: "role alpha-role holds access the spec does not declare: inline policy wide"},
		{name: "inline on a revoked grant's role", plan: orphanAlpha + orphanBetaRevoked, owner: "role/beta-role", doc: s3All,
			other: "revoked role beta-role (revoked_grant.beta) still holds access the spec does not declare: inline policy wide"},
		{name: "inline on another bucket", plan: orphanAlpha, owner: "role/beta-role", doc: elsewhr},
		{name: "inline on every bucket", plan: orphanAlpha, owner: "role/beta-role", doc: every},
		{name: "inline of another service", plan: orphanAlpha, owner: "role/beta-role", doc: notS3},
		{name: "group inline", plan: orphanAlpha + orphanBeta, owner: "group/admins", doc: both,
			want: []string{"inline policy wide of group admins grants access to buckets tmc-orphan-data, tmc-orphan-other of the spec",
				"aws iam delete-group-policy --group-name admins --policy-name wide"}},
		// review diff6b F13: a bucket-name pattern names no bucket of the spec
		{name: "group inline on a bucket-name pattern", plan: orphanAlpha + orphanBeta, owner: "group/admins", doc: broad},
		// review diff6b F14
		{name: "unparsable inline", plan: orphanAlpha + orphanBeta, owner: "user/ops", doc: garbled,
			want: []string{"inline policy wide of user ops could not be read (parse policy JSON",
				"aws iam get-user-policy --user-name ops --policy-name wide"}},
		{name: "user inline made by hand", plan: orphanAlpha + orphanBeta, owner: "user/ops", doc: s3All,
			want: []string{"inline policy wide of user ops grants access to bucket tmc-orphan-data",
				"aws iam delete-user-policy --user-name ops --policy-name wide"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if _, err := converge(t, e, itemsFromHCL(t, orphanSpec+orphanAlpha+orphanBeta)); err != nil {
				t.Fatal(err)
			}
			inlineMade(f, tc.owner, "wide", tc.doc)
			p := planFor(t, e, itemsFromHCL(t, orphanSpec+tc.plan))
			e.WarnOtherAttachments(context.Background(), p)
			var mine, others []string
			for _, w := range p.Warnings {
				switch {
				case strings.HasPrefix(w, "inline policy wide of "):
					mine = append(mine, w)
				case strings.Contains(w, "inline policy wide"):
					others = append(others, w)
				}
			}
			if tc.want == nil && len(mine) != 0 {
				t.Errorf("inline warnings %q, want none", mine)
			}
			if tc.want != nil {
				if len(mine) != 1 {
					t.Fatalf("inline warnings %q, want one", mine)
				}
				for _, w := range tc.want {
					if !strings.Contains(mine[0], w) {
						t.Errorf("warning lacks %q:\n%s", w, mine[0])
					}
				}
			}
			switch {
			case tc.other == "" && len(others) != 0:
				t.Errorf("other warnings naming it %q, want none", others)
			case tc.other != "" && (len(others) != 1 || !strings.Contains(others[0], tc.other)):
				t.Errorf("other warnings naming it %q, want one with %q", others, tc.other)
			}
		})
	}
}

// TestInlineOf: the inline policies of users, roles and groups of a
// listing page, each with its kind and identity.
func TestInlineOf(t *testing.T) {
	doc := aws.String("%7B%7D")
	page := &iam.GetAccountAuthorizationDetailsOutput{
		UserDetailList:  []iamtypes.UserDetail{{UserName: aws.String("u"), UserPolicyList: []iamtypes.PolicyDetail{{PolicyName: aws.String("pu"), PolicyDocument: doc}}}},
		RoleDetailList:  []iamtypes.RoleDetail{{RoleName: aws.String("r"), RolePolicyList: []iamtypes.PolicyDetail{{PolicyName: aws.String("pr"), PolicyDocument: doc}}}, {RoleName: aws.String("bare")}},
		GroupDetailList: []iamtypes.GroupDetail{{GroupName: aws.String("g"), GroupPolicyList: []iamtypes.PolicyDetail{{PolicyName: aws.String("pg"), PolicyDocument: doc}}}},
	}
	want := []inlinePolicy{{"user", "u", "pu", "%7B%7D"}, {"role", "r", "pr", "%7B%7D"}, {"group", "g", "pg", "%7B%7D"}}
	if got := inlineOf(page); !slices.Equal(got, want) {
		t.Errorf("inlineOf = %+v, want %+v", got, want)
	}
}
