package cli

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/view"
)

// TestHelpDashes checks that every command prints its usage for -h, --h,
// -help and --help (flags take one or two dashes), commands with
// subcommands included, and that those also take "help" as the subcommand.
func TestHelpDashes(t *testing.T) {
	for _, name := range commandNames() {
		args := []string{"-h", "--h", "-help", "--help"}
		if name == "config" || name == "policy" {
			args = append(args, "help")
		}
		var want bytes.Buffer
		view.WriteCommandUsage(&want, commands[name].Usage)
		for _, arg := range args {
			t.Run(name+" "+arg, func(t *testing.T) {
				env, stdout, stderr := testEnv("")
				if code := run(env, []string{name, arg}); code != view.ExitOK {
					t.Fatalf("exit %d, stderr:\n%s", code, stderr)
				}
				if diff := cmp.Diff(want.String(), stdout.String()); diff != "" {
					t.Errorf("usage, -want +got:\n%s", diff)
				}
			})
		}
	}
	// config show COMMAND -h shows COMMAND's usage, a command with
	// subcommands included.
	for _, arg := range []string{"-h", "--h"} {
		env, stdout, stderr := testEnv("")
		if code := run(env, []string{"config", "show", "policy", arg}); code != view.ExitOK {
			t.Fatalf("config show policy %s: exit %d, stderr:\n%s", arg, code, stderr)
		}
		var want bytes.Buffer
		view.WriteCommandUsage(&want, commands["policy"].Usage)
		if diff := cmp.Diff(want.String(), stdout.String()); diff != "" {
			t.Errorf("config show policy %s, -want +got:\n%s", arg, diff)
		}
	}
}
