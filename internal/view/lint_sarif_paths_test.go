package view

import (
	"bytes"
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/teramot/teramotc/pkg/rules"
)

// sarifRegions decodes the run-level fields and result regions of r's SARIF.
type sarifRegionLog struct {
	Runs []struct {
		ColumnKind         string                          `json:"columnKind"`
		AutomationDetails  *struct{ ID string }            `json:"automationDetails"`
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Tool               struct {
			Driver struct {
				Rules []json.RawMessage `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIFRegions(t *testing.T, r *LintReport) sarifRegionLog {
	t.Helper()
	out := writeLintString(t, "sarif", r)
	if err := validateSARIF(t, sarifSchema(t), out); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, out)
	}
	var log sarifRegionLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// TestSARIFColumnsAreCodePoints: HCL counts grapheme clusters; SARIF says
// columnKind unicodeCodePoints and counts code points. "é🎉" (precomposed)
// is two of each, but three UTF-16 units; "e\u0301🎉" is two grapheme
// clusters but three code points.
func TestSARIFColumnsAreCodePoints(t *testing.T) {
	src := "bucket \"b\" {\n  tags = { a = \"é🎉\", b = \"x\" }\n  more = { a = \"e\u0301🎉\", b = \"x\" }\n}\n"
	f, diags := hclsyntax.ParseConfig([]byte(src), "m.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	block := f.Body.(*hclsyntax.Body).Blocks[0]
	valueRange := func(attr string) hcl.Range {
		return block.Body.Attributes[attr].Expr.(*hclsyntax.ObjectConsExpr).Items[1].ValueExpr.Range()
	}
	tests := []struct {
		attr               string
		hclStart, hclEnd   int // what HCL says, so the test shows the difference
		wantStart, wantEnd int
	}{
		{"tags", 26, 29, 26, 29}, // not 27, 30 (UTF-16)
		{"more", 26, 29, 27, 30}, // "  more" is as long as "  tags"; one more code point: the combining mark
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			rng := valueRange(tt.attr)
			if rng.Start.Column != tt.hclStart || rng.End.Column != tt.hclEnd {
				t.Fatalf("HCL columns %d-%d, want %d-%d", rng.Start.Column, rng.End.Column, tt.hclStart, tt.hclEnd)
			}
			r := &LintReport{
				Files:    map[string]*hcl.File{"m.hcl": f},
				Findings: []*rules.Finding{{Rule: lintTestRules["TMC301"], Message: "m", Range: rng}},
			}
			run := decodeSARIFRegions(t, r).Runs[0]
			if run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("columnKind %q", run.ColumnKind)
			}
			reg := run.Results[0].Locations[0].PhysicalLocation.Region
			if reg.StartColumn != tt.wantStart || reg.EndColumn != tt.wantEnd || reg.StartLine != rng.Start.Line || reg.EndLine != rng.Start.Line {
				t.Errorf("region %+v, want columns %d-%d on line %d", reg, tt.wantStart, tt.wantEnd, rng.Start.Line)
			}
		})
	}
	// A position whose byte offset does not match its line keeps its column.
	if got := sarifColumn(f, hcl.Pos{Line: 3, Column: 7, Byte: 3}); got != 7 {
		t.Errorf("mismatched position: column %d, want 7", got)
	}
	if got := sarifColumn(nil, hcl.Pos{Line: 1, Column: 4, Byte: 3}); got != 4 {
		t.Errorf("no source: column %d, want 4", got)
	}
}

// TestSARIFColumnsSkipBOM: a UTF-8 byte order mark is no column of line 1.
func TestSARIFColumnsSkipBOM(t *testing.T) {
	src := "\uFEFFbucket \"data\" {\n  name = \"x\"\n}\n"
	f, diags := hclsyntax.ParseConfig([]byte(src), "m.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	block := f.Body.(*hclsyntax.Body).Blocks[0]
	attr := block.Body.Attributes["name"]
	for _, tt := range []struct {
		name               string
		rng                hcl.Range
		wantStart, wantEnd int
	}{
		{"line 1", hcl.RangeBetween(block.TypeRange, block.LabelRanges[0]), 1, 14},
		{"line 2", attr.SrcRange, 3, 13},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &LintReport{
				Files:    map[string]*hcl.File{"m.hcl": f},
				Findings: []*rules.Finding{{Rule: lintTestRules["TMC301"], Message: "m", Range: tt.rng}},
			}
			reg := decodeSARIFRegions(t, r).Runs[0].Results[0].Locations[0].PhysicalLocation.Region
			if reg.StartColumn != tt.wantStart || reg.EndColumn != tt.wantEnd {
				t.Errorf("columns %d-%d, want %d-%d (HCL: %s)", reg.StartColumn, reg.EndColumn, tt.wantStart, tt.wantEnd, tt.rng)
			}
		})
	}
}

func TestSARIFCategory(t *testing.T) {
	tests := []struct{ category, want string }{
		{"", ""}, // no automationDetails: upload-sarif's category applies
		{"teramotc-lint", "teramotc-lint/"},
		{"lint/specs-prod/", "lint/specs-prod/"},
	}
	for _, tt := range tests {
		t.Run(tt.category, func(t *testing.T) {
			r := lintTestReport(t)
			r.SARIFCategory = tt.category
			run := decodeSARIFRegions(t, r).Runs[0]
			switch {
			case tt.want == "" && run.AutomationDetails != nil:
				t.Errorf("automationDetails %+v, want none", run.AutomationDetails)
			case tt.want != "" && (run.AutomationDetails == nil || run.AutomationDetails.ID != tt.want):
				t.Errorf("automationDetails %+v, want id %q", run.AutomationDetails, tt.want)
			}
		})
	}
}

// TestSARIFSuppressedOnlyWhenAsked: -show-suppressed lists suppressed
// findings in the other formats, not in SARIF.
func TestSARIFSuppressedOnlyWhenAsked(t *testing.T) {
	for _, tt := range []struct {
		show, include bool
		want          bool
	}{{false, false, false}, {true, false, false}, {false, true, true}, {true, true, true}} {
		r := lintTestReport(t)
		r.ShowSuppressed, r.SARIFIncludeSuppressed = tt.show, tt.include
		got := false
		for _, res := range decodeSARIFRegions(t, r).Runs[0].Results {
			got = got || res.RuleID == "TMC401"
		}
		if got != tt.want {
			t.Errorf("show %v, include %v: suppressed TMC401 listed %v, want %v", tt.show, tt.include, got, tt.want)
		}
	}
}

// TestSARIFRuleMetadataIsTheDefault: two specs whose configurations give
// TMC301 (a warning by default) other severities describe the rule the
// same way whatever their order; each result's level is its own.
func TestSARIFRuleMetadataIsTheDefault(t *testing.T) {
	def := lintTestRules["TMC301"]
	raised, lowered := *def, *def
	raised.Severity, lowered.Severity = rules.SeverityError, rules.SeverityNotice
	a := &rules.Finding{Rule: &raised, Message: "a", Range: hcl.Range{Filename: "a/main.hcl", Start: hcl.Pos{Line: 1, Column: 1}}}
	b := &rules.Finding{Rule: &lowered, Message: "b", Range: hcl.Range{Filename: "b/main.hcl", Start: hcl.Pos{Line: 1, Column: 1}}}
	var first []json.RawMessage
	for i, order := range [][]*rules.Finding{{a, b}, {b, a}} {
		r := &LintReport{Findings: order, Rules: []*rules.Rule{def}}
		run := decodeSARIFRegions(t, r).Runs[0]
		rs := run.Tool.Driver.Rules
		if len(rs) != 1 {
			t.Fatalf("%d rules, want 1", len(rs))
		}
		var rule struct {
			DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
			Properties           map[string]any         `json:"properties"`
		}
		if err := json.Unmarshal(rs[0], &rule); err != nil {
			t.Fatal(err)
		}
		if rule.DefaultConfiguration.Level != "warning" || rule.Properties["security-severity"] != "5.0" {
			t.Errorf("order %d: rule %s, want the default level warning and security-severity 5.0", i, rs[0])
		}
		levels := map[string]string{}
		for _, res := range run.Results {
			levels[res.Locations[0].PhysicalLocation.ArtifactLocation.URI] = res.Level
		}
		if want := map[string]string{"a/main.hcl": "error", "b/main.hcl": "note"}; !maps.Equal(levels, want) {
			t.Errorf("order %d: result levels %v, want %v", i, levels, want)
		}
		if i == 0 {
			first = rs
		} else if !bytes.Equal(first[0], rs[0]) {
			t.Errorf("rule metadata depends on the order:\n%s\n%s", first[0], rs[0])
		}
	}
}

// renamed returns lintTestReport with every file name under dir.
func renamed(t *testing.T, dir string) *LintReport {
	r := lintTestReport(t)
	files := map[string]*hcl.File{}
	for name, f := range r.Files {
		files[dir+name] = f
	}
	r.Files = files
	for _, f := range r.Findings {
		f.Range.Filename = dir + f.Range.Filename
		if f.Suppression != nil {
			f.Suppression.Source.Filename = dir + f.Suppression.Source.Filename
		}
	}
	for _, d := range r.Errors {
		d.Subject.Filename = dir + d.Subject.Filename
	}
	return r
}

// TestSARIFRootIndependentOfWorkDir: with the repository root known, the
// same spec linted from the root (specs/main.hcl) and from specs
// (main.hcl) gives the same SARIF: paths and fingerprints relative to
// %SRCROOT%, whose base is the root.
func TestSARIFRootIndependentOfWorkDir(t *testing.T) {
	fromSpecs, fromRoot := lintTestReport(t), renamed(t, "specs/")
	fromSpecs.SARIFRoot, fromSpecs.WorkDir = "/repo", "/repo/specs"
	fromRoot.SARIFRoot, fromRoot.WorkDir = "/repo", "/repo"
	a, b := writeLintString(t, "sarif", fromSpecs), writeLintString(t, "sarif", fromRoot)
	if diff := cmp.Diff(string(b), string(a)); diff != "" {
		t.Errorf("SARIF depends on the working directory (-root +specs):\n%s", diff)
	}
	run := decodeSARIFRegions(t, fromSpecs).Runs[0]
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///repo/" {
		t.Errorf("%%SRCROOT%% base %q, want file:///repo/", got)
	}
	if got := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "specs/main.hcl" {
		t.Errorf("uri %q, want specs/main.hcl", got)
	}
	// Without a root, the paths and fingerprints follow the working
	// directory (the comparison above can fail).
	fromSpecs.SARIFRoot, fromRoot.SARIFRoot = "", ""
	if bytes.Equal(writeLintString(t, "sarif", fromSpecs), writeLintString(t, "sarif", fromRoot)) {
		t.Error("without a root the outputs should differ")
	}
	if strings.Contains(string(writeLintString(t, "sarif", fromSpecs)), "originalUriBaseIds") {
		t.Error("originalUriBaseIds without a root")
	}
}
