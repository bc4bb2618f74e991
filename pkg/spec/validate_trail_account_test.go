package spec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLogBucketAccount checks log_bucket_account: 12 digits, decoded for a
// literal log bucket the spec does not declare, an error with a declared
// one (by reference or by name), and offered by "Did you mean" for a typo.
func TestLogBucketAccount(t *testing.T) {
	const logs = `
bucket "logs" {
  name   = "teramot-test-logs"
  region = "us-east-1"
}
`
	trail := func(attrs string) string {
		return minimalBucket + logs + "trail \"audit\" {\n  bucket = bucket.data\n" + attrs + "}\n"
	}
	tests := []struct {
		name    string
		src     string
		want    []string // error summaries
		account string   // the decoded value, when valid
	}{
		{name: "central log archive", src: trail("  log_bucket = \"org-log-archive\"\n  log_bucket_account = \"444455556666\"\n"),
			want: []string{}, account: "444455556666"},
		{name: "not given", src: trail("  log_bucket = \"org-log-archive\"\n"), want: []string{}},
		{name: "eleven digits", src: trail("  log_bucket = \"org-log-archive\"\n  log_bucket_account = \"44445555666\"\n"),
			want: []string{"Invalid log bucket account"}},
		{name: "not digits", src: trail("  log_bucket = \"org-log-archive\"\n  log_bucket_account = \"log-archive\"\n"),
			want: []string{"Invalid log bucket account"}},
		{name: "declared by reference", src: trail("  log_bucket = bucket.logs.name\n  log_bucket_account = \"444455556666\"\n"),
			want: []string{"Log bucket account for a declared bucket"}},
		{name: "declared by name", src: trail("  log_bucket = \"teramot-test-logs\"\n  log_bucket_account = \"444455556666\"\n"),
			want: []string{"Log bucket account for a declared bucket"}},
		{name: "typo", src: trail("  log_bucket = \"org-log-archive\"\n  log_bucket_acount = \"444455556666\"\n"),
			want: []string{"Unsupported argument"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": tc.src})
			loaded, diags := Load(filepath.Join(dir, "main.hcl"), Options{})
			if diff := cmp.Diff(tc.want, summaries(diags)); diff != "" {
				t.Fatalf("errors differ (-want +got):\n%s", diff)
			}
			if tc.name == "typo" && !strings.Contains(diagText(diags), `Did you mean "log_bucket_account"?`) {
				t.Errorf("no suggestion in %s", diags.Error())
			}
			if len(tc.want) > 0 {
				return
			}
			got := loaded.Spec.Trails[0].LogBucketAccount
			if got.Value != tc.account || got.Set != (tc.account != "") {
				t.Errorf("log_bucket_account = %+v, want %q", got, tc.account)
			}
			if got.Set && got.Range.Start.Line != 14 {
				t.Errorf("log_bucket_account range %v, want line 14", got.Range)
			}
		})
	}
}
