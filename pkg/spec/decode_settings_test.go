package spec

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestRequiredVersion checks required_version against Options.Version: the
// teramotc command gives its version; a library caller that gives none
// gets the syntax checked and the spec loaded whatever the constraint.
func TestRequiredVersion(t *testing.T) {
	tests := []struct {
		name, version, constraint string
		want                      []string // error summaries
		wantValue                 string   // Settings.RequiredVersion.Value
	}{
		{"satisfied", "0.1.0", ">= 0.1", []string{}, ">= 0.1"},
		{"dev build satisfies its release", "0.1.0-dev", "= 0.1.0", []string{}, "= 0.1.0"},
		{"too old", "0.1.0", ">= 99.0", []string{"Unsupported teramotc version"}, ""},
		{"too new", "v2.0.0", "~> 1.2", []string{"Unsupported teramotc version"}, ""},
		{"no version: any constraint loads", "", ">= 99.0", []string{}, ">= 99.0"},
		{"no version: an upper bound loads", "", "< 0.0.1", []string{}, "< 0.0.1"},
		{"no version: bad syntax is still an error", "", "latest", []string{"Invalid required_version"}, ""},
		{"no version: empty is still an error", "", " ", []string{"Invalid required_version"}, ""},
		{"bad syntax", "0.1.0", ">= 1.x", []string{"Invalid required_version"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": `teramotc {
  required_version = "` + tt.constraint + `"
}
bucket "data" {
  name   = "teramot-required-version"
  region = "us-east-1"
}
`})
			loaded, diags := Load(dir, Options{Version: tt.version})
			if diff := cmp.Diff(tt.want, summaries(diags)); diff != "" {
				t.Fatalf("error summaries (-want +got):\n%s\n%s", diff, diagText(diags))
			}
			if len(tt.want) > 0 {
				return
			}
			if loaded.Spec == nil {
				t.Fatal("no spec loaded")
			}
			if got := loaded.Spec.Settings.RequiredVersion; !got.Set || got.Value != tt.wantValue {
				t.Errorf("RequiredVersion = %+v, want %q set", got, tt.wantValue)
			}
		})
	}
}

// TestRequiredVersionNamesBoth: the refusal names the constraint and the
// running version given in Options.
func TestRequiredVersionNamesBoth(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": "teramotc {\n  required_version = \">= 99.0\"\n}\n"})
	_, diags := Load(dir, Options{Version: "1.2.3"})
	i := slices.IndexFunc(diags, func(d *hcl.Diagnostic) bool { return d.Summary == "Unsupported teramotc version" })
	if i < 0 {
		t.Fatalf("no version refusal:\n%s", diagText(diags))
	}
	want := "This spec requires teramotc >= 99.0, but this is teramotc 1.2.3. Install a matching release."
	if got := diags[i].Detail; got != want {
		t.Errorf("detail = %q, want %q", got, want)
	}
}
