package export

import (
	"strings"
	"testing"
)

// TestRevokedNotices: the terraform and cloudformation exports, which
// leave revoked grants out, say so for each (by address) and that the tool
// deletes what an earlier export created instead of revoking; the aws-cli
// export, which revokes, and a spec without revoked grants say nothing.
func TestRevokedNotices(t *testing.T) {
	s, out := loadHCL(t, revokedSpec)
	tests := []struct {
		format string
		want   []string
	}{
		{"terraform", []string{"revoked_grant.old is not exported", "revoked_grant.gone is not exported", "the next terraform apply deletes"}},
		{"cloudformation", []string{"revoked_grant.old is not exported", "the next CloudFormation stack update deletes"}},
		{"aws-cli", nil},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			f, err := Export(tc.format, s, out)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(f.Notices, "\n")
			if tc.want == nil && len(f.Notices) != 0 {
				t.Errorf("notices %q, want none", f.Notices)
			}
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("notices lack %q:\n%s", w, all)
				}
			}
			if strings.Contains(all, "old-user") || strings.Contains(all, "old+role") {
				t.Errorf("notices name the user or role (may be sensitive):\n%s", all)
			}
		})
	}
	plain, pout := loadHCL(t, "bucket \"d\" {\n  name   = \"tmc-rv-data\"\n  region = \"eu-west-1\"\n}\n")
	if f, err := Export("terraform", plain, pout); err != nil || len(f.Notices) != 0 {
		t.Errorf("a spec without revoked grants: notices %q, err %v", f.Notices, err)
	}
}
