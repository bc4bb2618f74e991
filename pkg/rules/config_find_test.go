package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// configSpec is a spec with two findings of TMC401 (no access logging), on
// bucket.data and bucket.logs.
const configSpec = `bucket "data" {
  name   = "acme-config-data"
  region = "us-east-1"
}

bucket "logs" {
  name   = "acme-config-logs"
  region = "us-east-1"
}
`

const ignoreLogs = `ignore "TMC401" {
  addresses = ["bucket.logs"]
  reason    = "the log bucket cannot log to itself"
}
`

// symlink links name to target, skipping where links cannot be made.
func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
}

// The .teramotc.hcl found next to a spec is confined to the spec's
// directory, like the spec's own files: one that leads outside is refused
// unread, with a diagnostic that says what to do. A file the user names
// with -config may be anywhere.
func TestConfigConfinement(t *testing.T) {
	set := configTestSet(t)
	tests := []struct {
		name string
		// setup returns the spec directory; outside is a directory beside it
		setup func(t *testing.T, spec, outside string)
		// explicit is passed as -config, relative to the directory of spec
		explicit   string
		refused    bool   // a diagnostic "Configuration file outside the spec root"
		problem    string // another error summary expected instead
		suppressed bool   // the ignore block of bucket.logs applied
	}{
		{name: "regular file", suppressed: true, setup: func(t *testing.T, spec, _ string) {
			writeTestFile(t, spec, ConfigFileName, ignoreLogs)
		}},
		{name: "symlink out of the spec", refused: true, setup: func(t *testing.T, spec, outside string) {
			symlink(t, writeTestFile(t, outside, "cfg.hcl", ignoreLogs), filepath.Join(spec, ConfigFileName))
		}},
		{name: "relative symlink to the parent", refused: true, setup: func(t *testing.T, spec, _ string) {
			writeTestFile(t, filepath.Dir(spec), "shared.hcl", ignoreLogs)
			symlink(t, "../shared.hcl", filepath.Join(spec, ConfigFileName))
		}},
		{name: "symlink to /etc/passwd", refused: true, setup: func(t *testing.T, spec, _ string) {
			if _, err := os.Stat("/etc/passwd"); err != nil {
				t.Skip("no /etc/passwd")
			}
			symlink(t, "/etc/passwd", filepath.Join(spec, ConfigFileName))
		}},
		{name: "symlink inside the spec", suppressed: true, setup: func(t *testing.T, spec, _ string) {
			writeTestFile(t, spec, "config/lint.hcl.txt", ignoreLogs)
			symlink(t, "config/lint.hcl.txt", filepath.Join(spec, ConfigFileName))
		}},
		{name: "dangling symlink", problem: "cannot read configuration file", setup: func(t *testing.T, spec, outside string) {
			symlink(t, filepath.Join(outside, "gone.hcl"), filepath.Join(spec, ConfigFileName))
		}},
		{name: "directory", problem: "cannot read configuration file", setup: func(t *testing.T, spec, _ string) {
			if err := os.Mkdir(filepath.Join(spec, ConfigFileName), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "explicit -config outside", explicit: "outside/cfg.hcl", suppressed: true, setup: func(t *testing.T, _, outside string) {
			writeTestFile(t, outside, "cfg.hcl", ignoreLogs)
		}},
		{name: "explicit -config that links out", explicit: "spec/" + ConfigFileName, suppressed: true, setup: func(t *testing.T, spec, outside string) {
			symlink(t, writeTestFile(t, outside, "cfg.hcl", ignoreLogs), filepath.Join(spec, ConfigFileName))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			spec, outside := filepath.Join(base, "spec"), filepath.Join(base, "outside")
			writeTestFile(t, spec, "main.hcl", configSpec)
			if err := os.MkdirAll(outside, 0o755); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, spec, outside)
			opts := LintOptions{Only: []string{"TMC401"}}
			if tc.explicit != "" {
				cfg, diags := LoadConfig(filepath.Join(base, tc.explicit), set)
				if diags.HasErrors() {
					t.Fatalf("-config %s: %v", tc.explicit, diags)
				}
				opts.Config = cfg
			}
			res := set.Lint(context.Background(), []string{spec}, opts)[0]

			var refused, problem bool
			for _, d := range res.Diagnostics {
				switch {
				case d.Summary == "Configuration file outside the spec root":
					refused = true
					// no subject: a snippet of it would print the file outside
					if !strings.Contains(d.Detail, filepath.Join(spec, ConfigFileName)+" is a symbolic link") ||
						!strings.Contains(d.Detail, "-config FILE") || !strings.Contains(d.Detail, "copy") || d.Subject != nil {
						t.Errorf("refusal %q at %v: want it to name the link, say what to do, and have no subject", d.Detail, d.Subject)
					}
				case tc.problem != "" && strings.HasPrefix(d.Summary, tc.problem):
					problem = true
				default:
					t.Errorf("unexpected diagnostic %s: %s", d.Summary, d.Detail)
				}
			}
			if refused != tc.refused || problem != (tc.problem != "") {
				t.Errorf("refused %v, %q reported %v; want %v, %v", refused, tc.problem, problem, tc.refused, tc.problem != "")
			}
			suppressed := false
			for _, f := range res.Findings {
				if f.Rule.ID == "TMC401" && f.Suppression != nil {
					suppressed = true
				}
			}
			if suppressed != tc.suppressed {
				t.Errorf("bucket.logs suppressed = %v, want %v", suppressed, tc.suppressed)
			}
			for name := range res.Files {
				if !strings.HasPrefix(name, spec) && (tc.explicit == "" || name != filepath.Join(base, tc.explicit)) {
					t.Errorf("lint read %s, outside the spec", name)
				}
			}
		})
	}
}

// Discovery looks in the spec's own directory only: a .teramotc.hcl in a
// parent directory (a checkout's root, $HOME) is never read.
func TestFindConfigDoesNotWalkUp(t *testing.T) {
	base := t.TempDir()
	writeTestFile(t, base, ConfigFileName, ignoreLogs)
	spec := filepath.Join(base, "specs", "logs")
	file := writeTestFile(t, spec, "main.hcl", configSpec)
	tests := []struct{ name, path, want string }{
		{"directory without a config", spec, ""},
		{"file without a config", file, ""},
		{"directory with a config", base, filepath.Join(base, ConfigFileName)},
		{"file next to a config", writeTestFile(t, base, "other.hcl", configSpec), filepath.Join(base, ConfigFileName)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FindConfig(tc.path); got != tc.want {
				t.Errorf("FindConfig(%s) = %q, want %q", tc.path, got, tc.want)
			}
		})
	}
}

