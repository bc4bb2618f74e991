package cli

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// envTestFlags declares flags of every kind the env layer handles, with
// the aliases of lint and apply.
type envTestFlags struct {
	failLevel, sarifCategory string
	noInline, autoApprove    bool
	noFail                   bool
	timeout                  time.Duration
	enable, formats          stringsFlag
	vars                     *varFlags
	planFormat               *formatFlag
}

func newEnvTestFlagSet(t *testing.T, environ map[string]string) (*flag.FlagSet, *envTestFlags, *strings.Builder) {
	t.Helper()
	env, _, _ := testEnv("")
	stderr := &strings.Builder{}
	env.Stderr = stderr
	env.Getenv = func(k string) string { return environ[k] }
	fs := newFlagSet(env, "lint")
	v := &envTestFlags{}
	fs.StringVar(&v.failLevel, "fail-level", "error", "")
	fs.StringVar(&v.failLevel, "minimum-failure-severity", "error", "")
	fs.StringVar(&v.sarifCategory, "sarif-category", "", "")
	fs.BoolVar(&v.noInline, "no-inline-ignores", false, "")
	fs.BoolVar(&v.autoApprove, "auto-approve", false, "")
	fs.BoolVar(&v.noFail, "no-fail", false, "")
	fs.DurationVar(&v.timeout, "timeout", 5*time.Minute, "")
	fs.Var(&v.enable, "enable-rule", "")
	fs.Var(&v.formats, "format", "")
	fs.Var(&v.formats, "f", "")
	v.vars = addVarFlags(fs)
	return fs, v, stderr
}

