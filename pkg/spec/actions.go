package spec

import (
	"embed"
	"path"
	"sort"
	"strings"
)

//go:embed actions/*.txt
var actionFiles embed.FS

// actionsByService maps a lower-case service prefix to its actions.
var actionsByService = loadActions()

func loadActions() map[string][]string {
	out := map[string][]string{}
	entries, _ := actionFiles.ReadDir("actions")
	for _, e := range entries {
		data, _ := actionFiles.ReadFile(path.Join("actions", e.Name()))
		svc := strings.TrimSuffix(e.Name(), ".txt")
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				out[svc] = append(out[svc], svc+":"+line)
			}
		}
		sort.Strings(out[svc])
	}
	return out
}

// ActionServices lists the service prefixes whose actions teramotc knows.
func ActionServices() []string { return keys(actionsByService) }

// MatchActions returns the known actions matched by an IAM action pattern
// ("s3:GetObject", "s3:Get*", "s3:*", "*"), case-insensitively, and whether
// the pattern's service is one teramotc knows ("*" matches every service).
func MatchActions(pattern string) (matches []string, known bool) {
	svc, _, found := strings.Cut(pattern, ":")
	services := []string{strings.ToLower(svc)}
	if pattern == "*" {
		services, found = ActionServices(), true
	}
	if !found {
		return nil, false
	}
	for _, s := range services {
		list, ok := actionsByService[s]
		if !ok {
			return nil, false
		}
		known = true
		for _, a := range list {
			if wildcardMatch(strings.ToLower(pattern), strings.ToLower(a)) {
				matches = append(matches, a)
			}
		}
	}
	return matches, known
}

// wildcardMatch matches s against a pattern where * is any run of
// characters and ? any one character.
func wildcardMatch(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
