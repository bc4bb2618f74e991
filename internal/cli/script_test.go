package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"teramotc": func() {
			env := processEnv(os.Stdin, os.Stdout, os.Stderr)
			// Scripts cannot give the command a terminal; FAKE_TTY=1
			// pretends stdout is one, to test colour and NO_COLOR.
			if os.Getenv("FAKE_TTY") == "1" {
				env.IsTerminal = true
			}
			os.Exit(run(env, os.Args[1:]))
		},
	})
}

// TestScripts runs the CLI scenarios in testdata/script/*.txtar. Each script
// sees $EXAMPLES, the repository's examples directory.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams(t, "testdata/script", nil))
}

// scriptParams are the testscript parameters shared by the CLI scenarios:
// $EXAMPLES, no NO_COLOR, the filemode and eventlines commands, plus extra
// commands.
func scriptParams(t *testing.T, dir string, extra map[string]func(*testscript.TestScript, bool, []string)) testscript.Params {
	t.Helper()
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){"filemode": cmdFileMode, "eventlines": cmdEventLines}
	for name, c := range extra {
		cmds[name] = c
	}
	return testscript.Params{
		Dir: dir,
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLES", examples)
			e.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: cmds,
	}
}

// cmdFileMode checks a file's permission bits: filemode 600 path.
func cmdFileMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: filemode OCTAL PATH")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	ts.Check(err)
	info, err := os.Stat(ts.MkAbs(args[1]))
	ts.Check(err)
	got := uint64(info.Mode().Perm())
	if (got == want) == neg {
		ts.Fatalf("%s has mode %s, want %s%s", args[1], fmt.Sprintf("%o", got), map[bool]string{true: "not "}[neg], args[0])
	}
}
