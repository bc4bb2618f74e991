package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/internal/view"
)

// TestApplyPromptOnTerminal runs apply without -auto-approve with stdin on
// a pseudo-terminal, against moto: only "yes" applies; any other answer
// cancels, exits 1 and leaves AWS unchanged (a plan still has changes).
func TestApplyPromptOnTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping apply against moto")
	}
	spec := filepath.Join("..", "..", "examples", "minimal")
	cases := []struct {
		name, answer string
		wantCode     int
		wantOut      string
		wantChanges  bool // a plan after the answer still has changes
	}{
		{"yes applies", "yes\n", view.ExitOK, "Apply complete!", false},
		{"no cancels", "no\n", view.ExitError, "Apply cancelled.", true},
		{"empty line cancels", "\n", view.ExitError, "Apply cancelled.", true},
		{"Yes is not yes", "Yes\n", view.ExitError, "Apply cancelled.", true},
		{"end of input cancels", "\x04", view.ExitError, "Apply cancelled.", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
			moto := testenv.StartMoto(t)
			for _, kv := range moto.Env() {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			ptmx, tty, err := pty.Open()
			if err != nil {
				testenv.Missing(t, "no pseudo-terminal on this machine: "+err.Error())
			}
			defer ptmx.Close()
			defer tty.Close()
			// The terminal's line discipline holds the answer until apply
			// reads its line, as a user typing ahead of the prompt.
			if _, err := ptmx.WriteString(c.answer); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			code := run(processEnv(tty, &out, &out), []string{"apply", spec})
			if code != c.wantCode || !strings.Contains(out.String(), c.wantOut) {
				t.Fatalf("apply exited %d, want %d, with output containing %q:\n%s", code, c.wantCode, c.wantOut, out.String())
			}
			if !strings.Contains(out.String(), "Enter a value: ") {
				t.Errorf("apply did not prompt:\n%s", out.String())
			}
			code, planOut := runCLI(t, nil, "plan", "-detailed-exitcode", spec)
			if got := code == 2; got != c.wantChanges {
				t.Errorf("plan after the answer exited %d (changes: %v, want %v):\n%s", code, got, c.wantChanges, planOut)
			}
		})
	}
}
