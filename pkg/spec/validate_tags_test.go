package spec

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestTagCharsDetail: the TMC703 detail names each character tags do not
// accept once, and none of a sensitive value.
func TestTagCharsDetail(t *testing.T) {
	const rule = "Tag keys and values use only letters, digits, spaces and _ . : / = + - @; "
	for _, tc := range []struct {
		name, s   string
		sensitive bool
		want      string
	}{
		{"one", "a,b", false, rule + "the key has ','. Replace it."},
		{"several, repeated", "x!y!\n#", false, rule + "the key has '!', '\\n' and '#'. Replace them."},
		{"sensitive", "se!cret", true, rule + "the key has other characters. Replace them."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tagCharsDetail("the key", tc.s, tc.sensitive); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	for _, ok := range []string{"", "team:name", "a_b.c:d/e=f+g-h@i j", "équipe données 数据 ٣"} {
		if !tagCharsRe.MatchString(ok) {
			t.Errorf("%q is refused", ok)
		}
	}
	for _, bad := range []string{"a,b", "x!y", "a\nb", "#1", "tab\there", "50%", "a*", "<b>"} {
		if tagCharsRe.MatchString(bad) {
			t.Errorf("%q is accepted", bad)
		}
	}
}

// loadTagText loads a spec that uses tags to carry text tags do not
// accept (line breaks, JSON) for tests of evaluation: TMC703's character
// errors are expected there; any other error fails the test.
func loadTagText(t *testing.T, path string, opts Options) *Spec {
	t.Helper()
	loaded, diags := Load(path, opts)
	var other hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError && (RuleID(d) != "TMC703" || !strings.HasPrefix(d.Detail, "Tag keys and values use only")) {
			other = append(other, d)
		}
	}
	if len(other) > 0 || loaded.Spec == nil {
		t.Fatalf("Load: unexpected errors:\n%s", diagText(other))
	}
	return loaded.Spec
}
