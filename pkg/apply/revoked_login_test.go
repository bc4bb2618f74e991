package apply

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestRevokedUserConsolePassword: a revoked user whose only other
// credential is a console password still gets its keys deactivated (a
// password is no permission), and the plan warns that the password stays,
// naming the command that deletes it. A user without one, and a role, get
// no such warning; a role is not asked. A failed read is a warning too.
func TestRevokedUserConsolePassword(t *testing.T) {
	role := "revoked_grant \"r\" {\n  cross_account_role = \"old-role\"\n}\n"
	const warn = "revoked user old-partner (revoked_grant.old) still has a console password"
	for _, tc := range []struct {
		name     string
		login    bool
		fault    error
		wantWarn string // "" for no warning about the password
	}{
		{name: "console password", login: true, wantWarn: warn},
		{name: "no console password"},
		{name: "read denied", fault: apiErr("AccessDenied", "not authorized to perform iam:GetLoginProfile"),
			wantWarn: "could not read whether revoked user old-partner (revoked_grant.old) still has a console password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			f.iam.users["old-partner"] = true
			f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
			f.iam.keys["old-partner"] = 1
			f.iam.logins = map[string]bool{"old-partner": tc.login}
			f.iam.roles["old-role"] = &fakeRole{trust: "{}", maxSession: 3600}
			f.iam.attached["role/old-role "+e.policyARN("r-s3-access")] = true
			if tc.fault != nil {
				f.faults["GetLoginProfile"] = []error{tc.fault}
			}
			p := planFor(t, e, specItems(t, revokedUser+role))
			e.WarnOtherAttachments(context.Background(), p)
			var actions []string
			for _, c := range p.Changes {
				actions = append(actions, c.Type+" "+c.Action+" "+c.Owner)
			}
			want := []string{"access-key update user/old-partner", "policy-attachment delete user/old-partner", "policy-attachment delete role/old-role"}
			if !slices.Equal(actions, want) {
				t.Errorf("changes %q, want %q: the keys go whatever the password", actions, want)
			}
			var got []string
			for _, w := range p.Warnings {
				if strings.Contains(w, "console password") {
					got = append(got, w)
				}
			}
			switch {
			case tc.wantWarn == "" && len(got) != 0:
				t.Errorf("warnings %q, want none about a console password", got)
			case tc.wantWarn != "" && (len(got) != 1 || !strings.Contains(got[0], tc.wantWarn)):
				t.Errorf("warnings %q, want one holding %q", got, tc.wantWarn)
			case tc.login && !strings.Contains(got[0], "aws iam delete-login-profile --user-name old-partner"):
				t.Errorf("the warning does not name the command that deletes the password:\n%s", got[0])
			case tc.fault != nil && !strings.Contains(got[0], "aws iam get-login-profile --user-name old-partner"):
				t.Errorf("the warning does not name the command that checks:\n%s", got[0])
			}
			if slices.Contains(f.calls, "GetLoginProfile old-role") {
				t.Error("GetLoginProfile called for a role")
			}
			if n := count(f.calls, "GetLoginProfile old-partner"); n != 1 {
				t.Errorf("GetLoginProfile called %d times, want once", n)
			}
			// Apply deactivates the key and detaches the policy; the
			// password stays (a revocation deletes nothing).
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if !f.iam.inactive[fakeKeyID(0)] || f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] {
				t.Errorf("not revoked: inactive %v, attached %v", f.iam.inactive, f.iam.attached)
			}
			if f.iam.logins["old-partner"] != tc.login {
				t.Error("apply changed the console password")
			}
		})
	}
}

// TestRevokedUserAbsentNoLoginRead: a revoked user that does not exist is
// not asked about a console password.
func TestRevokedUserAbsentNoLoginRead(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	p := planFor(t, e, specItems(t, revokedUser))
	e.WarnOtherAttachments(context.Background(), p)
	if n := count(f.calls, "GetLoginProfile old-partner"); n != 0 || len(p.Warnings) != 0 {
		t.Errorf("GetLoginProfile called %d times, warnings %q; want neither", n, p.Warnings)
	}
}

func count(calls []string, call string) int {
	n := 0
	for _, c := range calls {
		if c == call {
			n++
		}
	}
	return n
}
