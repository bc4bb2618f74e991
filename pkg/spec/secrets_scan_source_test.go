package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMaskSource: the source fmt prints snippets from has the credentials
// Load finds and the defaults of sensitive variables masked in place,
// also when the file has a syntax error or breaks a limit; other text is
// kept byte for byte.
func TestMaskSource(t *testing.T) {
	const (
		keyID  = "AKIAIOSFODNN7EXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	)
	stars := func(s string) string { return strings.Repeat("*", len(s)) }
	tests := []struct {
		name, src, want string
	}{
		{"quoted secret with a syntax error after it",
			"aws_secret_access_key = \"" + secret + "\" x\n",
			"aws_secret_access_key = \"" + stars(secret) + "\" x\n"},
		{"unterminated secret",
			"aws_secret_access_key = \"" + secret + "\nxid = \"abc\"\n",
			"aws_secret_access_key = \"" + stars(secret) + "\nxid = \"abc\"\n"},
		{"key id anywhere",
			"owner = \"" + keyID + "\" ,\n",
			"owner = \"" + stars(keyID) + "\" ,\n"},
		{"default of a variable named like a secret",
			"variable \"aws_secret_access_key\" {\n  default = \"" + secret + "\"\n}\nx = ,\n",
			"variable \"aws_secret_access_key\" {\n  default = \"" + stars(secret) + "\"\n}\nx = ,\n"},
		{"default of a sensitive variable",
			"variable \"xid\" {\n  sensitive = true\n  default   = \"QzXSEKRET\"\n}\nbucket \"b\" {\n  name = ,\n}\n",
			"variable \"xid\" {\n  sensitive = true\n  default   = \"*********\"\n}\nbucket \"b\" {\n  name = ,\n}\n"},
		{"default of a variable that is not sensitive",
			"variable \"xid\" {\n  sensitive = false\n  default   = \"QzXSEKRET\"\n}\nx = ,\n",
			"variable \"xid\" {\n  sensitive = false\n  default   = \"QzXSEKRET\"\n}\nx = ,\n"},
		{"nothing to mask", "bucket \"b\" {\n  name = \"x\"\n", "bucket \"b\" {\n  name = \"x\"\n"},
		{"too deep to parse: keys still masked",
			"password = \"" + secret + "\"\nx = " + strings.Repeat("[", MaxNestingDepth+1) + "\n",
			"password = \"" + stars(secret) + "\"\nx = " + strings.Repeat("[", MaxNestingDepth+1) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			got := MaskSource("f.hcl", src)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("MaskSource (-want +got):\n%s", diff)
			}
			if string(src) != tt.src {
				t.Errorf("MaskSource changed its input: %q", src)
			}
		})
	}
}
