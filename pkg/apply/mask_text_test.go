package apply

import "testing"

func TestMaskText(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		secrets []string
		want    string
	}{
		{"whole text", "abc", []string{"abc"}, Redacted},
		{"inside text", "bucket acme-secret-data: denied", []string{"acme-secret-data"}, "bucket " + Redacted + ": denied"},
		{"longest first", "user u-kqwsecret", []string{"kqwsecret", "u-kqwsecret"}, "user " + Redacted},
		{"short secret inside text is left", "retain 30 days", []string{"30"}, "retain 30 days"},
		{"escaped by %q", `condition "a\"b-secret"`, []string{`a"b-secret`}, `condition "` + Redacted + `"`},
		{"backslash escaped", `value "c:\\secret-path"`, []string{`c:\secret-path`}, `value "` + Redacted + `"`},
		{"JSON escaped", `{"v":"x\u003csecret-tag"}`, []string{"x<secret-tag"}, `{"v":"` + Redacted + `"}`},
		{"no secrets", "nothing here", nil, "nothing here"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := maskText(tc.text, tc.secrets); got != tc.want {
				t.Errorf("maskText(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
