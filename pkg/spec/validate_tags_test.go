package spec

import "testing"

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
