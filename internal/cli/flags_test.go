package cli

import (
	"errors"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantPos  []string
		wantOut  string
		wantChk  bool
		wantVars []string
		wantErr  bool
	}{
		{name: "no args", args: nil, wantPos: nil},
		{name: "flags before", args: []string{"-o", "dir", "spec"}, wantPos: []string{"spec"}, wantOut: "dir"},
		{name: "flags after", args: []string{"spec", "-o", "dir"}, wantPos: []string{"spec"}, wantOut: "dir"},
		{name: "double dash and equals", args: []string{"spec", "--o=dir", "--check"}, wantPos: []string{"spec"}, wantOut: "dir", wantChk: true},
		{name: "interleaved", args: []string{"a", "-check", "b", "-var", "x=1", "c"}, wantPos: []string{"a", "b", "c"}, wantChk: true, wantVars: []string{"x=1"}},
		{name: "repeated var keeps order", args: []string{"-var", "b=2", "s", "-var=a=1"}, wantPos: []string{"s"}, wantVars: []string{"b=2", "a=1"}},
		{name: "dash is positional", args: []string{"-", "-check"}, wantPos: []string{"-"}, wantChk: true},
		{name: "double dash ends flags", args: []string{"a", "--", "-check", "-o"}, wantPos: []string{"a", "-check", "-o"}},
		{name: "unknown flag", args: []string{"spec", "-nope"}, wantErr: true},
		{name: "missing value", args: []string{"spec", "-o"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, _ := testEnv("")
			fs := newFlagSet(env, "test")
			out := fs.String("o", "", "")
			chk := fs.Bool("check", false, "")
			vars := addVarFlags(fs)
			pos, err := parseArgs(fs, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if diff := cmp.Diff(tt.wantPos, pos); diff != "" {
				t.Errorf("positional args (-want +got):\n%s", diff)
			}
			if *out != tt.wantOut || *chk != tt.wantChk {
				t.Errorf("o=%q check=%v, want o=%q check=%v", *out, *chk, tt.wantOut, tt.wantChk)
			}
			if diff := cmp.Diff(tt.wantVars, []string(vars.vars)); diff != "" {
				t.Errorf("vars (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseArgsHelp(t *testing.T) {
	env, _, stderr := testEnv("")
	fs := newFlagSet(env, "test")
	_, err := parseArgs(fs, []string{"spec", "--help"})
	if !errors.Is(err, flag.ErrHelp) || exitCodeForParse(err) != 0 {
		t.Errorf("err = %v, exit %d; want flag.ErrHelp, 0", err, exitCodeForParse(err))
	}
	if stderr.Len() == 0 {
		t.Error("no usage printed")
	}
}

func TestVarFlagsOptions(t *testing.T) {
	env, _, _ := testEnv("")
	env.Environ = []string{"TERAMOTC_VAR_region=eu-west-1", "HOME=/root"}
	fs := newFlagSet(env, "test")
	vars := addVarFlags(fs)
	if _, err := parseArgs(fs, []string{"-var", "a=1", "-var-file", "x.tfvars", "--var=b=2", "--var-file=y.tfvars"}); err != nil {
		t.Fatal(err)
	}
	want := spec.Options{
		Vars:     []string{"a=1", "b=2"},
		VarFiles: []string{"x.tfvars", "y.tfvars"},
		Environ:  []string{"TERAMOTC_VAR_region=eu-west-1", "HOME=/root"},
		// Args keeps the command-line order: a later argument wins.
		Args: []spec.VarArg{{Value: "a=1"}, {File: true, Value: "x.tfvars"}, {Value: "b=2"}, {File: true, Value: "y.tfvars"}},
	}
	if diff := cmp.Diff(want, vars.options(env)); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
}

func TestNoColorFlag(t *testing.T) {
	env, _, _ := testEnv("")
	env.Color = true
	fs := newFlagSet(env, "test")
	if _, err := parseArgs(fs, []string{"--no-color"}); err != nil {
		t.Fatal(err)
	}
	if env.Color {
		t.Error("-no-color left colour on")
	}
	env.Color = true
	if _, err := parseArgs(fs, []string{"-no-color=false"}); err != nil || !env.Color {
		t.Errorf("-no-color=false: err %v, colour %v; want colour kept", err, env.Color)
	}
}

func TestDidYouMean(t *testing.T) {
	names := []string{"fmt", "inspect", "render", "validate", "version"}
	tests := map[string]string{
		"valdate":  ` Did you mean "validate"?`,
		"rendr":    ` Did you mean "render"?`,
		"insp":     ` Did you mean "inspect"?`,
		"frobnica": "",
		"x":        "",
	}
	for in, want := range tests {
		if got := didYouMean(in, names); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}
