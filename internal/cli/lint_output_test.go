package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseLintOutputs: the same format to the same place twice is one
// output (docs/cli.md: "The same format twice is not a conflict"); two
// formats to one place are refused, and the message names two different
// formats.
func TestParseLintOutputs(t *testing.T) {
	tests := []struct {
		name  string
		specs []string
		want  []lintOutput
		err   string
	}{
		{"default", nil, []lintOutput{{"text", ""}}, ""},
		{"same format to stdout twice", []string{"json", "json=-"}, []lintOutput{{"json", ""}}, ""},
		{"same format to one file twice", []string{"json=out/a.json", "json=out/./a.json"}, []lintOutput{{"json", "out/a.json"}}, ""},
		{"same format to two files", []string{"json=a.json", "json=b.json"}, []lintOutput{{"json", "a.json"}, {"json", "b.json"}}, ""},
		{"two formats to stdout", []string{"json", "compact"}, nil,
			"formats json and compact both write to stdout; give one of them a file: -f compact=FILE"},
		{"two formats to one file", []string{"sarif=a.out", "json=a.out", "sarif=a.out"}, nil,
			"formats sarif and json both write to a.out; give each format its own file"},
		{"a repeat does not hide a conflict", []string{"json=a.out", "json=a.out", "text=a.out"}, nil,
			"formats json and text both write to a.out; give each format its own file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, p := parseLintOutputs(tc.specs)
			msg := ""
			if p != nil {
				msg = p.summary
			}
			if msg != tc.err {
				t.Errorf("error = %q, want %q", msg, tc.err)
			}
			if d := cmp.Diff(tc.want, got, cmp.AllowUnexported(lintOutput{})); d != "" {
				t.Errorf("outputs (-want +got):\n%s", d)
			}
		})
	}
}
