package rules

import (
	"fmt"
	"os"
	"path/filepath"
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

// RuleConfig is a `rule "ID" { enabled, severity }` block.
type RuleConfig struct {
	ID       string
	Enabled  *bool
	Severity Severity
	Range    hcl.Range
}

type configFile struct {
	InlineIgnores *bool         `hcl:"inline_ignores,optional"`
	Settings      []settings    `hcl:"teramotc,block"`
	Rules         []ruleBlock   `hcl:"rule,block"`
	Ignores       []ignoreBlock `hcl:"ignore,block"`
}

type settings struct {
	RequiredVersion *string `hcl:"required_version,optional"`
}

type ruleBlock struct {
	ID       string    `hcl:"id,label"`
	Enabled  *bool     `hcl:"enabled,optional"`
	Severity *string   `hcl:"severity,optional"`
	DefRange hcl.Range `hcl:",def_range"`
}

type ignoreBlock struct {
	ID        string    `hcl:"id,label"`
	Addresses []string  `hcl:"addresses,optional"`
	Paths     []string  `hcl:"paths,optional"`
	Reason    *string   `hcl:"reason,optional"`
	Until     *string   `hcl:"until,optional"`
	DefRange  hcl.Range `hcl:",def_range"`
}

// FindConfig returns the .teramotc.hcl of the spec at specPath (a directory
// or a file in it), or "" when there is none.
func FindConfig(specPath string) string {
	dir := specPath
	if st, err := os.Stat(specPath); err == nil && !st.IsDir() {
		dir = filepath.Dir(specPath)
	}
	p := filepath.Join(dir, ConfigFileName)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// LoadConfig parses a .teramotc.hcl and checks it against the rules of set:
// rule ids must exist, hard rules cannot be disabled, re-graded or ignored,
// ignore blocks need a reason and a valid until date.
func LoadConfig(filename string, set *Set) (*Config, hcl.Diagnostics) {
	f, diags := spec.ParseHCLFile(filename) // the limits of spec files: the config is untrusted too
	if diags.HasErrors() {
		return nil, diags
	}
	var raw configFile
	diags = append(diags, gohcl.DecodeBody(f.Body, nil, &raw)...)
	if diags.HasErrors() {
		return nil, diags
	}
	c := &Config{Filename: filename, File: f, InlineIgnores: true, Rules: map[string]*RuleConfig{}}
	if raw.InlineIgnores != nil {
		c.InlineIgnores = *raw.InlineIgnores
	}
	for _, rb := range raw.Rules {
		rng := rb.DefRange
		r := set.Rule(rb.ID)
		switch {
		case r == nil:
			diags = append(diags, unknownRule(rb.ID, rng, set))
			continue
		case r.Hard && (rb.Enabled != nil && !*rb.Enabled || rb.Severity != nil):
			diags = append(diags, configError(rng, "Hard rule cannot be changed",
				"%s is a hard rule: AWS rejects such a spec, so it cannot be disabled or given another severity.", rb.ID))
			continue
		case c.Rules[rb.ID] != nil:
			diags = append(diags, configError(rng, "Duplicate rule block", "%s has a second rule %q block; merge them.", ConfigFileName, rb.ID))
			continue
		}
		rc := &RuleConfig{ID: rb.ID, Enabled: rb.Enabled, Range: rng}
		if rb.Severity != nil {
			rc.Severity = Severity(*rb.Severity)
			if !rc.Severity.Valid() {
				diags = append(diags, configError(rng, "Invalid severity", "The severity of rule %q must be \"error\", \"warning\" or \"notice\", not %q.", rb.ID, *rb.Severity))
				continue
			}
		}
		c.Rules[rb.ID] = rc
	}
	for _, ib := range raw.Ignores {
		d := &directive{kind: "config", ids: []string{ib.ID}, source: ib.DefRange, addresses: ib.Addresses,
			paths: ib.Paths, baseDir: filepath.Dir(filename), used: map[string]bool{}}
		if msg := suppressible(ib.ID, set.Rule); msg != "" {
			diags = append(diags, configError(ib.DefRange, "Invalid ignore block", "ignore %q: %s.", ib.ID, msg))
			continue
		}
		if ib.Reason == nil || *ib.Reason == "" {
			diags = append(diags, configError(ib.DefRange, "Ignore without a reason", "ignore %q needs reason = \"why this is acceptable\".", ib.ID))
			continue
		}
		d.reason = *ib.Reason
		if ib.Until != nil {
			if _, err := time.Parse(time.DateOnly, *ib.Until); err != nil {
				diags = append(diags, configError(ib.DefRange, "Invalid until date", "until = %q of ignore %q is not a date in the form YYYY-MM-DD.", *ib.Until, ib.ID))
				continue
			}
			d.until = *ib.Until
		}
		c.ignores = append(c.ignores, d)
	}
	return c, diags
}

func configError(rng hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()}
}

func unknownRule(id string, rng hcl.Range, set *Set) *hcl.Diagnostic {
	return configError(rng, "Unknown rule", "No rule has the id %q.%s Run \"teramotc rules\" for the list.", id, set.didYouMean(id))
}
