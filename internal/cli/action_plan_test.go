package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestActionPlanNoInlineIgnores: the action's no-inline-ignores input
// reaches the Plan step too, whose lint gate then ignores the comments
// as the Lint step does (plan -no-inline-ignores). A stand-in teramotc on
// PATH records the arguments of each plan, so no AWS is needed.
func TestActionPlanNoInlineIgnores(t *testing.T) {
	a := readAction(t)
	for _, tt := range []struct {
		name  string
		input string
		want  bool
	}{
		{"default honours the comments", "", false},
		{"false", "false", false},
		{"true", "true", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := t.TempDir()
			log := filepath.Join(bin, "args")
			fake := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n"
			if err := os.WriteFile(filepath.Join(bin, "teramotc"), []byte(fake), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			repo := actionRepo(t, map[string]string{"specs/a/main.hcl": prodSpec, "specs/b/main.hcl": prodSpec})
			inputs := map[string]string{"specs": "specs/a specs/b", "plan": "true"}
			if tt.input != "" {
				inputs["no-inline-ignores"] = tt.input
			}
			runActionStep(t, a, "plan", repo, inputs)
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			if len(lines) != 2 {
				t.Fatalf("want one plan per spec, got:\n%s", b)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "plan ") {
					t.Errorf("not a plan: %q", l)
				}
				if got := strings.Contains(" "+l+" ", " -no-inline-ignores "); got != tt.want {
					t.Errorf("plan %q: -no-inline-ignores given %v, want %v", l, got, tt.want)
				}
			}
		})
	}
}
