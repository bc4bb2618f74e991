package spec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestValueSecretHits checks that access key ids only the evaluated values
// show (built by interpolation or join()) are hit at the attribute or tag
// holding them, once, and are masked in the model like written keys; a key
// written whole is hit by the source scan alone; look-alikes are not hit.
func TestValueSecretHits(t *testing.T) {
	const head = "locals {\n  half = \"ODNN7EXAMPLF\"\n}\nbucket \"data\" {\n  name   = \"acme-teramot-data\"\n  region = \"us-east-1\"\n"
	tests := []struct {
		name string
		body string
		want []string // kind:line of every hit
		// masked: the tag holding the key in its value is marked sensitive
		// (a key in a tag's key is masked by Loaded.Redact instead)
		masked bool
	}{
		{"interpolated tag", "  tags = { k = \"AKIA${\"IOSFODNN7EXAMPLF\"}\" }\n", []string{"evaluated_access_key_id:7"}, true},
		{"joined tag", "  tags = {\n    k = join(\"\", [\"AKIAIOSF\", local.half])\n  }\n", []string{"evaluated_access_key_id:8"}, true},
		{"tag key", "  tags = { \"AKIAIOSF${local.half}\" = \"x\" }\n", []string{"evaluated_access_key_id:7"}, false},
		{"written whole", "  tags = { k = \"AKIAIOSFODNN7EXAMPLF\" }\n", []string{"access_key_id:7"}, true},
		{"look-alikes", "  tags = {\n    a = lower(\"AKIAIOSF${local.half}\")\n    b = \"XAKIAIOSF${local.half}\"\n" +
			"    c = \"AKIAIOSF${local.half}7\"\n  }\n", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(head+tt.body+"}\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			loaded, diags := Load(dir, Options{})
			if loaded.Spec == nil {
				t.Fatalf("no model: %v", diags)
			}
			var got []string
			for _, h := range loaded.Spec.Secrets {
				got = append(got, h.Kind+":"+itoa(h.Range.Start.Line))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hits differ (-want +got):\n%s", diff)
			}
			for _, tag := range loaded.Spec.Buckets[0].Tags.Entries {
				if tag.Sensitive != tt.masked {
					t.Errorf("tag %q: sensitive %v, want %v", tag.Key, tag.Sensitive, tt.masked)
				}
				if tt.name == "tag key" && loaded.Redact(tag.Key) == tag.Key {
					t.Errorf("Redact does not mask the key in tag key %q", tag.Key)
				}
			}
		})
	}
}
