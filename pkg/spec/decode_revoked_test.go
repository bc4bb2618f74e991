package spec

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const revokedGrantOf = `
grant "teramot" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "teramot-service-user"
  }
}
`

// TestRevokedGrantDecode checks the decoded revoked_grant: the principal,
// and policy_name defaulting as a grant's does (LABEL-s3-access).
func TestRevokedGrantDecode(t *testing.T) {
	src := minimalBucket + `
revoked_grant "old-partner" {
  iam_user = "old-partner-user"
}

revoked_grant "old_role" {
  cross_account_role = "old-access"
  policy_name        = "old-policy"
}
`
	dir := writeSpec(t, map[string]string{"main.hcl": src})
	s := mustLoad(t, filepath.Join(dir, "main.hcl"), Options{})
	if len(s.RevokedGrants) != 2 {
		t.Fatalf("%d revoked grants, want 2", len(s.RevokedGrants))
	}
	type got struct{ Address, Kind, Name, Policy string }
	var list []got
	for _, r := range s.RevokedGrants {
		kind, name := r.Principal()
		list = append(list, got{r.Address, kind, name.Value, r.PolicyName.Value})
	}
	want := []got{
		{"revoked_grant.old-partner", "user", "old-partner-user", "old-partner-s3-access"},
		{"revoked_grant.old_role", "role", "old-access", "old-policy"},
	}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
	r := s.RevokedGrants[0]
	if r.PolicyName.Set || r.PolicyName.Range != r.DeclRange {
		t.Errorf("default policy_name = %+v, want unset at the block header %v", r.PolicyName, r.DeclRange)
	}
	if s.RevokedGrants[1].IAMUser.Set {
		t.Errorf("iam_user set on a role revocation: %+v", s.RevokedGrants[1].IAMUser)
	}
}

// TestRevokedGrantDiagnostics checks each diagnostic of revoked_grant: its
// summary, the line and column it points at, and a part of its detail.
func TestRevokedGrantDiagnostics(t *testing.T) {
	base := minimalBucket + revokedGrantOf // 13 lines before the block under test
	const first = 14
	tests := []struct {
		name    string
		src     string // the block(s) after base
		summary string
		line    int // relative to the first line of src (1-based)
		col     int
		detail  string
	}{
		{name: "both principals", src: "revoked_grant \"x\" {\n  iam_user = \"a\"\n  cross_account_role = \"b\"\n}\n",
			summary: "Conflicting revoked principals", line: 3, col: 24, detail: "exactly one of iam_user and cross_account_role"},
		{name: "no principal", src: "revoked_grant \"x\" {\n  policy_name = \"p\"\n}\n",
			summary: "Missing revoked principal", line: 1, col: 1, detail: "needs iam_user or cross_account_role"},
		{name: "null principal", src: "revoked_grant \"x\" {\n  iam_user = null\n}\n",
			summary: "Missing revoked principal", line: 1, col: 1, detail: "needs iam_user or cross_account_role"},
		{name: "granted user", src: "revoked_grant \"x\" {\n  iam_user = \"Teramot-Service-User\"\n}\n",
			summary: "Revoked identity is granted", line: 2, col: 14, detail: "but grant.teramot grants access to it"},
		{name: "duplicate label", src: "revoked_grant \"x\" {\n  iam_user = \"a\"\n}\nrevoked_grant \"x\" {\n  iam_user = \"b\"\n}\n",
			summary: "Duplicate revoked_grant block", line: 4, col: 1, detail: "labels must be unique"},
		{name: "same revocation twice", src: "revoked_grant \"x\" {\n  iam_user = \"a\"\n  policy_name = \"p\"\n}\nrevoked_grant \"y\" {\n  iam_user = \"A\"\n  policy_name = \"p\"\n}\n",
			summary: "Duplicate revocation", line: 5, col: 1, detail: "both revoke policy \"p\""},
		{name: "invalid user name", src: "revoked_grant \"x\" {\n  iam_user = \"bad name!\"\n}\n",
			summary: "Invalid IAM user name", line: 2, col: 14, detail: "uses only letters"},
		{name: "invalid role name", src: "revoked_grant \"x\" {\n  cross_account_role = \"\"\n}\n",
			summary: "Invalid IAM role name", line: 2, col: 24, detail: "1 to 64 characters"},
		{name: "invalid policy name", src: "revoked_grant \"x\" {\n  iam_user = \"a\"\n  policy_name = \"p/q\"\n}\n",
			summary: "Invalid IAM policy name", line: 3, col: 17, detail: "uses only letters"},
		{name: "invalid label", src: "revoked_grant \"1x\" {\n  iam_user = \"a\"\n}\n",
			summary: "Invalid revoked_grant label", line: 1, col: 15, detail: "not a valid revoked_grant label"},
		{name: "unknown attribute", src: "revoked_grant \"x\" {\n  iam_usr = \"a\"\n}\n",
			summary: "Unsupported argument", line: 2, col: 3, detail: `Did you mean "iam_user"?`},
		{name: "nested block", src: "revoked_grant \"x\" {\n  iam_user {\n    name = \"a\"\n  }\n}\n",
			summary: "Unsupported block type", line: 2, col: 3, detail: "iam_user"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": base + tc.src})
			_, diags := Load(filepath.Join(dir, "main.hcl"), Options{})
			var d *hcl.Diagnostic
			for _, x := range diags {
				if x.Severity == hcl.DiagError && x.Summary == tc.summary {
					d = x
					break
				}
			}
			if d == nil {
				t.Fatalf("no %q error in:\n%s", tc.summary, diagText(diags))
			}
			if d.Subject == nil {
				t.Fatalf("%q has no subject", tc.summary)
			}
			at := fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column)
			if want := fmt.Sprintf("%d:%d", first+tc.line-1, tc.col); at != want {
				t.Errorf("%q at %s, want %s", tc.summary, at, want)
			}
			if !strings.Contains(d.Detail, tc.detail) {
				t.Errorf("detail %q does not hold %q", d.Detail, tc.detail)
			}
		})
	}
}

// TestRevokedGrantValid checks revocations that are not errors: a role
// named like a granted user (another namespace), and a revoked user whose
// policy name is a grant's (detached from the revoked user only).
func TestRevokedGrantValid(t *testing.T) {
	src := minimalBucket + revokedGrantOf + `
revoked_grant "a" {
  cross_account_role = "teramot-service-user"
}
revoked_grant "b" {
  iam_user    = "old-user"
  policy_name = "teramot-s3-access"
}
`
	dir := writeSpec(t, map[string]string{"main.hcl": src})
	if s := mustLoad(t, filepath.Join(dir, "main.hcl"), Options{}); len(s.RevokedGrants) != 2 {
		t.Errorf("%d revoked grants, want 2", len(s.RevokedGrants))
	}
}

// TestRevokedGrantOnly checks that a spec of only revoked_grant blocks is
// not empty.
func TestRevokedGrantOnly(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": "revoked_grant \"x\" {\n  iam_user = \"a\"\n}\n"})
	_, diags := Load(filepath.Join(dir, "main.hcl"), Options{})
	if got := summaries(diags); len(got) != 0 {
		t.Errorf("errors %v, want none", got)
	}
}
