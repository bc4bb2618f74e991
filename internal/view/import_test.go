package view

import (
	"bytes"
	"testing"
)

// TestWriteImported checks that notes go to the diagnostic stream, a
// warning as it is and any other note after "Note: ", and the result to
// the output stream.
func TestWriteImported(t *testing.T) {
	tests := []struct {
		name     string
		notes    []string
		wantDiag string
	}{
		{"no notes", nil, ""},
		{"note and warning", []string{"no default encryption", "Warning: a rule lost its filter"},
			"Note: no default encryption\nWarning: a rule lost its filter\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, diag bytes.Buffer
			if code := WriteImported(&out, &diag, tt.notes, "d/main.hcl", "d"); code != ExitOK {
				t.Errorf("exit code %d, want %d", code, ExitOK)
			}
			if diag.String() != tt.wantDiag {
				t.Errorf("stderr %q, want %q", diag.String(), tt.wantDiag)
			}
			want := "Wrote d/main.hcl. Review its lint findings with: teramotc lint d (a legacy bucket usually has some), then check it with: teramotc plan d\n"
			if out.String() != want {
				t.Errorf("stdout %q, want %q", out.String(), want)
			}
		})
	}
}
