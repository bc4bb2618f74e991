package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnvCheckMatchesCommand: envCheckValue repeats the checks commands
// make after parsing; a bad value from the variable gives the command's
// own summary, after the variable's name. A check changed in the command
// but not in envCheckValue fails here.
func TestEnvCheckMatchesCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	cases := []struct {
		name       string
		args       []string // the command line, before the flag
		flag, bad  string
		positional []string
	}{
		{"policy test threshold", []string{"policy", "test"}, "threshold", "200", nil},
		{"policy test NaN threshold", []string{"policy", "test"}, "threshold", "NaN", nil},
		{"policy test timeout", []string{"policy", "test"}, "timeout", "-1s", nil},
		{"policy test format", []string{"policy", "test"}, "format", "jsonx", nil},
		{"policy check format", []string{"policy", "check"}, "format", "jsonx", nil},
		{"plan warnings-exitcode", []string{"plan"}, "warnings-exitcode", "1", []string{"spec"}},
		{"plan format", []string{"plan"}, "format", "jsonx", []string{"spec"}},
		{"validate format", []string{"validate"}, "format", "jsonx", nil},
		{"permissions command", []string{"permissions"}, "command", "plna", nil},
		{"init company", []string{"init"}, "company", "Bad_Co", []string{dir}},
		{"init account-id", []string{"init"}, "account-id", "12", []string{dir}},
		{"init partner-account-id", []string{"init"}, "partner-account-id", "12", []string{dir}},
		{"init partner-external-id", []string{"init"}, "partner-external-id", "q", []string{dir}},
	}
	summary := func(stderr string) string {
		first, _, _ := strings.Cut(stderr, "\n")
		return first
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env, _, stderr := testEnv("")
			args := append(append(append([]string{}, c.args...), "-"+c.flag+"="+c.bad), c.positional...)
			if code := run(env, args); code != 1 {
				t.Fatalf("%v: exit %d, want 1; stderr:\n%s", args, code, stderr)
			}
			fromFlag := summary(stderr.String())
			variable := envFlagVar(c.flag)
			env, _, stderr = testEnv("")
			env.Getenv = func(k string) string {
				if k == variable {
					return c.bad
				}
				return ""
			}
			args = append(append([]string{}, c.args...), c.positional...)
			if code := run(env, args); code != 1 {
				t.Fatalf("%v with %s=%s: exit %d, want 1; stderr:\n%s", args, variable, c.bad, code, stderr)
			}
			want := strings.Replace(fromFlag, "Error: ", "Error: "+variable+": ", 1)
			if diff := cmp.Diff(want, summary(stderr.String())); diff != "" {
				t.Errorf("summary, -want (the flag's, after the variable) +got:\n%s", diff)
			}
		})
	}
}
