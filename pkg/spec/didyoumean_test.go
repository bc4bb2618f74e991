package spec

import "testing"

// TestSuggest pins the choice of every "Did you mean" suggestion: those of
// the spec, and those of the CLI and the lint configuration that use it.
func TestSuggest(t *testing.T) {
	commands := []string{"fmt", "inspect", "render", "validate", "version"}
	flags := []string{"chdir", "f", "format", "no-color", "o", "out", "var", "var-file"}
	severities := []string{"error", "warning", "notice"}
	tests := []struct {
		name       string
		given      string
		candidates []string
		want       string
	}{
		// spec values
		{"word left out", "aws-gov", []string{"aws", "aws-cn", "aws-us-gov"}, "aws-us-gov"},
		{"word left out, other order", "aws-gov", []string{"aws-us-gov", "aws-cn", "aws"}, "aws-us-gov"},
		{"case only", "Root", []string{"root"}, "root"},
		{"case beats a closer spelling", "ROOT", []string{"roo", "root"}, "root"},
		{"case only, several: the smallest", "Root", []string{"ROOT", "root"}, "ROOT"},
		{"case only, several, other order", "Root", []string{"root", "ROOT"}, "ROOT"},
		{"case only after the given value", "Root", []string{"ROOT", "Root"}, ""},
		{"missing last letter", "strin", []string{"string", "number", "bool"}, "string"},
		{"transposition", "nmae", []string{"arn", "label", "name", "region"}, "name"},
		{"valid value suggests nothing", "name", []string{"name", "nam"}, ""},
		{"nothing close", "completely", []string{"read", "write"}, ""},
		{"letters in order win a tie", "rad", []string{"read", "rap"}, "read"},
		{"tie goes to the first sorted", "ab", []string{"ac", "ad"}, "ac"},
		{"tie ignores candidate order", "ab", []string{"ad", "ac"}, "ac"},
		// A swap is one edit (it was two for the spec and the CLI, one
		// for rule ids): the swap beats a two-letter insertion.
		{"swap beats an insertion", "ab", []string{"abcd", "ba"}, "ba"},
		{"three edits with letters in order", "insp", commands, "inspect"},
		{"four edits", "inspe", []string{"inspectors"}, ""},
		{"three unrelated edits in a short word", "bogus", []string{"out"}, ""},
		{"three unrelated edits in a nine-letter word", "abcdefxyz", []string{"abcdefghi"}, "abcdefghi"},
		{"empty suggests nothing", "", []string{"aws", "a"}, ""},
		{"no candidates", "x", nil, ""},

		// commands, formats, flags and shells (internal/cli)
		{"command missing letter", "valdate", commands, "validate"},
		{"command far", "frobnica", commands, ""},
		{"one letter suggests no command", "x", commands, ""},
		{"format swap", "terrafrom", []string{"documents", "cloudformation", "terraform", "aws-cli"}, "terraform"},
		{"format missing letter", "jsn", []string{"text", "json"}, "json"},
		{"format case", "JSON", []string{"text", "json"}, "json"},
		{"format unrelated", "sarif", []string{"text", "json"}, ""},
		{"rule id case", "tmc70", []string{"TMC701", "TMC805"}, "TMC701"},
		{"shell", "bsh", []string{"bash", "zsh", "fish"}, "bash"},
		{"flag missing letter", "chdr", flags, "chdir"},
		{"flag swap", "fromat", flags, "format"},
		{"flag prefix", "no-col", flags, "no-color"},
		{"flag extra letter", "ot", flags, "o"},
		{"one letter suggests no one-letter flag", "x", flags, ""},
		{"flag far", "bogus", flags, ""},
		{"long prefix is too far", "allow", []string{"allow-network-builtins"}, ""},
		{"subcommand swap", "tset", []string{"test"}, "test"},

		// lint configuration and suppression markers (pkg/rules)
		{"severity typo", "eror", severities, "error"},
		{"severity abbreviated", "warn", severities, "warning"},
		{"severity capitals", "Error", severities, "error"},
		{"address missing letter", "bucket.log", []string{"bucket.data", "bucket.logs"}, "bucket.logs"},
		{"address case", "bucket.Data", []string{"bucket.data", "bucket.logs"}, "bucket.data"},
		{"address swap and missing letter", "bucket.lgo", []string{"bucket.data", "bucket.logs"}, "bucket.logs"},
		{"address far", "bucket.nothing", []string{"bucket.data", "bucket.logs"}, ""},
		{"directive typo", "ignre", []string{"ignore", "ignore-file"}, "ignore"},
		{"file directive typo", "ignore-fiel", []string{"ignore", "ignore-file"}, "ignore-file"},
		{"directive underscore", "ignore_file", []string{"ignore", "ignore-file"}, "ignore-file"},
		{"not a directive", "nolint", []string{"ignore", "ignore-file"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Suggest(tc.given, tc.candidates); got != tc.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", tc.given, tc.candidates, got, tc.want)
			}
		})
	}
}

func TestDidYouMeanFold(t *testing.T) {
	if got, want := didYouMeanFold("Root", []string{"root"}, false), ` Did you mean "root"?`; got != want {
		t.Errorf("didYouMeanFold = %q, want %q", got, want)
	}
	if got := didYouMeanFold("Root", []string{"root"}, true); got != "" {
		t.Errorf("didYouMeanFold of a sensitive value = %q, want no suggestion", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both empty", "", "", 0},
		{"equal", "TMC101", "TMC101", 0},
		{"from empty", "", "ignore", 6},
		{"substitution", "TMC1O1", "TMC101", 1},
		{"swap", "TMC110", "TMC101", 1},
		{"deletion", "TMC10", "TMC101", 1},
		{"insertion", "ignre", "ignore", 1},
		{"underscore for dash", "ignore_file", "ignore-file", 1},
		{"two-letter swap", "ab", "ba", 1},
		{"no edit of a swapped pair", "ca", "abc", 3},
		{"classic", "kitten", "sitting", 3},
		{"runes, not bytes", "é1", "1é", 1},
		{"case sensitive", "Json", "json", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := EditDistance(tc.a, tc.b); got != tc.want {
				t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
			if got := EditDistance(tc.b, tc.a); got != tc.want {
				t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
			}
		})
	}
}
