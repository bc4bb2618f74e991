package apply

import (
	"slices"
	"strings"
)

// Some condition keys hold a secret whatever the spec says: the external
// id of a trust policy (sts:ExternalId) is the shared secret a partner
// passes to AssumeRole. Its values are masked wherever a plan shows a
// policy, desired or live, under any operator (StringEquals, StringLike,
// StringEqualsIgnoreCase, ForAnyValue:..., ...IfExists), in any statement,
// Sid or not: a live trust policy written by hand holds the id in force,
// which the spec may not know (it only knows its own, sensitive, value).
//
// Other condition keys are left visible: their values say who or what a
// policy lets in (accounts, organizations, networks, prefixes), which a
// reviewer must see. A spec that sets one from a sensitive variable has it
// masked as every sensitive value is (spec.SensitiveStrings).

// secretConditionKeys are the condition keys whose values are secrets, in
// lower case (canonical policies hold keys so; IAM compares them so).
var secretConditionKeys = []string{"sts:externalid"}

// secretConditionKey reports whether k, a condition key in any case, holds
// secrets.
func secretConditionKey(k string) bool {
	return slices.Contains(secretConditionKeys, strings.ToLower(k))
}

// A path (masker.walk) is the object keys down to a value, each after a
// NUL. secretCondition reports whether a value at path sits under a
// secret condition key, and returns the path with the operator left out,
// so that a value moved from one operator to another is compared as the
// same value. The Null operator's "true" and "false" (the key is present
// or not) are no secret.
func secretCondition(path, value string) (where string, ok bool) {
	parts := strings.Split(path, "\x00")
	for i := len(parts) - 1; i >= 1; i-- {
		if !secretConditionKey(parts[i]) {
			continue
		}
		op := parts[i-1]
		if strings.EqualFold(op, "Null") && (strings.EqualFold(value, "true") || strings.EqualFold(value, "false")) {
			return "", false
		}
		return strings.Join(slices.Concat(parts[:i-1], []string{"*"}, parts[i:]), "\x00"), true
	}
	return "", false
}

// conditionSecrets passes to add every value of v (a document, or a state
// of documents) that sits under a secret condition key, so that text
// quoting it (a reason, a warning, an error that quotes a read-back
// document) can have it masked too (maskText).
func conditionSecrets(v any, add func(string)) {
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(e, path+"\x00"+k)
			}
		case []any:
			for _, e := range x {
				walk(e, path)
			}
		case string, float64, bool:
			text := leafText(x)
			if _, ok := secretCondition(path, text); ok && text != "" && text != Redacted {
				add(text)
			}
		}
	}
	walk(generic(v), "")
}

// maskConditions returns a copy of v (a document or a statement) with every
// value under a secret condition key replaced by "(sensitive)": the form
// in which reasons quote a statement.
func maskConditions(v any) any {
	return newMasker(nil).walk(generic(v), "", true)
}

// textSecrets returns the strings masked in the text printed about c (its
// name, owner and reason): the spec's sensitive strings and the values
// under a secret condition key on either side of the change.
func (c *Change) textSecrets() []string {
	out := slices.Clone(c.secrets)
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, v := range []any{c.before, c.Before, c.After} {
		if v != nil {
			conditionSecrets(v, add)
		}
	}
	for _, v := range c.hiddenLive() {
		add(v)
	}
	return out
}

// hiddenLive returns the live values the plan display masks because the
// desired value at their place is sensitive (maskChange): the value a
// sensitive one replaces may be the previous secret, so the change's
// reason ("sessions may last X s instead of Y s") must not quote it
// either.
func (c *Change) hiddenLive() []string {
	if c.Before == nil || len(c.secrets) == 0 {
		return nil
	}
	m := newMasker(c.secrets)
	m.walk(generic(c.After), "", true)
	m.walk(generic(c.Before), "", false)
	var out []string
	for path := range m.masked {
		for _, v := range m.liveAt[path] {
			if v != "" && v != Redacted && !slices.Contains(m.plain[path], v) && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	slices.Sort(out)
	return out
}

// liveConditionSecrets adds the values under a secret condition key in
// the live state the plan was made from (documents the plan does not
// change too), for warnings and progress lines that might quote them.
func (p *Plan) liveConditionSecrets(add func(string)) {
	if p.live != nil {
		conditionSecrets(p.live.State, add)
	}
}

// Mask returns s with the strings masked in c's printed text (its name,
// owner, reason) replaced by "(sensitive)", for text about c printed
// outside a redacted plan, such as an error that names it.
func (c *Change) Mask(s string) string { return maskText(s, c.textSecrets()) }
