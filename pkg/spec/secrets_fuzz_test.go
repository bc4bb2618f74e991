package spec

import (
	"bytes"
	"testing"
)

// FuzzFindSecrets: on any bytes the credential scanners do not panic, and
// every match lies inside the input, in order, without overlap, and is a
// whole access key id or a run of 40 to 128 base64 characters (and up to
// two '=') assigned to a secret-like name.
func FuzzFindSecrets(f *testing.F) {
	for _, seed := range []string{
		"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
		"secret = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
		"token: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY==",
		"x AKIAIOSFODNN7EXAMPLE y",
		"<<EOT\npassword=" + string(bytes.Repeat([]byte("a"), 129)) + "\nEOT",
		"secret=\"'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\"",
		"aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nxid = \"abc\"\n",
		"secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY== \t\r\n",
		"token = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		prevEnd := map[string]int{}
		for _, m := range findSecrets(src, nil) {
			if m.start < 0 || m.end > len(src) || m.start >= m.end {
				t.Fatalf("match %v outside the input of %d bytes", m, len(src))
			}
			if m.start < prevEnd[m.kind] {
				t.Fatalf("match %v overlaps or precedes the previous %s", m, m.kind)
			}
			prevEnd[m.kind] = m.end
			text := src[m.start:m.end]
			switch m.kind {
			case "access_key_id":
				if !accessKeyAt(string(text), 0) || len(text) != accessKeyLen {
					t.Fatalf("%q is not an access key id", text)
				}
			case "secret_access_key":
				run := bytes.TrimRight(text, "=")
				if len(run) < 40 || len(run) > 128 || len(text)-len(run) > 2 {
					t.Fatalf("%q is not a 40 to 128 character run", text)
				}
				for _, c := range run {
					if !isBase64Byte(c) {
						t.Fatalf("%q holds %q", text, c)
					}
				}
			default:
				t.Fatalf("unknown kind %q", m.kind)
			}
		}
	})
}
