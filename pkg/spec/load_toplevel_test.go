package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLoadReportsAllFilesErrors checks that a misspelt top-level block in
// one file does not hide the errors of the others, and that dropping it
// adds no false errors (references to it, -var values for it); a syntax
// error still stops before evaluation.
func TestLoadReportsAllFilesErrors(t *testing.T) {
	const good = `aws {
  account_id = "123456789012"
}
bucket "d" {
  name   = "teramot-data-acme"
  region = "us-east-1"
  colour = "red"
}
`
	tests := []struct {
		name  string
		files map[string]string
		vars  []string
		want  []string
	}{
		{
			name: "unknown block type and other files' errors",
			files: map[string]string{
				"a.hcl": good,
				"b.hcl": "grant \"g\" {\n  bucket = bucket.z\n  permissions = [\"read\"]\n  size = 3\n  iam_user {\n    name = \"u\"\n  }\n}\n",
				"c.hcl": "bukket \"z\" {\n}\n",
			},
			want: []string{"Unsupported block type", "Unsupported argument", "Unsupported argument"},
		},
		{
			name: "variable without a label: no false errors for its references and -var",
			files: map[string]string{
				"a.hcl": good,
				"b.hcl": "variable {\n}\nlocals {\n  a = var.v\n}\n",
			},
			vars: []string{"v=1"},
			want: []string{"Missing name for variable", "Unsupported argument"},
		},
		{
			name: "a reference to another missing name is still reported",
			files: map[string]string{
				"a.hcl": good,
				"b.hcl": "grant \"g\" {\n  bucket = bucket.zz\n  permissions = [\"read\"]\n  iam_user {\n    name = \"u\"\n  }\n}\n",
				"c.hcl": "bukket \"z\" {\n}\n",
			},
			want: []string{"Unsupported block type", "Unsupported argument", "Reference to undeclared bucket"},
		},
		{
			name: "syntax error stops before evaluation",
			files: map[string]string{
				"a.hcl": good,
				"c.hcl": "bucket \"z\" {\n",
			},
			want: []string{"Unclosed configuration block"},
		},
		{
			name:  "only a misspelt block: no empty-spec error",
			files: map[string]string{"a.hcl": "bukket \"z\" {\n}\n"},
			want:  []string{"Unsupported block type"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loaded, diags := Load(writeSpec(t, tt.files), Options{Vars: tt.vars})
			if diff := cmp.Diff(tt.want, summaries(diags)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%s", diff, diagText(diags))
			}
			if loaded.Spec != nil {
				t.Error("Spec is set despite errors")
			}
		})
	}
}
