package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// Rule ids are upper case (ruleIDPattern), so a case-insensitive lookup is
// a lookup of the upper-cased id. Users may write ids in any case in
// suppressions, on the command line and to explain; teramotc prints them
// upper case.

// LookupRule returns the rule nameOrID names: its id in any case ("tmc101")
// or its name ("public-access-block"), or nil when no rule, or more than
// one rule, has that name.
func (s *Set) LookupRule(nameOrID string) *Rule {
	key := strings.TrimSpace(nameOrID)
	if r := s.ruleByID(key); r != nil {
		return r
	}
	var found *Rule
	for _, r := range s.Rules() {
		if strings.EqualFold(r.Name, key) {
			if found != nil {
				return nil // two rules share the name: the caller asks for an id
			}
			found = r
		}
	}
	return found
}

// ruleByID returns the rule with the id written in any case, or nil.
func (s *Set) ruleByID(id string) *Rule { return s.byID[strings.ToUpper(id)] }

// DidYouMean returns ` Did you mean "TMC101"?` for the rules whose id or
// name is closest to nameOrID, or "" when none is close. Equally close
// rules are listed in id order, at most three.
func (s *Set) DidYouMean(nameOrID string) string {
	return suggestRules(nameOrID, s.Rules(), nil)
}

// didYouMean is DidYouMean for an id.
func (s *Set) didYouMean(id string) string { return s.DidYouMean(id) }

// maxIDDistance is the largest edit distance (after upper-casing) at which
// an id is suggested: "TMC1O1", "TMC10" and "TMC110" are 1 from TMC101.
const maxIDDistance = 2

// maxNameDistance is the largest edit distance at which a rule name is
// suggested: a quarter of its length, at least 1.
func maxNameDistance(name string) int { return max(1, len(name)/4) }

// maxSuggestions is how many equally close rules a suggestion names.
const maxSuggestions = 3

type suggestion struct {
	rule   *Rule
	dist   int
	byName bool // matched by its name: the suggestion shows it
}

// closestRules returns the rules of rs (those keep accepts; all when keep is
// nil) at the smallest edit distance from input, by id or by name, sorted
// by id. It does not depend on the order of rs.
func closestRules(input string, rs []*Rule, keep func(*Rule) bool) []suggestion {
	up, low := strings.ToUpper(strings.TrimSpace(input)), strings.ToLower(strings.TrimSpace(input))
	if up == "" {
		return nil
	}
	var best []suggestion
	for _, r := range rs {
		if keep != nil && !keep(r) {
			continue
		}
		c := suggestion{rule: r, dist: maxIDDistance + 1}
		if d := spec.EditDistance(up, r.ID); d <= maxIDDistance {
			c.dist = d
		}
		if r.Name != "" {
			if d := spec.EditDistance(low, r.Name); d <= maxNameDistance(r.Name) && d < c.dist {
				c.dist, c.byName = d, true
			}
		}
		switch {
		case c.dist > maxIDDistance && !c.byName:
			continue
		case len(best) == 0 || c.dist < best[0].dist:
			best = []suggestion{c}
		case c.dist == best[0].dist:
			best = append(best, c)
		}
	}
	slices.SortFunc(best, func(a, b suggestion) int { return strings.Compare(a.rule.ID, b.rule.ID) })
	return best
}

// suggestRules formats closestRules as ` Did you mean "A", "B" or "C"?`.
func suggestRules(input string, rs []*Rule, keep func(*Rule) bool) string {
	best := closestRules(input, rs, keep)
	if len(best) == 0 {
		return ""
	}
	// "(or 1 more)" would hide a name in the space it takes: show it.
	shown := maxSuggestions
	if len(best) == maxSuggestions+1 {
		shown++
	}
	var names []string
	for _, c := range best[:min(len(best), shown)] {
		n := fmt.Sprintf("%q", c.rule.ID)
		if c.byName {
			n += " (" + c.rule.Name + ")"
		}
		names = append(names, n)
	}
	var list string
	switch {
	case len(best) > shown:
		list = fmt.Sprintf("%s (or %d more)", strings.Join(names, ", "), len(best)-shown)
	case len(names) == 1:
		list = names[0]
	default:
		list = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	return " Did you mean " + list + "?"
}
