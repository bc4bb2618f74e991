package spec

import (
	"fmt"

	"github.com/agext/levenshtein"
)

// didYouMean returns ` Did you mean "x"?` for the closest of options within
// edit distance 3 of given, or "".
func didYouMean(given string, options []string) string {
	if s := suggest(given, options); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}

func suggest(given string, options []string) string {
	best, bestDist := "", 4
	for _, o := range options {
		if d := levenshtein.Distance(given, o, nil); d < bestDist {
			best, bestDist = o, d
		}
	}
	return best
}
