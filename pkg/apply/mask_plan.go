package apply

import (
	"slices"

	"github.com/teramot/teramotc/pkg/spec"
)

// Redacted is what plans show instead of a value derived from a sensitive
// variable.
const Redacted = spec.RedactedData

// Redacted returns a copy of the plan for printing or saving: every value
// that holds a string derived from a sensitive variable (an external id, a
// sensitive tag value, a sensitive bucket name inside an ARN) is replaced
// by "(sensitive)", in the desired and the live state, and in names and
// warnings; everything else stays visible, so that a reviewer sees, say,
// who a trust policy trusts. The endpoint loses its password
// (EndpointWithoutPassword). A change with no list of secrets, or whose
// secrets cannot be masked value by value, is hidden whole.
func (p *Plan) Redacted() *Plan {
	cp := *p
	cp.Endpoint = EndpointWithoutPassword(p.Endpoint)
	cp.Warnings = make([]string, len(p.Warnings)) // never null in JSON
	secrets := p.secrets()
	for i, w := range p.Warnings {
		cp.Warnings[i] = maskText(w, secrets)
	}
	cp.Changes = make([]*Change, len(p.Changes))
	for i, c := range p.Changes {
		cc := *c
		if !c.redacted {
			var hidden bool
			cc.Before, cc.After, hidden = maskChange(c)
			cc.SensitiveChanged = cc.SensitiveChanged || hidden
			text := c.textSecrets()
			cc.Name, cc.Owner = maskText(c.Name, text), maskText(c.Owner, text)
			cc.Reason = maskText(c.Reason, text)
			cc.redacted = true
		}
		cp.Changes[i] = &cc
	}
	return &cp
}

// Mask returns s with every sensitive string of the plan in it replaced
// by "(sensitive)" (s whole when it is one), for text printed about the
// plan's changes outside Redacted, such as apply's progress lines.
func (p *Plan) Mask(s string) string { return maskText(s, p.secrets()) }

// secrets returns the sensitive strings of the plan's changes, and the
// values under a secret condition key (sts:ExternalId) in its live state.
func (p *Plan) secrets() []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, c := range p.Changes {
		for _, s := range c.textSecrets() {
			add(s)
		}
	}
	p.liveConditionSecrets(add)
	return out
}
