package apply

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestRevokedGrantPermissions: a spec with revoked grants needs the reads
// of plan and, for apply, the detach and key deactivation, on the user or
// role under any path; a spec without them needs none of the writes.
func TestRevokedGrantPermissions(t *testing.T) {
	src := "aws {\n  account_id = \"111122223333\"\n}\n" + revokedUser +
		"revoked_grant \"r\" {\n  cross_account_role = \"old-role\"\n}\n"
	perms := func(src, command string) []string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		loaded, diags := spec.Load(dir, spec.Options{})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		out, _ := render.Render(loaded.Spec)
		p, err := Permissions(loaded.Spec, out, command)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, pm := range p.Permissions {
			s := pm.Action + " " + pm.Resource
			if pm.PolicyARN != "" {
				s += " if " + pm.PolicyARN
			}
			got = append(got, s)
		}
		return got
	}
	apply := perms(src, "apply")
	for _, want := range []string{
		"iam:ListAttachedUserPolicies arn:aws:iam::111122223333:user/old-partner",
		"iam:ListAttachedRolePolicies arn:aws:iam::111122223333:role/*/old-role",
		"iam:ListAccessKeys arn:aws:iam::111122223333:user/old-partner",
		"iam:ListUserPolicies arn:aws:iam::111122223333:user/old-partner",
		"iam:ListGroupsForUser arn:aws:iam::111122223333:user/old-partner",
		"iam:GetLoginProfile arn:aws:iam::111122223333:user/old-partner",
		"iam:ListRolePolicies arn:aws:iam::111122223333:role/old-role",
		"iam:DetachUserPolicy arn:aws:iam::111122223333:user/*/old-partner if arn:aws:iam::111122223333:policy/old-s3-access",
		"iam:DetachRolePolicy arn:aws:iam::111122223333:role/old-role if arn:aws:iam::111122223333:policy/r-s3-access",
		"iam:UpdateAccessKey arn:aws:iam::111122223333:user/old-partner",
	} {
		if !slices.Contains(apply, want) {
			t.Errorf("apply permissions lack %q:\n%v", want, apply)
		}
	}
	for _, pm := range perms(src, "plan") {
		if slices.Contains([]string{"iam:DetachUserPolicy", "iam:DetachRolePolicy", "iam:UpdateAccessKey"}, pm[:indexSpace(pm)]) {
			t.Errorf("plan needs the write %q", pm)
		}
	}
	for _, pm := range perms("bucket \"b\" {\n  name = \"teramot-perm-b\"\n  region = \"us-east-1\"\n}\n", "apply") {
		if a := pm[:indexSpace(pm)]; a == "iam:DetachUserPolicy" || a == "iam:UpdateAccessKey" || a == "iam:GetLoginProfile" {
			t.Errorf("a spec without revoked grants needs %q", pm)
		}
	}
}

func indexSpace(s string) int {
	for i := range s {
		if s[i] == ' ' {
			return i
		}
	}
	return len(s)
}
