package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// markerRE matches the start of a comment that may be a suppression:
// "teramotc", a separator and a word, in any case ("teramotc:ignre",
// "TeraMotc:Ignore", "teramotc-ignore").
var markerRE = regexp.MustCompile(`(?i)^teramotc(\s*[:-]?\s*)([a-z][a-z0-9_-]*)?`)

// directives are the suppression markers, after "teramotc:".
var directives = []string{"ignore", "ignore-file"}

// ruleIndex resolves the rule ids a suppression names: a *Set.
type ruleIndex interface {
	Rule(id string) *Rule // by upper-case id
	Rules() []*Rule
}

// isSuppression reports whether a comment's text is meant as a suppression:
// "teramotc:" directly followed by a word (the directive syntax, whatever
// the word), or "teramotc" and a word close to a directive ("teramotc
// ignore", "teramotc-ignre"). Prose such as "teramotc: see the README" or
// "teramotc none of these" is not.
func isSuppression(text string) bool {
	m := markerRE.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	return m[1] == ":" && m[2] != "" || nearestDirective(m[2]) != ""
}

// nearestDirective returns the directive word (case ignored) is or
// misspells (spec.Suggest), else "ignore" for a word that starts with it
// ("ignoreall"), else "".
func nearestDirective(word string) string {
	word = strings.ToLower(word)
	if slices.Contains(directives, word) {
		return word
	}
	if d := spec.Suggest(word, directives); d != "" {
		return d
	}
	if strings.HasPrefix(word, "ignore") {
		return "ignore"
	}
	return ""
}

// checkMarker explains why the marker that starts head (a suppression's
// text before "--") is not "teramotc:ignore" or "teramotc:ignore-file",
// or returns "".
func checkMarker(head string) string {
	m := markerRE.FindStringSubmatch(head)
	if m == nil {
		return ""
	}
	if slices.Contains(directives, strings.TrimPrefix(m[0], "teramotc:")) {
		return ""
	}
	if d := nearestDirective(m[2]); d != "" {
		return fmt.Sprintf("%q is not a suppression marker. Did you mean %q?", m[0], "teramotc:"+d)
	}
	return fmt.Sprintf("%q is not a suppression marker; write \"teramotc:ignore\" or \"teramotc:ignore-file\"", m[0])
}
