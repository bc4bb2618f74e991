package export

import (
	"errors"
	"io/fs"
	"os"
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

// TestSensitiveNameRefused: a bucket name from a sensitive variable sits
// inside its ARNs, where no parameter can replace it. CloudFormation and
// Terraform refuse with a *SensitiveError (its hint says what to do, the
// CLI prints it instead of calling it a bug); aws-cli writes the script
// that names the bucket 0700 and the bucket policy 0600. Without
// "sensitive" all three export, the script 0755.
func TestSensitiveNameRefused(t *testing.T) {
	const name = "secret-bucket-name"
	for _, sensitive := range []bool{true, false} {
		t.Run(map[bool]string{true: "sensitive", false: "plain"}[sensitive], func(t *testing.T) {
			dir := t.TempDir()
			src := `variable "bn" {
  type      = string
  sensitive = ` + map[bool]string{true: "true", false: "false"}[sensitive] + `
  default   = "` + name + `"
}
bucket "data" {
  name   = var.bn
  region = "us-east-1"
}
`
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			l, diags := spec.Load(dir, spec.Options{})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			out, diags := render.Render(l.Spec)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			for _, format := range []string{"cloudformation", "terraform"} {
				_, err := Export(format, l.Spec, out)
				serr, ok := errors.AsType[*SensitiveError](err)
				switch {
				case sensitive && !ok:
					t.Errorf("%s: err = %v, want a *SensitiveError", format, err)
				case sensitive && (!strings.Contains(serr.Hint(), "not sensitive") || strings.Contains(err.Error(), name)):
					t.Errorf("%s: error %q, hint %q", format, err, serr.Hint())
				case !sensitive && err != nil:
					t.Errorf("%s: %v", format, err)
				}
			}
			files, err := Export("aws-cli", l.Spec, out)
			if err != nil {
				t.Fatal(err)
			}
			wantScript, wantPolicy := fs.FileMode(0o755), fs.FileMode(0o644)
			if sensitive {
				wantScript, wantPolicy = 0o700, 0o600
			}
			if got := files.Mode("apply.sh"); got != wantScript {
				t.Errorf("apply.sh mode %v, want %v", got, wantScript)
			}
			if got := files.Mode("buckets/" + name + "/bucket-policy.json"); got != wantPolicy {
				t.Errorf("bucket-policy.json mode %v, want %v", got, wantPolicy)
			}
		})
	}
}
