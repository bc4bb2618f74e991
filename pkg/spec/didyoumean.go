package spec

import (
	"fmt"
	"strings"

	"github.com/agext/levenshtein"
)

// didYouMean returns ` Did you mean "x"?` for the option closest to given,
// or "".
func didYouMean(given string, options []string) string {
	if s := suggest(given, options); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}

// suggest returns the option that given most likely misspells, or "":
//
//   - none when given is an option;
//   - an option equal to given but for case always wins ("Root" -> "root");
//   - otherwise options within edit distance 3 qualify, and one that holds
//     given's letters in order, or whose letters given holds in order (a
//     word left out or added: "aws-gov" -> "aws-us-gov"), counts one edit
//     closer than its distance;
//   - ties go to the smaller distance, then to the first option in sorted
//     order, so the answer never depends on the order of options.
func suggest(given string, options []string) string {
	best, bestScore, bestDist := "", 4, 0
	lower := strings.ToLower(given)
	for _, o := range options {
		if o == given {
			return "" // given is valid
		}
		lo := strings.ToLower(o)
		if lo == lower {
			return o
		}
		d := levenshtein.Distance(lower, lo, nil)
		if d == 0 || d > 3 {
			continue
		}
		score := d
		if isSubsequence(lower, lo) || isSubsequence(lo, lower) {
			score--
		}
		if score < bestScore || score == bestScore && (d < bestDist || d == bestDist && o < best) {
			best, bestScore, bestDist = o, score, d
		}
	}
	return best
}

// isSubsequence reports whether the bytes of s occur in t in order.
func isSubsequence(s, t string) bool {
	i := 0
	for j := 0; i < len(s) && j < len(t); j++ {
		if s[i] == t[j] {
			i++
		}
	}
	return i == len(s)
}
