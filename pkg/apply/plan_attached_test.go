package apply

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// entitiesPage is the fake's page size for ListEntitiesForPolicy: three
// holders take two pages, so the plan must follow the marker.
const entitiesPage = 2

func (f *fake) ListEntitiesForPolicy(_ context.Context, in *iam.ListEntitiesForPolicyInput, _ ...func(*iam.Options)) (*iam.ListEntitiesForPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListEntitiesForPolicy", *in.PolicyArn, false); err != nil {
		return nil, err
	}
	var owners []string
	for k := range f.iam.attached {
		if owner, arn, _ := strings.Cut(k, " "); arn == *in.PolicyArn {
			owners = append(owners, owner)
		}
	}
	slices.Sort(owners)
	from, _ := strconv.Atoi(aws.ToString(in.Marker))
	out := &iam.ListEntitiesForPolicyOutput{}
	if to := from + entitiesPage; to < len(owners) {
		owners, out.IsTruncated, out.Marker = owners[from:to], true, aws.String(strconv.Itoa(to))
	} else {
		owners = owners[from:]
	}
	for _, owner := range owners {
		kind, name, _ := strings.Cut(owner, "/")
		switch kind {
		case "user":
			out.PolicyUsers = append(out.PolicyUsers, iamtypes.PolicyUser{UserName: aws.String(name)})
		case "group":
			out.PolicyGroups = append(out.PolicyGroups, iamtypes.PolicyGroup{GroupName: aws.String(name)})
		default:
			out.PolicyRoles = append(out.PolicyRoles, iamtypes.PolicyRole{RoleName: aws.String(name)})
		}
	}
	return out, nil
}

// TestWarnOtherAttachments: every plan lists who holds each managed
// policy of the spec that exists (one ListEntitiesForPolicy per page) and
// warns once about the holders the spec does not declare, naming each with
// the command that detaches it: a group someone attached the grant's
// policy to by hand, other users and roles, the user a grant switched to a
// role left holding it. A policy that does not exist yet costs no call.
func TestWarnOtherAttachments(t *testing.T) {
	const arn = "arn:aws:iam::111122223333:policy/teramot-s3-access"
	const detachGroup = "aws iam detach-group-policy --group-name partners-grp --policy-arn " + arn
	cases := []struct {
		name            string
		applied, plan   string // applied first (none: nothing exists)
		setup           func(f *fake)
		calls           int
		want, forbidden []string // substrings of the one warning; want nil: no warning
	}{
		{"converged user: the declared holder is no news", "setup-guide-user", "setup-guide-user", func(*fake) {}, 1, nil, nil},
		{"converged role", "setup-guide-role", "setup-guide-role", func(*fake) {}, 1, nil, nil},
		{"a group holds the grant policy", "setup-guide-user", "setup-guide-user", func(f *fake) {
			f.iam.attached["group/partners-grp "+arn] = true
		}, 1, []string{
			"managed policy teramot-s3-access is also attached to group/partners-grp, which the spec does not declare: " +
				"it keeps this access (a group's members too)",
			"If it should not, detach it: " + detachGroup,
		}, []string{"teramot-service-user", "detach-user-policy", "detach-role-policy"}},
		{"a group, a user and a role take two pages", "setup-guide-role", "setup-guide-role", func(f *fake) {
			f.iam.attached["group/partners-grp "+arn] = true
			f.iam.attached["user/bob "+arn] = true
			f.iam.attached["role/etl "+arn] = true
		}, 2, []string{
			"also attached to group/partners-grp, role/etl, user/bob, which",
			detachGroup + "; aws iam detach-role-policy --role-name etl --policy-arn " + arn +
				"; aws iam detach-user-policy --user-name bob --policy-arn " + arn,
		}, []string{"teramot-access"}},
		{"switched from user to role: one read, one warning", "setup-guide-user", "setup-guide-role", func(f *fake) {
			f.iam.attached["group/partners-grp "+arn] = true
		}, 1, []string{
			"also attached to group/partners-grp, user/teramot-service-user, which",
			detachGroup + "; aws iam detach-user-policy --user-name teramot-service-user --policy-arn " + arn,
		}, []string{"detach-role-policy"}},
		{"listing denied: said, with the command to check", "setup-guide-user", "setup-guide-user", func(f *fake) {
			f.faults["ListEntitiesForPolicy"] = []error{errors.New("AccessDenied")}
		}, 1, []string{"could not list who else holds managed policy teramot-s3-access (AccessDenied); " +
			"check with: aws iam list-entities-for-policy --policy-arn " + arn}, nil},
		{"the policy does not exist yet: no call", "", "setup-guide-role", func(*fake) {}, 0, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if tc.applied != "" {
				if _, err := converge(t, e, loadSpec(t, tc.applied, nil)); err != nil {
					t.Fatal(err)
				}
			}
			tc.setup(f)
			f.mu.Lock()
			writes := f.writes
			f.mu.Unlock()
			p := planFor(t, e, loadSpec(t, tc.plan, nil))
			f.mu.Lock()
			from := len(f.calls)
			f.mu.Unlock()
			e.WarnOtherAttachments(context.Background(), p)
			f.mu.Lock()
			if f.writes != writes {
				t.Errorf("plan made %d write calls, want none", f.writes-writes)
			}
			f.mu.Unlock()
			if n := identityReads(f, from)["ListEntitiesForPolicy"]; n != tc.calls {
				t.Errorf("%d ListEntitiesForPolicy calls, want %d", n, tc.calls)
			}
			var held []string // the warnings about holders of the policy
			for _, w := range p.Warnings {
				if strings.Contains(w, "teramot-s3-access") && !strings.Contains(w, "holds access the spec does not declare") {
					held = append(held, w)
				}
			}
			if tc.want == nil {
				if len(held) != 0 {
					t.Errorf("warnings = %q, want none about the policy's holders", held)
				}
				return
			}
			if len(held) != 1 {
				t.Fatalf("warnings = %q, want one about the policy's holders", p.Warnings)
			}
			for _, w := range tc.want {
				if !strings.Contains(held[0], w) {
					t.Errorf("warning lacks %q:\n%s", w, held[0])
				}
			}
			for _, w := range tc.forbidden {
				if strings.Contains(held[0], w) {
					t.Errorf("warning has %q:\n%s", w, held[0])
				}
			}
		})
	}
}
