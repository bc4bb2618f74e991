package rules

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/teramot/teramotc/pkg/spec"
)

// ConfigFileName is the project configuration file looked up in a spec's
// directory.
const ConfigFileName = ".teramotc.hcl"

// Config is a parsed .teramotc.hcl.
type Config struct {
	Filename string
	File     *hcl.File
	// InlineIgnores is false when `inline_ignores = false`.
	InlineIgnores bool
	Rules         map[string]*RuleConfig
	ignores       []*directive
}

// RuleConfig is a `rule "ID" { enabled, severity, reason }` block.
type RuleConfig struct {
	ID       string
	Enabled  *bool
	Severity Severity
	// Reason says why the rule is disabled or re-graded; every lint output
	// shows it next to the change (see RuleOverride).
	Reason string
	Range  hcl.Range
}

// Files maps the configuration's file name to its parsed file, for the
// source snippets of the diagnostics LoadConfig returns (the files argument
// of view.WriteDiagnostics). It is empty for a nil Config or a file that
// could not be parsed.
func (c *Config) Files() map[string]*hcl.File {
	if c == nil || c.File == nil {
		return map[string]*hcl.File{}
	}
	return map[string]*hcl.File{c.Filename: c.File}
}

var (
	configSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "inline_ignores"}},
		Blocks: []hcl.BlockHeaderSchema{
			{Type: "teramotc"},
			{Type: "rule", LabelNames: []string{"id"}},
			{Type: "ignore", LabelNames: []string{"id"}},
		},
	}
	settingsSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "required_version"}}}
	ruleSchema     = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}, {Name: "severity"}, {Name: "reason"}}}
	ignoreSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "addresses"}, {Name: "paths"}, {Name: "reason"}, {Name: "until"},
	}}
)

// LoadConfig reads the configuration file the user named (-config FILE or
// TERAMOTC_CONFIG), wherever it lies, and checks it against the rules of
// set: rule ids must exist, hard rules cannot be disabled, re-graded or
// ignored, ignore blocks need a reason and a valid until date. Problems in
// the file are reported at the offending label or value. With errors, the
// Config returned (nil when the file could not be read or parsed) holds
// only the file, for Files, and the default settings: a configuration is
// applied whole or not at all.
func LoadConfig(filename string, set *Set) (*Config, hcl.Diagnostics) {
	if d := unreadable(filename, "Check the path given to -config or TERAMOTC_CONFIG (a relative path starts from the working directory), "+
		"or set neither to use the "+ConfigFileName+" in each spec's directory."); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	return loadConfig(filename, set)
}

func loadConfig(filename string, set *Set) (*Config, hcl.Diagnostics) {
	f, diags := spec.ParseHCLFile(filename) // the limits of spec files: the config is untrusted too
	if f == nil || diags.HasErrors() {
		return defaultConfig(filename, f), diags
	}
	c := defaultConfig(filename, f)
	content, more := f.Body.Content(configSchema)
	diags = append(diags, more...)
	var inline bool
	if decodeAttr(content.Attributes["inline_ignores"], &inline, &diags) {
		c.InlineIgnores = inline
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "teramotc":
			body, more := b.Body.Content(settingsSchema)
			diags = append(diags, more...)
			var v string
			decodeAttr(body.Attributes["required_version"], &v, &diags)
		case "rule":
			diags = append(diags, c.addRule(b, set)...)
		case "ignore":
			diags = append(diags, c.addIgnore(b, set)...)
		}
	}
	if diags.HasErrors() {
		return defaultConfig(filename, f), diags
	}
	return c, diags
}

func defaultConfig(filename string, f *hcl.File) *Config {
	if f == nil {
		return nil
	}
	return &Config{Filename: filename, File: f, InlineIgnores: true, Rules: map[string]*RuleConfig{}}
}

// addRule checks a rule block and records it.
func (c *Config) addRule(b *hcl.Block, set *Set) hcl.Diagnostics {
	id, idRange := b.Labels[0], b.LabelRanges[0]
	content, diags := b.Body.Content(ruleSchema)
	r := set.ruleByID(id)
	if r == nil {
		return append(diags, unknownRule(id, idRange, set))
	}
	id = r.ID // ids are accepted in any case, kept upper case
	rc := &RuleConfig{ID: id, Range: b.DefRange}
	enabled, severity := content.Attributes["enabled"], content.Attributes["severity"]
	var on bool
	if decodeAttr(enabled, &on, &diags) {
		rc.Enabled = &on
	}
	if reason := content.Attributes["reason"]; decodeAttr(reason, &rc.Reason, &diags) {
		rc.Reason = strings.TrimSpace(rc.Reason)
	}
	var sev string
	if decodeAttr(severity, &sev, &diags) {
		rc.Severity = Severity(sev)
		if !rc.Severity.Valid() {
			diags = append(diags, configError(severity.Expr.Range(), "Invalid severity",
				"The severity of rule %q must be \"error\", \"warning\" or \"notice\", not %q.%s",
				id, sev, suggestValue(sev, []string{string(SeverityError), string(SeverityWarning), string(SeverityNotice)})))
		}
	}
	switch {
	case diags.HasErrors():
	case r.Hard && rc.Enabled != nil && !*rc.Enabled:
		diags = append(diags, hardRuleChanged(id, enabled))
	case r.Hard && severity != nil:
		diags = append(diags, hardRuleChanged(id, severity))
	case c.Rules[id] != nil:
		diags = append(diags, configError(idRange, "Duplicate rule block",
			"%s has a second rule %q block (the first is on line %d); merge them.", ConfigFileName, id, c.Rules[id].Range.Start.Line))
	default:
		c.Rules[id] = rc
	}
	return diags
}

