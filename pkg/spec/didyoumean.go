package spec

import (
	"fmt"
	"strings"
)

// didYouMean returns ` Did you mean "x"?` for the option closest to given,
// or "".
func didYouMean(given string, options []string) string {
	if s := Suggest(given, options); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}

// didYouMeanFold is didYouMean for a value that may be sensitive, which
// gets no suggestion (it would tell what the value is close to). Case is
// folded by Suggest either way.
func didYouMeanFold(given string, options []string, sensitive bool) string {
	if sensitive {
		return ""
	}
	return didYouMean(given, options)
}

// maxSuggestDistance is the largest EditDistance at which Suggest offers a
// candidate.
const maxSuggestDistance = 3

// Suggest returns the candidate that given most likely misspells, or "".
// Every "Did you mean" of teramotc but rule ids (which may name several
// rules) comes from it: values in specs and configuration, commands, flags,
// formats, suppression markers.
//
//   - none when given is a candidate;
//   - a candidate equal to given but for case always wins ("Root" -> "root"),
//     the smallest in sorted order when several do;
//   - otherwise a candidate's score is its EditDistance from given, case
//     ignored (a swap of adjacent characters is one edit: "fromat" is 1
//     from "format"), less one when it holds given's letters in order, or
//     given holds its letters in order (a word left out or added:
//     "aws-gov" -> "aws-us-gov");
//   - a candidate qualifies within 3 edits, if that is fewer edits than
//     given has characters ("x" suggests no one-letter flag) and its score
//     is at most 2, or a third of given's length when that is more
//     ("bogus" is three edits from "out", too far for a five-letter word);
//   - ties go to the smaller distance, then to the first candidate in sorted
//     order, so the answer never depends on the order of candidates.
func Suggest(given string, candidates []string) string {
	best, bestScore, bestDist := "", maxSuggestDistance+1, 0
	sameCase := "" // the smallest candidate equal to given but for case
	lower := strings.ToLower(given)
	n := len([]rune(given))
	limit, scoreLimit := min(maxSuggestDistance, n-1), max(2, n/3)
	for _, c := range candidates {
		if c == given {
			return "" // given is valid
		}
		lc := strings.ToLower(c)
		if lc == lower {
			if sameCase == "" || c < sameCase {
				sameCase = c
			}
			continue
		}
		d := EditDistance(lower, lc)
		if d == 0 || d > limit {
			continue
		}
		score := d
		if isSubsequence(lower, lc) || isSubsequence(lc, lower) {
			score--
		}
		if score > scoreLimit {
			continue
		}
		if score < bestScore || score == bestScore && (d < bestDist || d == bestDist && c < best) {
			best, bestScore, bestDist = c, score, d
		}
	}
	if sameCase != "" {
		return sameCase
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

// EditDistance is the optimal string alignment distance of a and b: the
// number of rune insertions, deletions, substitutions and swaps of adjacent
// runes ("TMC110" for TMC101 is one edit) that turn a into b. It is case
// sensitive.
func EditDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// rows i-2, i-1 and i of the distance matrix
	prev2, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
