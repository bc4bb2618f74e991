package rules

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadBuiltin(t *testing.T) *Set {
	t.Helper()
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestDidYouMean(t *testing.T) {
	set := loadBuiltin(t)
	tests := []struct {
		name, in, want string
	}{
		{"letter O for zero", "TMC1O1", ` Did you mean "TMC101"?`},
		{"letter O in TMC4O1", "TMC4O1", ` Did you mean "TMC401"?`},
		{"lower case", "tmc101", ` Did you mean "TMC101"?`},
		{"swapped digits", "TMC110", ` Did you mean "TMC101" or "TMC510"?`},
		{"prefix of seven ids", "TMC10", ` Did you mean "TMC101", "TMC102", "TMC103" (or 6 more)?`},
		{"two ties", "TMC90", ` Did you mean "TMC901", "TMC902" or "TMC903"?`},
		{"rule name", "public-access-block", ` Did you mean "TMC101" (public-access-block)?`},
		{"misspelt rule name", "Public-Acces-Block", ` Did you mean "TMC101" (public-access-block)?`},
		{"nothing close", "versioning-everywhere", ""},
		{"far id", "ACME999", ""},
		{"empty", " ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := set.DidYouMean(tc.in); got != tc.want {
				t.Errorf("DidYouMean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Four close candidates are all named: "(or 1 more)" would hide a name in
// the space it takes. Five or more are cut to three.
func TestDidYouMeanFourShown(t *testing.T) {
	var rs []*Rule
	for _, id := range []string{"TMC801", "TMC802", "TMC803", "TMC804", "TMC101"} {
		rs = append(rs, &Rule{ID: id, Name: "rule-" + strings.ToLower(id)})
	}
	want := ` Did you mean "TMC801", "TMC802", "TMC803" or "TMC804"?`
	if got := suggestRules("TMC80", rs, nil); got != want {
		t.Errorf("four candidates: %q, want %q", got, want)
	}
	rs = append(rs, &Rule{ID: "TMC805", Name: "rule-tmc805"})
	want = ` Did you mean "TMC801", "TMC802", "TMC803" (or 2 more)?`
	if got := suggestRules("TMC80", rs, nil); got != want {
		t.Errorf("five candidates: %q, want %q", got, want)
	}
}

// TestDidYouMeanDeterministic gives the candidates in many orders: the
// suggestion must not depend on it (it once came from a map's iteration).
func TestDidYouMeanDeterministic(t *testing.T) {
	rs := loadBuiltin(t).Rules()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, in := range []string{"TMC10", "TMC110", "TMC5O1", "TMC20", "tmc90"} {
		want := suggestRules(in, rs, nil)
		if want == "" {
			t.Fatalf("%s: no suggestion", in)
		}
		for range 200 {
			shuffled := slices.Clone(rs)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := suggestRules(in, shuffled, nil); got != want {
				t.Fatalf("%s: suggestion %q, then %q with the rules in another order", in, want, got)
			}
		}
	}
}

func TestLookupRule(t *testing.T) {
	set := loadBuiltin(t)
	tests := []struct{ in, want string }{
		{"TMC101", "TMC101"},
		{"tmc101", "TMC101"},
		{" Tmc401 ", "TMC401"},
		{"public-access-block", "TMC101"},
		{"PUBLIC-ACCESS-BLOCK", "TMC101"},
		{"suppression-unused", "TMC903"},
		{"TMC1O1", ""},
		{"public-access", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := ""
			if r := set.LookupRule(tc.in); r != nil {
				got = r.ID
			}
			if got != tc.want {
				t.Errorf("LookupRule(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// Rule stays exact: callers that key maps by id rely on it.
	if set.Rule("tmc101") != nil {
		t.Error(`Rule("tmc101") found a rule; only LookupRule folds case`)
	}
}

func TestLookupRuleSharedName(t *testing.T) {
	a, b := &Rule{ID: "ACME001", Name: "same"}, &Rule{ID: "ACME002", Name: "same"}
	set := newSetOf([]*Rule{a, b}, map[string]*Rule{a.ID: a, b.ID: b})
	if r := set.LookupRule("same"); r != nil {
		t.Errorf("LookupRule of a shared name = %s, want nil", r.ID)
	}
	if got, want := set.DidYouMean("same"), ` Did you mean "ACME001" (same) or "ACME002" (same)?`; got != want {
		t.Errorf("DidYouMean = %q, want %q", got, want)
	}
}

func TestCheckRuleIDs(t *testing.T) {
	set := loadBuiltin(t)
	tests := []struct {
		name string
		opts LintOptions
		want []string // details, in order
	}{
		{"lower-case ids accepted", LintOptions{Only: []string{"tmc101"}, Enable: []string{"Tmc401"}, Disable: []string{"tmc303"}}, nil},
		{"hard rule named upper case", LintOptions{Disable: []string{"tmc701"}}, []string{"TMC701 is a hard rule: AWS rejects such a spec, so it cannot be disabled."}},
		{"several close ids", LintOptions{Only: []string{"TMC10"}}, []string{`--only TMC10: no rule has this id. Did you mean "TMC101", "TMC102", "TMC103" (or 6 more)? Run "teramotc rules" for the list.`}},
		{"rule name", LintOptions{Disable: []string{"versioning"}}, []string{`--disable-rule versioning: no rule has this id. Did you mean "TMC301" (versioning)? Run "teramotc rules" for the list.`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range set.CheckRuleIDs(tc.opts) {
				got = append(got, d.Detail)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("details (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSelectionFoldsCase(t *testing.T) {
	set := loadBuiltin(t)
	sel := set.selection(nil, LintOptions{Only: []string{"tmc101", "Tmc303"}, Disable: []string{"tmc303"}})
	var got []string
	for _, r := range sel.enabledRules() {
		if !slices.Contains(MetaRules(), r) && !r.Hard {
			got = append(got, r.ID)
		}
	}
	if diff := cmp.Diff([]string{"TMC101"}, got); diff != "" {
		t.Errorf("enabled soft rules (-want +got):\n%s", diff)
	}
}

// TestSuppressionMarkers: a comment that starts with "teramotc" and a word
// close to a directive, or "teramotc:" and any word, is a suppression;
// prose that mentions teramotc is not.
func TestSuppressionMarkers(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"ignore", "teramotc:ignore TMC101 -- ok", true},
		{"ignore-file", "teramotc:ignore-file TMC101 -- ok", true},
		{"misspelt", "teramotc:ignre TMC303 -- x", true},
		{"misspelt file form", "teramotc:ignore-fiel TMC303 -- ok", true},
		{"unknown directive", "teramotc:nolint TMC303 -- x", true},
		{"capitals", "TeraMotc:Ignore TMC303 -- x", true},
		{"dash", "teramotc-ignore TMC303 -- x", true},
		{"space", "teramotc ignore TMC303 -- x", true},
		{"space after colon", "teramotc: ignre TMC303 -- x", true},
		{"prose after colon", "teramotc: see the README for the rules", false},
		{"prose", "teramotc lint runs in CI", false},
		// "none" is three unrelated edits from "ignore": too far for a
		// four-letter word (spec.Suggest).
		{"prose three edits from a directive", "teramotc none of these rules apply here", false},
		{"two edits", "teramotc ignr TMC303 -- x", true},
		{"longer word starting with a directive", "teramotc ignoreall TMC303 -- x", true},
		{"bare name", "teramotc", false},
		{"other tool", "tflint-ignore: aws_s3_bucket", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isSuppression(tc.text); got != tc.want {
				t.Errorf("isSuppression(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestSuppressionTypos checks the whole TMC901 message of misspelt markers
// and ids against the built-in rules.
func TestSuppressionTypos(t *testing.T) {
	set := loadBuiltin(t)
	tests := []struct {
		name, text, want string
	}{
		{"misspelt marker", "teramotc:ignre TMC303 -- x", `"teramotc:ignre" is not a suppression marker. Did you mean "teramotc:ignore"?`},
		{"capitalised marker", "TeraMotc:Ignore TMC303 -- x", `"TeraMotc:Ignore" is not a suppression marker. Did you mean "teramotc:ignore"?`},
		{"misspelt file marker", "teramotc:ignore-fle TMC304 -- ok", `"teramotc:ignore-fle" is not a suppression marker. Did you mean "teramotc:ignore-file"?`},
		{"underscore file marker", "teramotc:ignore_file TMC304 -- ok", `"teramotc:ignore_file" is not a suppression marker. Did you mean "teramotc:ignore-file"?`},
		{"space after colon", "teramotc: ignore TMC304 -- x", `"teramotc: ignore" is not a suppression marker. Did you mean "teramotc:ignore"?`},
		{"unknown directive", "teramotc:nolint TMC303 -- x", `"teramotc:nolint" is not a suppression marker; write "teramotc:ignore" or "teramotc:ignore-file"`},
		{"letter O in id", "teramotc:ignore TMC4O1 -- ok", `no rule has the id TMC4O1. Did you mean "TMC401"?`},
		{"no close id", "teramotc:ignore TMC999 -- ok", "no rule has the id TMC999"},
		{"only suppressible ids suggested", "teramotc:ignore TMC70 -- ok", `no rule has the id TMC70. Did you mean "TMC702" or "TMC705"?`},
		{"rule name", "teramotc:ignore versioning -- ok", `no rule has the id versioning. Did you mean "TMC301" (versioning)?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, got := parseDirective(tc.text, set)
			if d != nil || got != tc.want {
				t.Errorf("parseDirective(%q) = %v, %q; want the error %q", tc.text, d, got, tc.want)
			}
		})
	}
	d, msg := parseDirective("teramotc:ignore tmc401 -- ok", set)
	if msg != "" || d.ids[0] != "TMC401" {
		t.Errorf("lower-case id: %q, %v", msg, d)
	}
}

func TestCustomRuleLink(t *testing.T) {
	dir := t.TempDir()
	rule := func(id, pkg, related string) string {
		return "# METADATA\n# title: " + id + "\n" + related + "# custom:\n#   id: " + id + "\n#   severity: warning\n" +
			"package teramotc.rules." + pkg + "\n\ndeny contains {\"msg\": \"x\"} if false\n"
	}
	files := map[string]string{
		"linked.rego": rule("ORG001", "linked", "# related_resources:\n#   - ref: https://wiki.example.com/s3/org001\n"),
		"bare.rego":   rule("ORG002", "bare", ""),
		"mailto.rego": rule("ORG003", "mailto", "# related_resources:\n#   - ref: mailto:security@example.com\n"),
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	set, err := Load(context.Background(), Options{PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ORG001": "https://wiki.example.com/s3/org001",
		"ORG002": "",
		"ORG003": "",
		"TMC101": DocsURL + "tmc101",
		"TMC901": DocsURL + "tmc901",
	}
	for id, link := range want {
		if r := set.Rule(id); r == nil || r.Link != link {
			t.Errorf("%s: rule %+v, want link %q", id, r, link)
		}
	}
	for _, r := range set.Rules() {
		if r.Custom == strings.HasPrefix(r.Link, DocsURL) {
			t.Errorf("%s (custom %v) links to %q", r.ID, r.Custom, r.Link)
		}
	}
}