// An ignore block whose address matches no finding (TMC903) suggests the
// nearest address that has a finding of its rule.
func TestUnusedIgnoreSuggestsAddress(t *testing.T) {
	set := configTestSet(t)
	tests := []struct {
		name, address, want string
	}{
		{"missing letter", "bucket.log", `Did you mean "bucket.logs"? Correct the address`},
		{"case", "bucket.Data", `Did you mean "bucket.data"? Correct the address`},
		{"nothing near", "bucket.nothing", "matches no finding; delete it"},
		{"two edits", "bucket.lgo", `Did you mean "bucket.logs"?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := t.TempDir()
			writeTestFile(t, spec, "main.hcl", configSpec)
			writeTestFile(t, spec, ConfigFileName, "ignore \"TMC401\" {\n  addresses = [\""+tc.address+"\"]\n  reason    = \"ok\"\n}\n")
			res := set.Lint(context.Background(), []string{spec}, LintOptions{Only: []string{"TMC401"}})[0]
			if res.Diagnostics.HasErrors() {
				t.Fatal(diagText(res))
			}
			var msgs []string
			for _, f := range res.Findings {
				if f.Rule.ID == RuleSuppressionUnused.ID {
					msgs = append(msgs, f.Message)
				}
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0], tc.want) ||
				strings.Contains(tc.want, "Did you mean") && !strings.Contains(msgs[0], `"`+tc.address+`"`) {
				t.Errorf("TMC903 messages %q, want one naming %q with %q", msgs, tc.address, tc.want)
			}
		})
	}
}

// The TMC903 of an ignore block points at what matched nothing: the value
// of addresses, else of paths, else the block's header.
func TestUnusedIgnoreRange(t *testing.T) {
	set := configTestSet(t)
	tests := []struct {
		name, config string
		want         string // FILE:LINE,COL-LINE,COL
	}{
		{"addresses", "ignore \"TMC401\" {\n  reason    = \"ok\"\n  addresses = [\"bucket.nothing\"]\n}\n", ConfigFileName + ":3,15-3,33"},
		{"near-miss address", "ignore \"TMC401\" {\n  addresses = [\n    \"bucket.lgo\",\n  ]\n  reason = \"ok\"\n}\n", ConfigFileName + ":2,15-4,4"},
		{"addresses and paths", "ignore \"TMC401\" {\n  paths     = [\"other/*.hcl\"]\n  addresses = [\"bucket.nothing\"]\n  reason    = \"ok\"\n}\n", ConfigFileName + ":3,15-3,33"},
		{"paths only", "ignore \"TMC401\" {\n  paths  = [\"other/*.hcl\"]\n  reason = \"ok\"\n}\n", ConfigFileName + ":2,12-2,27"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := t.TempDir()
			writeTestFile(t, spec, "main.hcl", configSpec)
			cfgPath := writeTestFile(t, spec, ConfigFileName, tc.config)
			res := set.Lint(context.Background(), []string{spec}, LintOptions{Only: []string{"TMC401"}})[0]
			if res.Diagnostics.HasErrors() {
				t.Fatal(diagText(res))
			}
			var got []string
			for _, f := range res.Findings {
				if f.Rule.ID == RuleSuppressionUnused.ID {
					r := f.Range
					got = append(got, fmt.Sprintf("%s:%d,%d-%d,%d", filepath.Base(r.Filename), r.Start.Line, r.Start.Column, r.End.Line, r.End.Column))
					if r.Filename != cfgPath {
						t.Errorf("TMC903 in %s, want %s", r.Filename, cfgPath)
					}
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("TMC903 at %q, want [%s]", got, tc.want)
			}
		})
	}
}

// An ignore block with neither addresses nor paths that matches nothing
// is reported at its header.
func TestUnusedIgnoreRangeBlock(t *testing.T) {
	set := configTestSet(t)
	spec := t.TempDir()
	writeTestFile(t, spec, "main.hcl", "bucket \"data\" {\n  name   = \"acme-config-data\"\n  region = \"us-east-1\"\n  versioning = true\n}\n")
	writeTestFile(t, spec, ConfigFileName, "\nignore \"TMC301\" {\n  reason = \"ok\"\n}\n")
	res := set.Lint(context.Background(), []string{spec}, LintOptions{Only: []string{"TMC301"}})[0]
	var got []hcl.Range
	for _, f := range res.Findings {
		if f.Rule.ID == RuleSuppressionUnused.ID {
			got = append(got, f.Range)
		}
	}
	if len(got) != 1 || got[0].Start.Line != 2 || got[0].Start.Column != 1 || got[0].End.Line != 2 {
		t.Errorf("TMC903 at %v, want the header on line 2\n%s", got, diagText(res))
	}
}
