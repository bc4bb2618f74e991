package view

import (
	"strings"
	"unicode"
)

// ghCommandGuard is what a printed line gets in front of it when it would
// otherwise read as a GitHub Actions workflow command.
const ghCommandGuard = "> "

// neutralizeCommand returns line with ghCommandGuard in front when a GitHub
// runner would run it as a workflow command (`::error file=...::`,
// `::add-mask::`, `::stop-commands::`): the runner does so with every
// output line that starts with "::" once leading white space is trimmed,
// so indenting the line is not enough. Text quoted from a spec (a
// validation error_message, a label, a custom rule's message) reaches the
// text formats, which CI logs show.
func neutralizeCommand(line string) string {
	trimmed := strings.TrimLeftFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	if strings.HasPrefix(trimmed, "::") {
		return ghCommandGuard + line
	}
	return line
}

// neutralizeCommands applies neutralizeCommand to every line of s.
func neutralizeCommands(s string) string {
	if !strings.Contains(s, "::") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = neutralizeCommand(l)
	}
	return strings.Join(lines, "\n")
}
