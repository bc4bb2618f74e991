package view

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/rules"
)

// testOverrides are the overrides of a configuration file that disables
// TMC102 with a reason and TMC104 without one, raises TMC401 and lowers
// TMC103, plus --disable-rule TMC201 and two rules left out by --only.
func testOverrides() []rules.RuleOverride {
	return []rules.RuleOverride{
		{ID: "TMC102", Default: "error", Source: "--disable-rule", Security: true},
		{ID: "TMC301", Default: "warning", Source: "--only"},
		{ID: "TMC302", Default: "notice", Source: "--only"},
		{ID: "TMC102", Default: "error", Source: "spec/.teramotc.hcl", Reason: "public website\nbucket", Security: true},
		{ID: "TMC103", Default: "warning", Enabled: true, Severity: "notice", Source: "spec/.teramotc.hcl"},
		{ID: "TMC104", Default: "error", Source: "spec/.teramotc.hcl", Security: true},
		{ID: "TMC401", Default: "warning", Enabled: true, Severity: "error", Source: "spec/.teramotc.hcl", Security: true},
	}
}

// TestLintOverridesGolden: every format states what the configuration
// disabled or re-graded.
func TestLintOverridesGolden(t *testing.T) {
	for _, format := range LintFormats() {
		t.Run(format, func(t *testing.T) {
			r := lintTestReport(t)
			r.Overrides = testOverrides()
			checkGolden(t, "lint/overrides-"+format+".golden", writeLintString(t, format, r))
		})
	}
}

func TestOverridesLine(t *testing.T) {
	tests := []struct {
		name string
		in   []rules.RuleOverride
		want string
	}{
		{"none", nil, ""},
		{"disabled with a reason", []rules.RuleOverride{
			{ID: "TMC102", Default: "error", Source: ".teramotc.hcl", Reason: "a website", Security: true},
		}, `Configuration: TMC102 disabled ("a website") (.teramotc.hcl)`},
		{"security rule disabled without a reason", []rules.RuleOverride{
			{ID: "TMC102", Default: "error", Source: ".teramotc.hcl", Security: true},
		}, `Configuration: TMC102 disabled (no reason given) (.teramotc.hcl)`},
		{"raised needs no reason", []rules.RuleOverride{
			{ID: "TMC401", Default: "warning", Enabled: true, Severity: "error", Source: ".teramotc.hcl", Security: true},
		}, `Configuration: TMC401 warning -> error (.teramotc.hcl)`},
		{"lowered", []rules.RuleOverride{
			{ID: "TMC401", Default: "error", Enabled: true, Severity: "warning", Source: ".teramotc.hcl"},
		}, `Configuration: TMC401 error -> warning (.teramotc.hcl)`},
		{"flags and only counted", []rules.RuleOverride{
			{ID: "TMC102", Default: "error", Source: "--disable-rule", Security: true},
			{ID: "TMC301", Default: "warning", Source: "--only"},
			{ID: "TMC302", Default: "warning", Source: "--only"},
		}, `Configuration: TMC102 disabled (--disable-rule); 2 rules disabled (--only)`},
		{"blanket ignore", []rules.RuleOverride{
			{ID: "TMC304", Default: "notice", Enabled: true, Severity: "notice", Source: ".teramotc.hcl", Reason: "aborted by the client", Ignored: true},
			{ID: "TMC401", Default: "warning", Enabled: true, Severity: "error", Source: ".teramotc.hcl"},
		}, `Configuration: TMC304 ignored in every file ("aborted by the client"), TMC401 warning -> error (.teramotc.hcl)`},
		{"blanket ignore of a security rule", []rules.RuleOverride{
			{ID: "TMC108", Default: "error", Enabled: true, Severity: "error", Source: ".teramotc.hcl", Reason: "x", Security: true, Ignored: true},
		}, `Configuration: TMC108 ignored in every file ("x") (blanket ignore) (.teramotc.hcl)`},
		{"control characters", []rules.RuleOverride{
			{ID: "TMC103", Default: "warning", Source: "a\x1b[2J.hcl", Reason: "x\x07\ny"},
		}, `Configuration: TMC103 disabled ("x? y") (a?[2J.hcl)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &LintReport{Overrides: tt.in}
			if got := r.overridesLine(); got != tt.want {
				t.Errorf("overridesLine() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLintJSONOverrides: rule_overrides is [] (never null) without
// overrides, and a disabled rule has a null severity.
func TestLintJSONOverrides(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []rules.RuleOverride
		want string
	}{
		{"none", nil, `[]`},
		{"disabled and lowered", []rules.RuleOverride{
			{ID: "TMC102", Default: "error", Source: ".teramotc.hcl", Reason: "r"},
			{ID: "TMC401", Default: "error", Enabled: true, Severity: "warning", Source: ".teramotc.hcl"},
		}, `[{"rule_id":"TMC102","default_severity":"error","severity":null,"enabled":false,"source":".teramotc.hcl","reason":"r"},` +
			`{"rule_id":"TMC401","default_severity":"error","severity":"warning","enabled":true,"source":".teramotc.hcl","reason":""}]`},
		{"blanket ignore", []rules.RuleOverride{
			{ID: "TMC108", Default: "error", Enabled: true, Severity: "error", Source: ".teramotc.hcl", Reason: "x", Security: true, Ignored: true},
		}, `[{"rule_id":"TMC108","default_severity":"error","severity":"error","enabled":true,"source":".teramotc.hcl","reason":"x","ignored":true}]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := lintTestReport(t)
			r.Overrides = tt.in
			var doc struct {
				RuleOverrides json.RawMessage `json:"rule_overrides"`
			}
			if err := json.Unmarshal(writeLintString(t, "json", r), &doc); err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(doc.RuleOverrides, &got); err != nil {
				t.Fatalf("rule_overrides %s: %v", doc.RuleOverrides, err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rule_overrides (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLintSARIFOverrides: the overrides are the invocation's standard
// ruleConfigurationOverrides, absent without any.
func TestLintSARIFOverrides(t *testing.T) {
	r := lintTestReport(t)
	if out := string(writeLintString(t, "sarif", r)); strings.Contains(out, "ruleConfigurationOverrides") {
		t.Errorf("ruleConfigurationOverrides without overrides:\n%s", out)
	}
	r.Overrides = []rules.RuleOverride{
		{ID: "TMC102", Default: "error", Source: ".teramotc.hcl", Reason: "r"},
		{ID: "TMC401", Default: "error", Enabled: true, Severity: "notice", Source: ".teramotc.hcl"},
	}
	var doc struct {
		Runs []struct {
			Invocations []struct {
				RuleConfigurationOverrides []any `json:"ruleConfigurationOverrides"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(writeLintString(t, "sarif", r), &doc); err != nil {
		t.Fatal(err)
	}
	var want any
	_ = json.Unmarshal([]byte(`[
	 {"descriptor": {"id": "TMC102"}, "configuration": {"enabled": false,
	   "properties": {"defaultSeverity": "error", "source": ".teramotc.hcl", "reason": "r"}}},
	 {"descriptor": {"id": "TMC401"}, "configuration": {"enabled": true, "level": "note",
	   "properties": {"defaultSeverity": "error", "source": ".teramotc.hcl", "reason": ""}}}]`), &want)
	got := any(doc.Runs[0].Invocations[0].RuleConfigurationOverrides)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ruleConfigurationOverrides (-want +got):\n%s", diff)
	}
}
