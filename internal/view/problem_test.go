package view

import (
	"bytes"
	"testing"
)

// TestWriteProblems checks the shape of the plain-text problems every
// command prints on stderr and the exit codes they return.
func TestWriteProblems(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) int
		want  string
		code  int
	}{
		{"error with detail", func(b *bytes.Buffer) int { return WriteError(b, "bad thing", "Do this instead.") },
			"Error: bad thing\n\nDo this instead.\n", ExitError},
		{"error without detail", func(b *bytes.Buffer) int { return WriteError(b, "bad thing", "") },
			"Error: bad thing\n", ExitError},
		{"usage error", func(b *bytes.Buffer) int {
			return WriteUsageError(b, "render", "-o and -check cannot be used together")
		},
			"Error: -o and -check cannot be used together\n\nRun \"teramotc render -help\" for usage.\n", ExitError},
		{"unknown command", func(b *bytes.Buffer) int { return WriteUnknownCommand(b, "lnit", ` Did you mean "lint"?`, false) },
			"Error: unknown command \"lnit\". Did you mean \"lint\"?\n\nRun \"teramotc -help\" for the list of commands.\n", ExitError},
		{"no help for unknown command", func(b *bytes.Buffer) int { return WriteUnknownCommand(b, "zzz", "", true) },
			"Error: no help for unknown command \"zzz\".\n\nRun \"teramotc -help\" for the list of commands.\n", ExitError},
		{"warning", func(b *bytes.Buffer) int { WriteWarning(b, "careful"); return ExitOK },
			"Warning: careful\n", ExitOK},
		{"debug", func(b *bytes.Buffer) int { WriteDebug(b, "full error"); return ExitOK },
			"Debug: full error\n", ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := tt.write(&b); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}
