package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTeramotc puts on PATH a stand-in teramotc that appends its arguments
// to the returned log and exits as script (sh, "$*" the arguments) says.
func fakeTeramotc(t *testing.T, script string) string {
	t.Helper()
	bin := t.TempDir()
	log := filepath.Join(bin, "args")
	fake := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n" + script
	if err := os.WriteFile(filepath.Join(bin, "teramotc"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// TestActionPlanFailOnWarnings: the plan-fail-on-warnings input gives each
// plan -warnings-exitcode=4; plan-exit-code is the worst code (1 > 4 > 2 >
// 0) and the step fails on 1 and 4. The stand-in teramotc exits 4 for the
// spec "warn" only when given -warnings-exitcode=4 (0 otherwise, as plan
// -detailed-exitcode does), 2 for "changes", 1 for "broken", 0 else.
func TestActionPlanFailOnWarnings(t *testing.T) {
	a := readAction(t)
	const stand = `case " $* " in
*" -warnings-exitcode=4 "*"-- specs/warn "*) exit 4;;
*" -- specs/changes "*) exit 2;;
*" -- specs/broken "*) exit 1;;
esac
exit 0
`
	for _, tt := range []struct {
		name     string
		input    string // plan-fail-on-warnings; "" for the default
		specs    string
		wantCode string // plan-exit-code
		wantExit int    // the step's
	}{
		{"default: warnings do not fail", "", "specs/warn specs/changes", "2", 0},
		{"false", "false", "specs/warn", "0", 0},
		{"true: warnings fail", "true", "specs/changes specs/warn specs/clean", "4", 4},
		{"true: an error is worse", "true", "specs/warn specs/broken specs/changes", "1", 1},
		{"true: changes only", "true", "specs/clean specs/changes", "2", 0},
		{"true: clean", "true", "specs/clean", "0", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			log := fakeTeramotc(t, stand)
			files := map[string]string{}
			for _, s := range strings.Fields(tt.specs) {
				files[s+"/main.hcl"] = prodSpec
			}
			inputs := map[string]string{"specs": tt.specs, "plan": "true"}
			if tt.input != "" {
				inputs["plan-fail-on-warnings"] = tt.input
			}
			out, outputs, exit := runActionStepCode(t, a, "plan", actionRepo(t, files), inputs)
			if got := outputs["exit-code"]; got != tt.wantCode || exit != tt.wantExit {
				t.Errorf("plan-exit-code %q and step exit %d, want %q and %d:\n%s", got, exit, tt.wantCode, tt.wantExit, out)
			}
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if got, want := strings.Contains(" "+l+" ", " -warnings-exitcode=4 "), tt.input == "true"; got != want {
					t.Errorf("plan %q: -warnings-exitcode=4 given %v, want %v", l, got, want)
				}
			}
		})
	}
}

// TestActionLintIgnoresFailOnWarnings: lint has no -warnings-exitcode, so
// the Lint step never passes it, even when the caller's job env sets
// FAIL_ON_WARNINGS (composite steps inherit it), which made every lint
// exit 1 (unknown flag).
func TestActionLintIgnoresFailOnWarnings(t *testing.T) {
	a := readAction(t)
	log := fakeTeramotc(t, "exit 0\n")
	t.Setenv("FAIL_ON_WARNINGS", "true")
	repo := actionRepo(t, map[string]string{"specs/a/main.hcl": prodSpec})
	runActionStep(t, a, "lint", repo, map[string]string{"specs": "specs/a", "plan-fail-on-warnings": "true"})
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if l := strings.TrimSpace(string(b)); !strings.HasPrefix(l, "lint ") || strings.Contains(l, "warnings-exitcode") {
		t.Errorf("lint step ran %q, want lint without -warnings-exitcode", l)
	}
}
