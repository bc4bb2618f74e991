package view

import (
	"bytes"
	"testing"
)

// TestWriteImported checks that notes go to the diagnostic stream, a
// warning as it is and any other note after "Note: ", and the result to
// the output stream.
func TestWriteImported(t *testing.T) {
	const hint = "Wrote d/main.hcl. Review its lint findings with: teramotc lint d (a legacy bucket usually has some), then check it with: teramotc plan d\n"
	tests := []struct {
		name     string
		notes    []string
		required []string
		wantDiag string
		wantOut  string
	}{
		{"no notes", nil, nil, "", hint},
		{"note and warning", []string{"no default encryption", "Warning: a rule lost its filter"}, nil,
			"Note: no default encryption\nWarning: a rule lost its filter\n", hint},
		// A role's external id is a variable without a value: the printed
		// commands set it, with a placeholder for the value.
		{"required variable", nil, []string{"external_id"}, "",
			"Wrote d/main.hcl. Review its lint findings with: TERAMOTC_VAR_external_id=... teramotc lint d (a legacy bucket usually has some), " +
				"then check it with: TERAMOTC_VAR_external_id=... teramotc plan d\n" +
				"The spec declares external_id without a value (import never writes it to disk): replace ... with it, or give it with -var 'external_id=...'.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, diag bytes.Buffer
			if code := WriteImported(&out, &diag, tt.notes, "d/main.hcl", "d", tt.required); code != ExitOK {
				t.Errorf("exit code %d, want %d", code, ExitOK)
			}
			if diag.String() != tt.wantDiag {
				t.Errorf("stderr %q, want %q", diag.String(), tt.wantDiag)
			}
			if want := tt.wantOut; out.String() != want {
				t.Errorf("stdout %q, want %q", out.String(), want)
			}
		})
	}
}
