package cli

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestPlanWriteProblem checks that an error saving the plan names -out and
// the cause, never the temporary file the plan is written through.
func TestPlanWriteProblem(t *testing.T) {
	tests := []struct {
		name, want string
		err        error
	}{
		{"rename over a directory", "cannot write the plan to find: file exists",
			&os.LinkError{Op: "rename", Old: "./.teramotc-plan-165056728", New: "find", Err: syscall.EEXIST}},
		{"create in a missing directory", "cannot write the plan to find: no such file or directory",
			&fs.PathError{Op: "open", Path: "nod/.teramotc-plan-1595723488", Err: syscall.ENOENT}},
		{"other error", "cannot write the plan to find: disk on fire", errors.New("disk on fire")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := planWriteProblem("find", tt.err)
			if p.summary != tt.want {
				t.Errorf("summary = %q, want %q", p.summary, tt.want)
			}
			if strings.Contains(p.summary+p.detail, "teramotc-plan") || p.detail == "" {
				t.Errorf("problem names the temporary file or says nothing to do: %+v", p)
			}
		})
	}
}
