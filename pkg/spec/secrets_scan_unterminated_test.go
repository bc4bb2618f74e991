package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFindSecretsUnterminated: a secret key whose quote is not closed by
// the end of its line (the syntax error that prints the line in a snippet)
// is found like a quoted one; a run followed by more text on its line is
// not.
func TestFindSecretsUnterminated(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	at := func(src string) [2]int {
		i := strings.Index(src, secret)
		return [2]int{i, i + len(secret)}
	}
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"closed", "aws_secret_access_key = \"" + secret + "\"\n", true},
		{"line break", "aws_secret_access_key = \"" + secret + "\nxid = \"abc\"\n", true},
		{"end of file", "aws_secret_access_key = \"" + secret, true},
		{"single quote", "secret: '" + secret + "\n", true},
		{"blanks then CRLF", "token = \"" + secret + " \t\r\n", true},
		{"padding", "password = \"" + secret + "==\n", true},
		{"text after", "password = \"" + secret + " x\n", false},
		{"no secret name", "note = \"" + secret + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []secretMatch
			if tt.want {
				r := at(tt.src)
				if strings.Contains(tt.name, "padding") {
					r[1] += 2
				}
				want = []secretMatch{{"secret_access_key", r[0], r[1]}}
			}
			got := findSecrets([]byte(tt.src), nil)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(secretMatch{})); diff != "" {
				t.Errorf("findSecrets(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestUnterminatedSecretMasked: the key of a spec file whose syntax error
// is its missing closing quote is masked in the bytes the snippet is
// printed from, and is a TMC705 hit.
func TestUnterminatedSecretMasked(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	dir := writeSpec(t, map[string]string{
		"main.hcl": "bucket \"data\" {\n  name   = \"acme-shared-data\"\n  region = \"us-east-1\"\n}\n" +
			"locals {\n  aws_secret_access_key = \"" + secret + "\n}\n",
	})
	loaded, diags := Load(dir, Options{})
	if !diags.HasErrors() {
		t.Fatal("want a syntax error")
	}
	shown := false
	for _, d := range diags {
		if d.Subject == nil || loaded.Files[d.Subject.Filename] == nil {
			continue
		}
		shown = true
		if b := loaded.Files[d.Subject.Filename].Bytes; strings.Contains(string(b), secret) {
			t.Errorf("%s, which the snippet is printed from, holds the key:\n%s", d.Subject.Filename, b)
		}
	}
	if !shown {
		t.Errorf("no diagnostic with a snippet: %s", diagText(diags))
	}
}
