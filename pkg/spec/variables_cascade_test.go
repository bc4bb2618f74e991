package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvalidVarNoCascade checks that an invalid -var value is reported
// once, without the false errors of the blocks using it ("Empty lifecycle
// rule" for a rule whose only action is that variable), while a rule that
// is really empty is still reported.
func TestInvalidVarNoCascade(t *testing.T) {
	const src = `
variable "days" {
  type = number
}
bucket "d" {
  name   = "teramot-data-acme"
  region = "us-east-1"
  lifecycle_rule "old" {
    expiration_days = var.days
  }
}
`
	tests := []struct {
		name  string
		extra string
		vars  []string
		want  []string
	}{
		{"invalid number", "", []string{"days=ten"}, []string{"Invalid value for variable"}},
		{"valid number", "", []string{"days=10"}, []string{}},
		{
			"a really empty rule is still reported",
			`bucket "e" {
  name   = "teramot-data-empty"
  region = "us-east-1"
  lifecycle_rule "none" {
    prefix = "x/"
  }
}
`,
			[]string{"days=ten"}, []string{"Invalid value for variable", "Empty lifecycle rule"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(writeSpec(t, map[string]string{"main.hcl": src + tt.extra}), Options{Vars: tt.vars})
			if diff := cmp.Diff(tt.want, summaries(diags)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%s", diff, diagText(diags))
			}
		})
	}
}
