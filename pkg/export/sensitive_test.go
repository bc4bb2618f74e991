package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestSensitiveValuesBecomeParameters exports the secret corpus spec whose
// sensitive variables reach a bucket-policy condition and a tag: neither
// value may appear; each becomes a NoEcho parameter or a sensitive variable.
func TestSensitiveValuesBecomeParameters(t *testing.T) {
	const orgID, team = "o-secretorg7x2q", "team-Secret-41d9"
	l, diags := spec.Load(filepath.Join("..", "..", "testdata", "secrets", "sensitive-everywhere"),
		spec.Options{Vars: []string{"org_id=" + orgID, "team=" + team}})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	out, diags := render.Render(l.Spec)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	tests := []struct {
		name string
		fn   func(*spec.Spec, *render.Output) ([]byte, error)
		want []string
	}{
		{"cloudformation", CloudFormation, []string{`"NoEcho": true`, `"Ref": "SensitiveValue`}},
		{"terraform", Terraform, []string{`sensitive   = true`, `= var.sensitive_value_`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.fn(l.Spec, out)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{orgID, team} {
				if strings.Contains(string(b), s) {
					t.Errorf("the export holds %q:\n%s", s, b)
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("the export lacks %q:\n%s", w, b)
				}
			}
		})
	}
}
