package spec

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindBareSecrets(t *testing.T) {
	secret := "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	tests := []struct {
		name string
		src  string
		want [][2]int
	}{
		{"after =", "KEY=" + secret + "\n", [][2]int{{4, 44}}},
		{"after colon and space", "key: " + secret, [][2]int{{5, 45}}},
		{"with padding", "k=" + secret + "==", [][2]int{{2, 44}}},
		{"three pads", "k=" + secret + "===", nil},
		{"quoted is not bare", `k="` + secret + `"`, nil},
		{"39 characters", "k=" + secret[:39] + " ", nil},
		{"129 characters", "k=" + strings.Repeat("a", 129), nil},
		{"128 characters", "k=" + strings.Repeat("a", 128), [][2]int{{2, 130}}},
		{"two", secret + " " + secret, [][2]int{{0, 40}, {41, 81}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, findBareSecrets([]byte(tt.src))); diff != "" {
				t.Errorf("findBareSecrets(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestSecretsInHeredocsAndReadFiles: an unquoted secret key in a heredoc,
// and keys in what file() and templatefile() return, are TMC705 hits (at
// the key, or at the call that read it), masked by Redact and in the files,
// and make the attributes holding them sensitive.
func TestSecretsInHeredocsAndReadFiles(t *testing.T) {
	const (
		heredocKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
		fileKey    = "zJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
		tplKeyID   = "AKIAIOSFODNN7EXAMPLE"
	)
	dir := writeSpec(t, map[string]string{
		"main.hcl": `bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
  tags = {
    note  = file("notes.txt")
    tpl   = templatefile("t.tpl", { who = "ops" })
    clean = file("clean.txt")
    other = trimspace(<<EOT
AWS_SECRET_ACCESS_KEY=` + heredocKey + `
EOT
    )
  }
}
`,
		"notes.txt": "aws_secret_access_key: " + fileKey, // no line break: a tag value may hold none (TMC703)
		"t.tpl":     "${who} uses " + tplKeyID,
		"clean.txt": "nothing here",
	})
	loaded, diags := Load(dir, Options{})
	if diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagText(diags))
	}
	type hit struct {
		Kind string
		Line int
		Col  int
	}
	var got []hit
	for _, h := range loaded.Spec.Secrets {
		got = append(got, hit{h.Kind, h.Range.Start.Line, h.Range.Start.Column})
	}
	slices.SortFunc(got, func(a, b hit) int { return a.Line - b.Line })
	want := []hit{
		{"secret_access_key", 5, 13},
		{"access_key_id", 6, 13},
		{"secret_access_key", 9, 23},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("secret hits (-want +got):\n%s", diff)
	}
	sensitive := map[string]bool{}
	for _, e := range loaded.Spec.Buckets[0].Tags.Entries {
		sensitive[e.Key] = e.Sensitive
	}
	if diff := cmp.Diff(map[string]bool{"note": true, "tpl": true, "clean": false, "other": true}, sensitive); diff != "" {
		t.Errorf("tag sensitivity (-want +got):\n%s", diff)
	}
	for _, k := range []string{heredocKey, fileKey, tplKeyID} {
		if got := loaded.Redact("x " + k + " y"); strings.Contains(got, k) {
			t.Errorf("Redact leaves %s: %q", k, got)
		}
		for name, f := range loaded.Files {
			if strings.Contains(string(f.Bytes), k) {
				t.Errorf("%s holds %s", name, k)
			}
		}
	}
	if b, _ := json.Marshal(loaded.Spec.Secrets); strings.Contains(string(b), "JalrX") {
		t.Errorf("the hits hold the key: %s", b)
	}
}
