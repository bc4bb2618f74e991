package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLogTargetRegionSubject checks that the diagnostics of a log target in
// another region cover exactly the target_bucket value (a reference or a
// literal name), and that the detail names both regions.
func TestLogTargetRegionSubject(t *testing.T) {
	file := filepath.Join("testdata", "errors", "log_target_other_region.hcl")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, diags := Load(file, Options{})
	var got []string
	for _, d := range diags {
		if d.Subject == nil {
			t.Fatalf("diagnostic %q has no subject", d.Summary)
		}
		got = append(got, string(src[d.Subject.Start.Byte:d.Subject.End.Byte]))
		for _, want := range []string{"region us-east-1", "region eu-west-1", `region = "eu-west-1"`} {
			if !strings.Contains(d.Detail, want) {
				t.Errorf("detail %q lacks %q", d.Detail, want)
			}
		}
	}
	if diff := cmp.Diff([]string{"bucket.logs.name", `"teramot-fixture-logs"`}, got); diff != "" {
		t.Errorf("subjects differ (-want +got):\n%s", diff)
	}
}
