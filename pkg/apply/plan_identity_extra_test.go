package apply

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

func (f *fake) ListUserPolicies(_ context.Context, in *iam.ListUserPoliciesInput, _ ...func(*iam.Options)) (*iam.ListUserPoliciesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListUserPolicies", *in.UserName, false); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] {
		return nil, noEntity("user")
	}
	return &iam.ListUserPoliciesOutput{PolicyNames: f.iam.inline["user/"+*in.UserName]}, nil
}

func (f *fake) ListRolePolicies(_ context.Context, in *iam.ListRolePoliciesInput, _ ...func(*iam.Options)) (*iam.ListRolePoliciesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListRolePolicies", *in.RoleName, false); err != nil {
		return nil, err
	}
	if f.iam.roles[*in.RoleName] == nil {
		return nil, noEntity("role")
	}
	return &iam.ListRolePoliciesOutput{PolicyNames: f.iam.inline["role/"+*in.RoleName]}, nil
}

func (f *fake) ListGroupsForUser(_ context.Context, in *iam.ListGroupsForUserInput, _ ...func(*iam.Options)) (*iam.ListGroupsForUserOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListGroupsForUser", *in.UserName, false); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] {
		return nil, noEntity("user")
	}
	out := &iam.ListGroupsForUserOutput{}
	for _, g := range f.iam.groups[*in.UserName] {
		out.Groups = append(out.Groups, iamtypes.Group{GroupName: aws.String(g)})
	}
	return out, nil
}

// identityReads counts the calls of a plan (Read and WarnOtherAttachments)
// to IAM list operations.
func identityReads(f *fake, from int) map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := map[string]int{}
	for _, c := range f.calls[from:] {
		op, _, _ := strings.Cut(c, " ")
		if strings.HasPrefix(op, "List") && op != "ListObjectVersions" && op != "ListMultipartUploads" {
			n[op]++
		}
	}
	return n
}

// TestWarnIdentityExtras: a user or role of the spec that holds access the
// spec does not declare (an inline policy, another managed policy, a
// group) gets one warning naming each and the exact command that removes
// it; a converged identity without extras gets none. teramotc never
// removes them, so the plan has no change for them either way.
func TestWarnIdentityExtras(t *testing.T) {
	const other = "arn:aws:iam::111122223333:policy/extra-s3"
	const aws3 = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
	cases := []struct {
		name  string
		spec  string
		setup func(f *fake)
		want  []string // substrings of the one warning; none: no warning
	}{
		{"converged user", "setup-guide-user", func(*fake) {}, nil},
		{"converged role", "setup-guide-role", func(*fake) {}, nil},
		{"user with an inline policy", "setup-guide-user", func(f *fake) {
			f.iam.inline = map[string][]string{"user/teramot-service-user": {"sneaky"}}
		}, []string{"user teramot-service-user holds access the spec does not declare: inline policy sneaky " +
			"(remove: aws iam delete-user-policy --user-name teramot-service-user --policy-name sneaky)",
			"inspect it with aws iam list-user-policies --user-name teramot-service-user, " +
				"aws iam list-attached-user-policies --user-name teramot-service-user, aws iam list-groups-for-user --user-name teramot-service-user"}},
		{"user with another managed policy", "setup-guide-user", func(f *fake) {
			f.iam.attached["user/teramot-service-user "+other] = true
			f.iam.attached["user/teramot-service-user "+aws3] = true
		}, []string{"managed policy " + other + " (detach: aws iam detach-user-policy --user-name teramot-service-user --policy-arn " + other + "); " +
			"managed policy " + aws3 + " (detach: aws iam detach-user-policy --user-name teramot-service-user --policy-arn " + aws3 + ")"}},
		{"user in a group", "setup-guide-user", func(f *fake) {
			f.iam.groups = map[string][]string{"teramot-service-user": {"partners-grp"}}
		}, []string{"group partners-grp, whose policies apply to its members " +
			"(leave: aws iam remove-user-from-group --group-name partners-grp --user-name teramot-service-user)"}},
		{"role with inline and another managed policy", "setup-guide-role", func(f *fake) {
			f.iam.inline = map[string][]string{"role/teramot-access": {"wide"}}
			f.iam.attached["role/teramot-access "+other] = true
		}, []string{"role teramot-access holds access the spec does not declare: " +
			"inline policy wide (remove: aws iam delete-role-policy --role-name teramot-access --policy-name wide); " +
			"managed policy " + other + " (detach: aws iam detach-role-policy --role-name teramot-access --policy-arn " + other + ")",
			"the role may do more than its grant says; inspect it with aws iam list-role-policies --role-name teramot-access, " +
				"aws iam list-attached-role-policies --role-name teramot-access"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, tc.spec, nil)
			if _, err := converge(t, e, items); err != nil {
				t.Fatal(err)
			}
			tc.setup(f)
			p := planFor(t, e, items)
			e.WarnOtherAttachments(context.Background(), p)
			if len(p.Changes) != 0 {
				t.Errorf("plan has %d changes, want none (teramotc never removes access)", len(p.Changes))
			}
			if tc.want == nil {
				if len(p.Warnings) != 0 {
					t.Errorf("warnings = %q, want none", p.Warnings)
				}
				return
			}
			if len(p.Warnings) != 1 {
				t.Fatalf("warnings = %q, want one", p.Warnings)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.Warnings[0], w) {
					t.Errorf("warning lacks %q:\n%s", w, p.Warnings[0])
				}
			}
		})
	}
}

// TestIdentityExtrasReads counts the IAM list calls of a converged plan:
// the attached policies of each user and role are read once, by the
// attachment's live read, which the warning reuses; what else the identity
// holds costs ListUserPolicies and ListGroupsForUser per user,
// ListRolePolicies per role (and ListAccessKeys, which the setup-guide
// user's access key item reads). Each managed policy of the spec that
// exists costs one ListEntitiesForPolicy (WarnOtherAttachments: who else
// holds the grant, a group attached by hand included), in every plan, not
// only one that attaches the policy. A user, role or policy that does not
// exist yet costs no more than before.
func TestIdentityExtrasReads(t *testing.T) {
	cases := []struct {
		spec           string
		fresh, applied map[string]int
	}{
		{"setup-guide-user",
			map[string]int{"ListAttachedUserPolicies": 1},
			map[string]int{"ListAttachedUserPolicies": 1, "ListUserPolicies": 1, "ListGroupsForUser": 1, "ListEntitiesForPolicy": 1}},
		{"setup-guide-role",
			map[string]int{"ListAttachedRolePolicies": 1},
			map[string]int{"ListAttachedRolePolicies": 1, "ListRolePolicies": 1, "ListEntitiesForPolicy": 1}},
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, tc.spec, nil)
			plan := func() (*Plan, map[string]int) {
				f.mu.Lock()
				from := len(f.calls)
				f.mu.Unlock()
				p := planFor(t, e, items)
				e.WarnOtherAttachments(context.Background(), p)
				n := identityReads(f, from)
				delete(n, "ListAccessKeys")
				return p, n
			}
			p, n := plan()
			if !maps.Equal(n, tc.fresh) {
				t.Errorf("plan from nothing: list calls %v, want %v", n, tc.fresh)
			}
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if _, n = plan(); !maps.Equal(n, tc.applied) {
				t.Errorf("converged plan: list calls %v, want %v", n, tc.applied)
			}
		})
	}
}
