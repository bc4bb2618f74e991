package spec

import (
	"embed"
	"path"
	"sort"
	"strings"
	"sync"
)

// The action lists are generated from the lint rules' data module, so that
// validate and lint (TMC504) know the same actions.
//go:generate go run ./internal/genactions ../rules/policies/lib/actions.rego actions

//go:embed actions/*.txt
var actionFiles embed.FS

// actionTables are the known actions: byService maps a lower-case service
// prefix to its actions, lower holds the same lists in lower case, and
// byLower maps a lower-case action to its canonical spelling. They are built
// on first use, not when the program starts.
type actionTables struct {
	byService, lower map[string][]string
	byLower          map[string]string
}

var actions = sync.OnceValue(loadActions)

func loadActions() *actionTables {
	t := &actionTables{byService: map[string][]string{}, lower: map[string][]string{}, byLower: map[string]string{}}
	entries, _ := actionFiles.ReadDir("actions")
	for _, e := range entries {
		data, _ := actionFiles.ReadFile(path.Join("actions", e.Name()))
		svc := strings.TrimSuffix(e.Name(), ".txt")
		var list []string
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				list = append(list, svc+":"+line)
			}
		}
		sort.Strings(list)
		t.byService[svc] = list
		for _, a := range list {
			la := strings.ToLower(a)
			t.lower[svc] = append(t.lower[svc], la)
			t.byLower[la] = a
		}
	}
	return t
}

// ActionServices lists the service prefixes whose actions teramotc knows.
func ActionServices() []string { return keys(actions().byService) }

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
	lp := strings.ToLower(pattern)
	t := actions()
	for _, s := range services {
		list, ok := t.lower[s]
		if !ok {
			return nil, false
		}
		known = true
		if !strings.ContainsAny(lp, "*?") {
			if a, found := t.byLower[lp]; found {
				matches = append(matches, a)
			}
			continue
		}
		for i, a := range list {
			if wildcardMatch(lp, a) {
				matches = append(matches, t.byService[s][i])
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
