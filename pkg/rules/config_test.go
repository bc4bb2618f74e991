package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// writeTestFile writes src to dir/name and returns the path.
func writeTestFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func configTestSet(t *testing.T) *Set {
	t.Helper()
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// Each problem of a configuration is reported at the label or value at
// fault (line and columns of the source), with its snippet available from
// Config.Files, and with a suggestion for a near miss.
func TestConfigDiagnosticRanges(t *testing.T) {
	set := configTestSet(t)
	tests := []struct {
		name, src string
		summary   string
		// line, first and last column (exclusive) of the subject
		line, col, endCol int
		detail            string
	}{
		{name: "until not a date",
			src:     "ignore \"TMC401\" {\n  addresses = [\"bucket.logs\"]\n  reason    = \"the log bucket\"\n  until     = \"2027-13-01\"\n}\n",
			summary: "Invalid until date", line: 4, col: 15, endCol: 27, detail: "month out of range"},
		{name: "until in another layout",
			src:     "ignore \"TMC401\" {\n  reason = \"ok\"\n  until  = \"31/01/2027\"\n}\n",
			summary: "Invalid until date", line: 3, col: 12, endCol: 24, detail: "YYYY-MM-DD"},
		{name: "severity typo",
			src:     "rule \"TMC401\" {\n  severity = \"eror\"\n}\n",
			summary: "Invalid severity", line: 2, col: 14, endCol: 20, detail: `Did you mean "error"?`},
		{name: "severity abbreviated",
			src:     "rule \"TMC401\" {\n  severity = \"warn\"\n}\n",
			summary: "Invalid severity", line: 2, col: 14, endCol: 20, detail: `Did you mean "warning"?`},
		{name: "severity in capitals",
			src:     "rule \"TMC401\" {\n  severity = \"Error\"\n}\n",
			summary: "Invalid severity", line: 2, col: 14, endCol: 21, detail: `Did you mean "error"?`},
		{name: "severity not a string",
			src:     "rule \"TMC401\" {\n  severity = [1]\n}\n",
			summary: "Unsuitable value type", line: 2, col: 14, endCol: 17},
		{name: "enabled not a bool",
			src:     "rule \"TMC401\" {\n  enabled = \"maybe\"\n}\n",
			summary: "Unsuitable value type", line: 2, col: 13, endCol: 20},
		{name: "unknown rule",
			src:     "\nrule \"TMC1O1\" {\n  enabled = false\n}\n",
			summary: "Unknown rule", line: 2, col: 6, endCol: 14, detail: `Did you mean "TMC101"?`},
		{name: "hard rule disabled",
			src:     "rule \"TMC701\" {\n  enabled = false\n}\n",
			summary: "Hard rule cannot be changed", line: 2, col: 13, endCol: 18, detail: "Delete the enabled attribute."},
		{name: "hard rule re-graded",
			src:     "rule \"TMC701\" {\n  severity = \"notice\"\n}\n",
			summary: "Hard rule cannot be changed", line: 2, col: 14, endCol: 22, detail: "Delete the severity attribute."},
		{name: "duplicate rule block",
			src:     "rule \"TMC401\" {\n  enabled = true\n}\nrule \"TMC401\" {\n  enabled = false\n}\n",
			summary: "Duplicate rule block", line: 4, col: 6, endCol: 14, detail: "the first is on line 1"},
		{name: "misspelt attribute",
			src:     "rule \"TMC401\" {\n  severty = \"error\"\n}\n",
			summary: "Unsupported argument", line: 2, col: 3, endCol: 10, detail: `Did you mean "severity"?`},
		{name: "ignore of an unknown rule",
			src:     "ignore \"TMC4O1\" {\n  reason = \"ok\"\n}\n",
			summary: "Invalid ignore block", line: 1, col: 8, endCol: 16, detail: `Did you mean "TMC401"?`},
		{name: "ignore of a hard rule",
			src:     "ignore \"TMC701\" {\n  reason = \"ok\"\n}\n",
			summary: "Invalid ignore block", line: 1, col: 8, endCol: 16, detail: "hard rule"},
		{name: "ignore without a reason",
			src:     "ignore \"TMC401\" {\n  addresses = [\"bucket.logs\"]\n}\n",
			summary: "Ignore without a reason", line: 1, col: 1, endCol: 16},
		{name: "ignore with an empty reason",
			src:     "ignore \"TMC401\" {\n  reason = \"  \"\n}\n",
			summary: "Ignore without a reason", line: 2, col: 12, endCol: 16, detail: "is empty"},
		{name: "ignore with a reason without a word",
			src:     "ignore \"TMC401\" {\n  reason = \" - \"\n}\n",
			summary: "Ignore without a reason", line: 2, col: 12, endCol: 17, detail: `" - ", has no word of two or more letters`},
		{name: "ignore with a reason of one letter",
			src:     "ignore \"TMC401\" {\n  reason = \"x\"\n}\n",
			summary: "Ignore without a reason", line: 2, col: 12, endCol: 15, detail: `"x", has no word of two or more letters`},
		{name: "ignore with the snippet's placeholder reason",
			src:     "ignore \"TMC401\" {\n  reason = \"<reason>\"\n}\n",
			summary: "Ignore without a reason", line: 2, col: 12, endCol: 22, detail: `"<reason>", is a placeholder`},
		{name: "ignore with a reason of the wrong type",
			src:     "ignore \"TMC401\" {\n  reason = [\"x\"]\n}\n",
			summary: "Unsuitable value type", line: 2, col: 12, endCol: 17},
		{name: "malformed path pattern",
			src:     "ignore \"TMC401\" {\n  paths  = [\"*.hcl\", \"logs/[a-\"]\n  reason = \"ok\"\n}\n",
			summary: "Invalid path pattern", line: 2, col: 22, endCol: 32, detail: `"logs/[a-" is not a valid glob`},
		{name: "inline_ignores not a bool",
			src:     "inline_ignores = \"no\"\n",
			summary: "Unsuitable value type", line: 1, col: 18, endCol: 22},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := writeTestFile(t, t.TempDir(), ConfigFileName, tc.src)
			cfg, diags := LoadConfig(file, set)
			if !diags.HasErrors() {
				t.Fatalf("no error for\n%s", tc.src)
			}
			d := diags[0]
			if d.Summary != tc.summary || !strings.Contains(d.Detail, tc.detail) {
				t.Errorf("got %q: %q, want %q with %q", d.Summary, d.Detail, tc.summary, tc.detail)
			}
			if d.Subject == nil {
				t.Fatal("no subject: the view prints no snippet")
			}
			got := [3]int{d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Column}
			if want := [3]int{tc.line, tc.col, tc.endCol}; got != want || d.Subject.Filename != file {
				t.Errorf("subject %s line:col:endcol %v, want %s %v", d.Subject.Filename, got, file, want)
			}
			if f := cfg.Files()[file]; f == nil || string(f.Bytes) != tc.src {
				t.Errorf("Files() = %v, want the configuration's source for the snippet", cfg.Files())
			}
			if len(cfg.Rules) != 0 || len(cfg.ignores) != 0 || !cfg.InlineIgnores {
				t.Errorf("a configuration with errors applied settings: %+v", cfg)
			}
		})
	}
}