// TestEnvFlags checks the TERAMOTC_<FLAG> layer of parseInterleaved: what
// each variable sets, that the command line wins, and the variables that
// are never read.
func TestEnvFlags(t *testing.T) {
	type want struct {
		FailLevel, SarifCategory string
		NoInline, AutoApprove    bool
		NoFail                   bool
		Timeout                  time.Duration
		Enable, Formats, Vars    []string
		Pos                      []string
		Err                      string // the problem's summary
		Warnings                 []string
	}
	def := func(w want) want {
		if w.FailLevel == "" {
			w.FailLevel = "error"
		}
		if w.Timeout == 0 {
			w.Timeout = 5 * time.Minute
		}
		return w
	}
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want want
	}{
		{"no variables: defaults", nil, nil, want{}},
		{"variable sets a string flag", map[string]string{"TERAMOTC_FAIL_LEVEL": "warning"}, nil, want{FailLevel: "warning"}},
		{"flag wins over variable", map[string]string{"TERAMOTC_FAIL_LEVEL": "warning"}, []string{"-fail-level=notice"}, want{FailLevel: "notice"}},
		{"alias flag wins over the variable of its other name", map[string]string{"TERAMOTC_FAIL_LEVEL": "warning"},
			[]string{"-minimum-failure-severity", "notice"}, want{FailLevel: "notice"}},
		{"alias variable", map[string]string{"TERAMOTC_MINIMUM_FAILURE_SEVERITY": "notice"}, nil, want{FailLevel: "notice"}},
		{"two variables of one flag", map[string]string{"TERAMOTC_FAIL_LEVEL": "warning", "TERAMOTC_MINIMUM_FAILURE_SEVERITY": "notice"}, nil,
			want{Err: "TERAMOTC_FAIL_LEVEL and TERAMOTC_MINIMUM_FAILURE_SEVERITY are both set"}},
		{"empty variable is unset", map[string]string{"TERAMOTC_FAIL_LEVEL": ""}, nil, want{}},
		{"bad enumerated value names the variable", map[string]string{"TERAMOTC_FAIL_LEVEL": "high"}, nil,
			want{Err: `TERAMOTC_FAIL_LEVEL: unknown fail level "high".`}},
		{"switch true", map[string]string{"TERAMOTC_NO_INLINE_IGNORES": "true"}, nil, want{NoInline: true}},
		{"switch 1", map[string]string{"TERAMOTC_NO_INLINE_IGNORES": "1"}, nil, want{NoInline: true}},
		{"switch FALSE", map[string]string{"TERAMOTC_NO_INLINE_IGNORES": "FALSE"}, nil, want{}},
		{"switch 0 under a flag", map[string]string{"TERAMOTC_NO_INLINE_IGNORES": "0"}, []string{"-no-inline-ignores"}, want{NoInline: true}},
		{"switch takes no yes", map[string]string{"TERAMOTC_NO_INLINE_IGNORES": "yes"}, nil,
			want{Err: `TERAMOTC_NO_INLINE_IGNORES: invalid value "yes" for -no-inline-ignores`}},
		{"bad duration names the variable", map[string]string{"TERAMOTC_TIMEOUT": "soon"}, nil,
			want{Err: `TERAMOTC_TIMEOUT: invalid value "soon" for -timeout`}},
		{"duration", map[string]string{"TERAMOTC_TIMEOUT": "30s"}, nil, want{Timeout: 30 * time.Second}},
		{"repeatable flag: values separated by commas", map[string]string{"TERAMOTC_ENABLE_RULE": "TMC101, TMC102,,"}, nil,
			want{Enable: []string{"TMC101", "TMC102"}}},
		{"repeatable flag: the command line replaces the variable", map[string]string{"TERAMOTC_ENABLE_RULE": "TMC101"},
			[]string{"-enable-rule", "TMC201"}, want{Enable: []string{"TMC201"}}},
		{"lint formats", map[string]string{"TERAMOTC_FORMAT": "text,sarif=out.sarif"}, nil, want{Formats: []string{"text", "sarif=out.sarif"}}},
		{"bad lint format", map[string]string{"TERAMOTC_FORMAT": "jsn"}, nil, want{Err: `TERAMOTC_FORMAT: unknown format "jsn". Did you mean "json"? Lint writes text, compact, json, sarif, junit, checkstyle, github`}},
		{"a format of other commands only is ignored", map[string]string{"TERAMOTC_FORMAT": "pretty"}, nil,
			want{Warnings: []string{`Warning: TERAMOTC_FORMAT is ignored: "pretty" is not a format of "teramotc lint" ` +
				`(text, compact, json, sarif, junit, checkstyle, github), which writes its default, text; give -format to choose another.`}}},
		{"a format of no command is an error", map[string]string{"TERAMOTC_FORMAT": "text,prety"}, nil,
			want{Err: `TERAMOTC_FORMAT: unknown format "prety". Lint writes text, compact, json, sarif, junit, checkstyle, github`}},
		{"short alias is read by its long name only", map[string]string{"TERAMOTC_F": "json"}, nil,
			want{Warnings: []string{"Warning: TERAMOTC_F is ignored: -f is read from TERAMOTC_FORMAT, its long name's variable."}}},
		{"-f on the command line wins over TERAMOTC_FORMAT", map[string]string{"TERAMOTC_FORMAT": "json"}, []string{"-f", "sarif"},
			want{Formats: []string{"sarif"}}},
		{"auto-approve is never read", map[string]string{"TERAMOTC_AUTO_APPROVE": "true"}, nil,
			want{Warnings: []string{"Warning: TERAMOTC_AUTO_APPROVE is ignored: -auto-approve is never read from the environment: " +
				"a variable must never approve changes to an AWS account; give -auto-approve on the command line."}}},
		{"auto-approve flag still works, with the warning", map[string]string{"TERAMOTC_AUTO_APPROVE": "false"}, []string{"-auto-approve"},
			want{AutoApprove: true, Warnings: []string{"Warning: TERAMOTC_AUTO_APPROVE is ignored: -auto-approve is never read from the environment: " +
				"a variable must never approve changes to an AWS account; give -auto-approve on the command line."}}},
		{"no-fail is never read", map[string]string{"TERAMOTC_NO_FAIL": "1"}, nil,
			want{Warnings: []string{"Warning: TERAMOTC_NO_FAIL is ignored: -no-fail is never read from the environment: " +
				"a variable must never make lint pass whatever it finds; give -no-fail on the command line."}}},
		{"TERAMOTC_VAR_FILE is a spec variable, not -var-file", map[string]string{"TERAMOTC_VAR_FILE": "x.tfvars", "TERAMOTC_VAR": "a=b"}, nil, want{}},
		{"positional arguments only from the command line", map[string]string{"TERAMOTC_ARGS": "spec", "TERAMOTC_SPEC": "spec"},
			[]string{"a", "-sarif-category=c", "b"}, want{SarifCategory: "c", Pos: []string{"a", "b"}}},
		{"-var from the command line", nil, []string{"-var", "x=1"}, want{Vars: []string{"x=1"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs, v, stderr := newEnvTestFlagSet(t, c.env)
			pos, err := parseInterleaved(fs, c.args)
			got := want{FailLevel: v.failLevel, SarifCategory: v.sarifCategory, NoInline: v.noInline, AutoApprove: v.autoApprove,
				NoFail: v.noFail, Timeout: v.timeout, Enable: v.enable, Formats: v.formats, Vars: v.vars.vars, Pos: pos}
			if err != nil {
				got = want{Err: flagProblem(fs, err).summary}
			}
			for l := range strings.Lines(stderr.String()) {
				got.Warnings = append(got.Warnings, strings.TrimSuffix(l, "\n"))
			}
			w := c.want
			if w.Err == "" {
				w = def(w)
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("-want +got:\n%s", diff)
			}
		})
	}
}

