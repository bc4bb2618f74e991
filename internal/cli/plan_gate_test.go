package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/spec"
)

// The gate reads its configuration as lint does: -config, else
// TERAMOTC_CONFIG, else the spec's .teramotc.hcl; a configuration that
// lowers a rule lets a spec through that the default refuses, one that
// raises a rule refuses a spec the default lets through, and one that does
// not load stops the gate with a diagnostic.
func TestLintGateConfig(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"open/main.hcl": `bucket "data" {
  name                = "teramotc-gate-open"
  region              = "us-east-1"
  block_public_access = false
}
`,
		"warn/main.hcl": `bucket "data" {
  name   = "teramotc-gate-warn"
  region = "us-east-1"
}
`,
		"own/main.hcl": `bucket "data" {
  name   = "teramotc-gate-own"
  region = "us-east-1"
}
`,
		"own/.teramotc.hcl": "rule \"TMC401\" {\n  severity = \"error\"\n}\n",
		"lower.hcl":         "rule \"TMC101\" {\n  severity = \"warning\"\n}\n",
		"raise.hcl":         "rule \"TMC401\" {\n  severity = \"error\"\n}\n",
		"off.hcl":           "rule \"TMC401\" {\n  enabled = false\n}\n",
		"bad.hcl":           "rule \"TMC401\" {\n  severity = \"fatal\"\n}\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	at := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name   string
		spec   string
		args   []string // plan's flags
		envCfg string   // TERAMOTC_CONFIG
		pass   bool
		stderr []string // on a refusal
	}{
		{"default refuses", "open", nil, "", false, []string{"TMC101", "lint found 1 error finding(s)"}},
		{"-config lowers", "open", []string{"-config", at("lower.hcl")}, "", true, nil},
		{"default passes", "warn", nil, "", true, nil},
		{"-config raises", "warn", []string{"-config", at("raise.hcl")}, "", false, []string{"TMC401", "lint found 1 error finding(s)"}},
		{"TERAMOTC_CONFIG raises", "warn", nil, at("raise.hcl"), false, []string{"TMC401"}},
		{"-config wins over TERAMOTC_CONFIG", "warn", []string{"-config", at("lower.hcl")}, at("raise.hcl"), true, nil},
		{"-config empty drops TERAMOTC_CONFIG", "warn", []string{"-config="}, at("raise.hcl"), true, nil},
		{"spec's own file", "own", nil, "", false, []string{"TMC401"}},
		{"-config replaces the spec's own file", "own", []string{"-config", at("off.hcl")}, "", true, nil},
		{"missing file", "warn", []string{"-config", at("missing.hcl")}, "", false,
			[]string{"missing.hcl", "lint was stopped by 1 error in the configuration file"}},
		{"file that does not load", "warn", []string{"-config", at("bad.hcl")}, "", false,
			[]string{"lint was stopped by 1 error in the configuration file"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, _, stderr := testEnv("")
			env.Getenv = func(k string) string {
				if k == "TERAMOTC_CONFIG" {
					return tc.envCfg
				}
				return ""
			}
			fs := newFlagSet(env, "plan")
			g := addGateFlags(fs, env)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			got := lintGate(context.Background(), &reporter{env: env}, at(tc.spec), spec.Options{}, g)
			if got != tc.pass {
				t.Fatalf("lintGate = %v, want %v; stderr:\n%s", got, tc.pass, stderr)
			}
			if tc.pass && stderr.Len() > 0 {
				t.Errorf("a passing gate wrote:\n%s", stderr)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

// A plan file records the gate's -policy directories and configuration
// file; apply of it is refused, with what to give, unless it reads the
// same configuration (-config or TERAMOTC_CONFIG). A file without
// inputs records nothing and is not refused.
func TestSameConfig(t *testing.T) {
	tests := []struct {
		name    string
		was     *apply.PlanInputs
		now     string
		ok      bool
		summary string
	}{
		{"old plan file", nil, "ci.hcl", true, ""},
		{"neither", &apply.PlanInputs{}, "", true, ""},
		{"same", &apply.PlanInputs{Config: "ci.hcl"}, "ci.hcl", true, ""},
		{"same cleaned", &apply.PlanInputs{Config: "conf/ci.hcl"}, "./conf//ci.hcl", true, ""},
		{"recorded absolute, given relative", &apply.PlanInputs{Config: mustAbs(t, "ci.hcl")}, "ci.hcl", true, ""},
		{"not given", &apply.PlanInputs{Config: "ci.hcl"}, "", false,
			"Error: the plan was made with -config ci.hcl, which apply was not given"},
		{"given, plan had none", &apply.PlanInputs{}, "ci.hcl", false,
			"Error: apply was given -config ci.hcl (or TERAMOTC_CONFIG), but the plan was made without one"},
		{"another", &apply.PlanInputs{Config: "ci.hcl"}, "lax.hcl", false,
			"Error: the plan was made with -config ci.hcl, but apply was given -config lax.hcl (or TERAMOTC_CONFIG)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, _, stderr := testEnv("")
			if got := sameConfig(&reporter{env: env}, tc.was, tc.now); got != tc.ok {
				t.Fatalf("sameConfig = %v, want %v", got, tc.ok)
			}
			first, _, _ := strings.Cut(stderr.String(), "\n")
			if diff := cmp.Diff(tc.summary, first); diff != "" {
				t.Errorf("first line (-want +got):\n%s", diff)
			}
		})
	}
}

// record puts the gate's configuration file and -policy directories in the
// plan's inputs, made absolute: the plan file applies from any directory.
func TestGateRecord(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	env, _, _ := testEnv("")
	env.Getenv = func(k string) string {
		if k == "TERAMOTC_CONFIG" {
			return "from-env.hcl"
		}
		return ""
	}
	for _, tc := range []struct {
		name string
		args []string
		want *apply.PlanInputs
	}{
		{"TERAMOTC_CONFIG", []string{"-policy", "p"},
			&apply.PlanInputs{Config: filepath.Join(wd, "from-env.hcl"), Policies: []string{filepath.Join(wd, "p")}}},
		{"-config", []string{"-config", "ci.hcl"}, &apply.PlanInputs{Config: filepath.Join(wd, "ci.hcl")}},
		{"absolute", []string{"-config", "/etc/ci.hcl", "-policy", "/srv/p", "-policy", "q/../r"},
			&apply.PlanInputs{Config: "/etc/ci.hcl", Policies: []string{"/srv/p", filepath.Join(wd, "r")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFlagSet(env, "plan")
			g := addGateFlags(fs, env)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			got := &apply.PlanInputs{}
			g.record(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("recorded (-want +got):\n%s", diff)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
