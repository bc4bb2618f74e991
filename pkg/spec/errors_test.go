package spec

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestErrorFixtures loads every testdata/errors/*.hcl file as a spec and
// compares its diagnostics with the fixture's header comments:
//
//	# want: line 7: Unsupported argument
//	# want: line 3: Invalid bucket name [TMC701]
//	# var: NAME=VALUE        (a -var option)
//	# env: KEY=VALUE         (an environment variable)
//	# version: 0.1.0         (Options.Version, the running teramotc)
//
// "line 0" is a diagnostic without a source range (a command-line problem).
// Every diagnostic must be wanted and every want must occur.
func TestErrorFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "errors", "*.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 40 {
		t.Fatalf("only %d error fixtures, want at least 40", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".hcl"), func(t *testing.T) {
			want, opts := readFixtureHeader(t, file)
			if len(want) == 0 {
				t.Fatal("fixture declares no '# want:' line")
			}
			_, diags := Load(file, opts)
			got := diagLines(diags)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s\nfull diagnostics:\n%s", diff, diagText(diags))
			}
			for _, d := range diags {
				if d.Subject != nil && d.Subject.Filename != file {
					t.Errorf("diagnostic %q names file %q, want %q", d.Summary, d.Subject.Filename, file)
				}
				if d.Detail == "" {
					t.Errorf("diagnostic %q has no detail", d.Summary)
				}
			}
		})
	}
}

func readFixtureHeader(t *testing.T, file string) (want []string, opts Options) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(line, "want: "):
			want = append(want, strings.TrimPrefix(line, "want: "))
		case strings.HasPrefix(line, "var: "):
			opts.Vars = append(opts.Vars, strings.TrimPrefix(line, "var: "))
		case strings.HasPrefix(line, "env: "):
			opts.Environ = append(opts.Environ, strings.TrimPrefix(line, "env: "))
		case strings.HasPrefix(line, "version: "):
			opts.Version = strings.TrimPrefix(line, "version: ")
		}
	}
	sort.Strings(want)
	return want, opts
}

// diagLines renders diagnostics as sorted "line N: Summary [RULE]" strings.
func diagLines(diags hcl.Diagnostics) []string {
	out := []string{}
	for _, d := range diags {
		line := 0
		if d.Subject != nil {
			line = d.Subject.Start.Line
		}
		s := fmt.Sprintf("line %d: %s", line, d.Summary)
		if id := RuleID(d); id != "" {
			s += " [" + id + "]"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestSubjectIsValue checks that diagnostics about an attribute's value
// cover the value itself, not the whole `name = value` line.
func TestSubjectIsValue(t *testing.T) {
	tests := []struct{ fixture, value string }{
		{"bucket_name_uppercase", `"Teramot-Data"`},
		{"invalid_algorithm", `"aes256"`},
		{"session_duration", `100`},
		{"grant_bucket_not_ref", `"data"`},
		{"wrong_type_bool", `"yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			file := filepath.Join("testdata", "errors", tt.fixture+".hcl")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, diags := Load(file, Options{})
			if len(diags) != 1 || diags[0].Subject == nil {
				t.Fatalf("want one diagnostic with a subject, got:\n%s", diagText(diags))
			}
			s := diags[0].Subject
			if got := string(src[s.Start.Byte:s.End.Byte]); got != tt.value {
				t.Errorf("subject covers %q, want %q", got, tt.value)
			}
		})
	}
}
