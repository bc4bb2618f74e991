package render

import (
	"strconv"
	"strings"
)

// maxSidWord bounds the part of a Sid taken from a source's label.
const maxSidWord = 63

// sourceSids names the statements that base generates for each of sources
// (the block labels of the source buckets or trails, never a bucket name,
// which may be sensitive), in their order. A single source keeps the plain
// Sid, as teramotc always rendered it. With several, each Sid is base
// followed by its source's label in letters and digits (partner_share:
// AllowAccessLogDeliveryPartnerShare), so adding or
// removing a source never renames the statement of another one, which a
// plan would show as a removal. Two names that read the same once
// shortened to letters and digits get 2, 3, ... in the order given.
func sourceSids(base string, sources []string) []string {
	if len(sources) == 1 {
		return []string{base}
	}
	sids := make([]string, len(sources))
	seen := map[string]bool{}
	for i, src := range sources {
		sid := base + sidWord(src)
		for n := 2; seen[sid]; n++ {
			sid = base + sidWord(src) + strconv.Itoa(n)
		}
		seen[sid] = true
		sids[i] = sid
	}
	return sids
}

// sidWord spells name in the characters IAM accepts in a Sid: its runs of
// ASCII letters and digits, each starting upper-case (my-logs.v2:
// MyLogsV2), at most maxSidWord of them.
func sidWord(name string) string {
	var b strings.Builder
	upper := true
	for _, c := range name {
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum {
			upper = true
			continue
		}
		if upper && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		upper = false
		b.WriteRune(c)
		if b.Len() == maxSidWord {
			break
		}
	}
	return b.String()
}