// addIgnore checks an ignore block and records it as a directive.
func (c *Config) addIgnore(b *hcl.Block, set *Set) hcl.Diagnostics {
	id, idRange := b.Labels[0], b.LabelRanges[0]
	content, diags := b.Body.Content(ignoreSchema)
	if r := set.ruleByID(id); r != nil {
		id = r.ID // ids are accepted in any case, kept upper case
	}
	if msg := suppressible(id, set.Rule); msg != "" {
		hint := ""
		if set.Rule(id) == nil {
			hint = set.didYouMean(id)
		}
		return append(diags, configError(idRange, "Invalid ignore block", "ignore %q: %s.%s", id, msg, hint))
	}
	d := &directive{kind: "config", ids: []string{id}, source: b.DefRange,
		baseDir: filepath.Dir(c.Filename), used: map[string]bool{}}
	if addrs := content.Attributes["addresses"]; decodeAttr(addrs, &d.addresses, &diags) {
		diags = append(diags, checkAddresses(addrs, d.addresses)...)
	}
	if paths := content.Attributes["paths"]; decodeAttr(paths, &d.paths, &diags) {
		diags = append(diags, checkGlobs(paths, d.paths)...)
	}
	d.scope = ignoreScope(content, b.DefRange)
	reason := content.Attributes["reason"]
	switch {
	case reason == nil:
		diags = append(diags, configError(b.DefRange, "Ignore without a reason",
			"ignore %q needs reason = \"why this is acceptable\".", id))
	case !decodeAttr(reason, &d.reason, &diags): // reported
	case strings.TrimSpace(d.reason) == "":
		diags = append(diags, configError(reason.Expr.Range(), "Ignore without a reason",
			"The reason of ignore %q is empty; say why the finding is acceptable.", id))
	case placeholder(d.reason):
		diags = append(diags, configError(reason.Expr.Range(), "Ignore without a reason",
			"The reason of ignore %q, %q, is a placeholder; say why the finding is acceptable.", id, d.reason))
	case !hasWord(d.reason):
		diags = append(diags, configError(reason.Expr.Range(), "Ignore without a reason",
			"The reason of ignore %q, %q, has no word of two or more letters; say why the finding is acceptable.", id, d.reason))
	}
	if until := content.Attributes["until"]; decodeAttr(until, &d.until, &diags) {
		if _, err := time.Parse(time.DateOnly, d.until); err != nil {
			diags = append(diags, configError(until.Expr.Range(), "Invalid until date",
				"until = %q of ignore %q is not a date: %s. Write the last day the ignore applies as YYYY-MM-DD, such as \"2027-01-31\".",
				d.until, id, dateProblem(err)))
		}
	}
	if !diags.HasErrors() {
		c.ignores = append(c.ignores, d)
	}
	return diags
}

// checkGlobs reports the malformed patterns of a paths list at their element.
func checkGlobs(attr *hcl.Attribute, globs []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	elems, _ := hcl.ExprList(attr.Expr)
	for i, g := range globs {
		if _, err := path.Match(g, ""); err == nil {
			continue
		}
		rng := attr.Expr.Range()
		if i < len(elems) {
			rng = elems[i].Range()
		}
		diags = append(diags, configError(rng, "Invalid path pattern",
			"%q is not a valid glob: check its brackets and escapes (*, ? and [a-z] match file names; paths are relative to %s's directory).", g, ConfigFileName))
	}
	return diags
}

// decodeAttr decodes the value of attr, when present, into target; it
// reports whether it did, appending any problem to diags.
func decodeAttr(attr *hcl.Attribute, target any, diags *hcl.Diagnostics) bool {
	if attr == nil {
		return false
	}
	d := gohcl.DecodeExpression(attr.Expr, nil, target)
	for _, e := range d {
		if e.Context != nil && e.Subject != nil && e.Context.Overlaps(*e.Subject) {
			e.Subject = e.Context // a value of the wrong type: show all of it, not its first token
		}
	}
	*diags = append(*diags, d...)
	return !d.HasErrors()
}

// dateProblem is the reason time.Parse gives for a date, without Go's
// layout details: "month out of range".
func dateProblem(err error) string {
	if pe, ok := err.(*time.ParseError); ok && pe.Message != "" {
		return strings.TrimPrefix(pe.Message, ": ")
	}
	return "it does not have the form YYYY-MM-DD"
}

func hardRuleChanged(id string, attr *hcl.Attribute) *hcl.Diagnostic {
	return configError(attr.Expr.Range(), "Hard rule cannot be changed",
		"%s is a hard rule: AWS rejects such a spec, so it cannot be disabled or given another severity. Delete the %s attribute.", id, attr.Name)
}

func configError(rng hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()}
}

func unknownRule(id string, rng hcl.Range, set *Set) *hcl.Diagnostic {
	return configError(rng, "Unknown rule", "No rule has the id %q.%s Run \"teramotc rules\" for the list.", id, set.didYouMean(id))
}