// A valid configuration loads whole; a teramotc block is accepted.
func TestLoadConfigValid(t *testing.T) {
	src := `inline_ignores = false

teramotc {
  required_version = ">= 0.1"
}

rule "tmc401" {
  severity = "warning"
}

rule "TMC701" {
  enabled = true
}

ignore "Tmc401" {
  addresses = ["bucket.logs"]
  paths     = ["logs/*.hcl"]
  reason    = "the log bucket cannot log to itself"
  until     = "2027-01-31"
}
`
	file := writeTestFile(t, t.TempDir(), ConfigFileName, src)
	cfg, diags := LoadConfig(file, configTestSet(t))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if cfg.InlineIgnores || cfg.Rules["TMC401"] == nil || cfg.Rules["TMC401"].Severity != SeverityWarning || cfg.Rules["TMC701"] == nil {
		t.Errorf("rules %+v, inline_ignores %v", cfg.Rules, cfg.InlineIgnores)
	}
	if len(cfg.ignores) != 1 {
		t.Fatalf("%d ignores, want 1", len(cfg.ignores))
	}
	d := cfg.ignores[0]
	if d.ids[0] != "TMC401" || d.until != "2027-01-31" || d.reason == "" || d.addresses[0] != "bucket.logs" || d.paths[0] != "logs/*.hcl" || d.baseDir != filepath.Dir(file) {
		t.Errorf("ignore %+v", d)
	}
}

// A configuration file that cannot be read is a plain error: no location,
// which would print "on missing.hcl line 1:" for a file that does not exist.
func TestLoadConfigUnreadable(t *testing.T) {
	dir := t.TempDir()
	set := configTestSet(t)
	tests := []struct {
		name, file, summary string
	}{
		{"missing", filepath.Join(dir, "missing.hcl"), "cannot read configuration file " + filepath.Join(dir, "missing.hcl") + ": no such file or directory"},
		{"directory", dir, "cannot read configuration file " + dir + ": is a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, diags := LoadConfig(tc.file, set)
			if len(diags) != 1 || cfg != nil {
				t.Fatalf("got %v, %v; want one diagnostic and no config", cfg, diags)
			}
			d := diags[0]
			if d.Severity != hcl.DiagError || d.Summary != tc.summary || d.Subject != nil {
				t.Errorf("got %q (subject %v), want %q without a subject", d.Summary, d.Subject, tc.summary)
			}
			if !strings.Contains(d.Detail, "-config") {
				t.Errorf("detail %q does not say what to do", d.Detail)
			}
		})
	}
}