// TestEnvFlagNames checks the variables of every command's flags: none is a
// variable that already means something else, and every flag named in
// envExcluded and envReserved exists.
func TestEnvFlagNames(t *testing.T) {
	other := []string{"TERAMOTC_CONFIG", "TERAMOTC_NOW", "TERAMOTC_REQUEST_TIMEOUT", "TERAMOTC_LOG", "TERAMOTC_MINIO_BIN"}
	seen := map[string]bool{}
	for _, name := range commandNames() {
		for _, f := range commandFlags(name) {
			seen[f.Name] = true
			if envReserved[f.Name] != "" {
				continue
			}
			v := envFlagVar(f.Name)
			if strings.HasPrefix(v, "TERAMOTC_VAR_") || v == "TERAMOTC_VAR" {
				t.Errorf("%s -%s: %s would be read as a spec variable", name, f.Name, v)
			}
			if slices.Contains(other, v) && f.Name != "config" {
				t.Errorf("%s -%s: %s already means something else", name, f.Name, v)
			}
		}
	}
	for n := range envExcluded {
		if !seen[n] {
			t.Errorf("envExcluded names -%s, which no command has", n)
		}
	}
	for n := range envReserved {
		if !seen[n] {
			t.Errorf("envReserved names -%s, which no command has", n)
		}
	}
}

// TestConfigShowCapturesEveryCommand runs every command and subcommand
// under config show's capture: each must stop after parsing its flags. A
// command that ran instead would get a spec that does not exist and fail.
func TestConfigShowCapturesEveryCommand(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-spec")
	for _, name := range commandNames() {
		if name == "config" {
			continue
		}
		subs := []string{""}
		if sub := subcommand(commands[name]); sub != "" && !strings.Contains(sub, "|") {
			subs = subcommands(commands[name]) // policy test, check, fmt
		}
		for _, sub := range subs {
			args := []string{missing}
			if sub != "" {
				args = []string{sub, missing}
			}
			t.Run(strings.TrimSpace(name+" "+sub), func(t *testing.T) {
				env, _, _ := testEnv("")
				env.Getenv = os.Getenv
				c := captureCommand(env, commands[name], args)
				if c == nil {
					t.Fatalf("%s %v was not captured", name, args)
				}
				if c.err != nil {
					t.Fatalf("%s %v: %v", name, args, c.err)
				}
				if diff := cmp.Diff([]string{missing}, c.pos); diff != "" {
					t.Errorf("positional arguments, -want +got:\n%s", diff)
				}
			})
		}
	}
}

// TestConfigShowWritesNothing runs the command lines that rewrite files
// under config show's capture: the files stay as they are.
func TestConfigShowWritesNothing(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.rego": "package a\nx:=1\n",
		"b.hcl":  "bucket   \"b\" {\nname=\"b\"\n}\n",
	}
	for f, text := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"policy", "fmt", "-w", dir},
		{"fmt", "-write", "-recursive", dir},
		{"fmt", dir},
	} {
		env, _, _ := testEnv("")
		if c := captureCommand(env, commands[args[0]], args[1:]); c == nil || c.err != nil {
			t.Fatalf("%v was not captured", args)
		}
	}
	for f, text := range files {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != text {
			t.Errorf("%s was rewritten under config show:\n%s", f, got)
		}
	}
}
