package cli

import (
	"regexp"
	"slices"
	"testing"
)

// TestHelpListsEveryFlag fails when a command accepts a flag its -help
// text does not name: docs/cli.md's command reference is generated from
// these texts, so a flag missing here is missing for users everywhere.
func TestHelpListsEveryFlag(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			usage := commands[name].Usage
			for _, f := range commandFlags(name) {
				if f.Name == "help" || f.Name == "h" {
					continue // the flag package's own, named by every usage line
				}
				if (f.Name == "no-color" || f.Name == "color") && (name == "version" || name == "completion") {
					continue // accepted everywhere; these two never print colour
				}
				named := regexp.MustCompile(`(^|[\s,(])-` + regexp.QuoteMeta(f.Name) + `($|[\s=,)\[])`)
				if !named.MatchString(usage) {
					t.Errorf("teramotc %s accepts -%s but its help does not list it", name, f.Name)
				}
			}
		})
	}
}
