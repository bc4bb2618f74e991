package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormatPolicy checks that policy fmt formats with OPA's formatter
// (Rego v1, METADATA kept) and reports a syntax error at its position.
func TestFormatPolicy(t *testing.T) {
	tests := []struct {
		name, src, want string
		errLine         int // 0: no error
	}{
		{"formatted", "package x\n\nallow if input.a\n", "package x\n\nallow if input.a\n", 0},
		{"reformatted", "package x\nallow if {   input.a == 1 }\n", "package x\n\nallow if input.a == 1\n", 0},
		{"metadata kept", "# METADATA\n# title: T\npackage x\n", "# METADATA\n# title: T\npackage x\n", 0},
		{"syntax error", "package x\n\nallow if { 1 +* 2 }\n", "", 3},
		{"rego v0 refused", "package x\n\nallow { true }\n", "", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := FormatPolicy("p.rego", []byte(tt.src))
			if tt.errLine == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, string(out)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				return
			}
			diags, _ := Diagnostics(err)
			if len(diags) == 0 || diags[0].Subject == nil || diags[0].Subject.Start.Line != tt.errLine {
				t.Fatalf("got %v, want an error on line %d", err, tt.errLine)
			}
		})
	}
	if _, err := FormatPolicy("big.rego", make([]byte, MaxPolicySize+1)); err == nil {
		t.Error("a file over MaxPolicySize was formatted")
	}
}
