package spec

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSecretsScan(t *testing.T) {
	const (
		keyID  = "AKIAIOSFODNN7EXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	)
	dir := writeSpec(t, map[string]string{
		"main.hcl": `
bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
  tags = {
    key      = "` + keyID + `"
    not_key  = "XAKIAIOSFODNN7EXAMPLE"
    checksum = "0123456789012345678901234567890123456789"
  }
}
# temp creds: ASIAY34FZKBOKMUTVV7A
`,
		"vars.hcl": `variable "aws_secret_access_key" {
  type    = string
  default = "EqV8ib8HDy88YtDtXbiufMdI8X2Y4rUmer+BH3M1"
}
variable "checksum" {
  default = "0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T"
}
`,
		"creds.tfvars": `aws_secret_access_key = "` + secret + `"
`,
	})
	loaded, diags := Load(dir, Options{VarFiles: []string{dir + "/creds.tfvars"}})
	if diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagText(diags))
	}
	type hit struct {
		Kind, File string
		Line, Col  int
	}
	var got []hit
	for _, h := range loaded.Spec.Secrets {
		got = append(got, hit{h.Kind, strings.TrimPrefix(h.Range.Filename, dir+"/"), h.Range.Start.Line, h.Range.Start.Column})
	}
	want := []hit{
		{"access_key_id", "main.hcl", 6, 17},
		{"access_key_id", "main.hcl", 11, 15},
		{"secret_access_key", "vars.hcl", 3, 14},
		{"secret_access_key", "creds.tfvars", 1, 26},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(loaded.Spec.Secrets)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), keyID) || strings.Contains(string(b), secret) {
		t.Errorf("the secret text is kept in the model: %s", b)
	}
}

func TestMaskAccessKeys(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"address", "grant.AKIAIOSFODNN7EXAMPLE", "grant.********************"},
		{"temporary key", `trail "ASIAY34FZKBOKMUTVV7A" {`, `trail "********************" {`},
		{"two keys", "AKIAIOSFODNN7EXAMPLE,ASIAY34FZKBOKMUTVV7A", "********************,********************"},
		{"after an escape", `%0AAKIAIOSFODNN7EXAMPLE\nAKIAIOSFODNN7EXAMPLE`, `%0A********************\n********************`},
		{"end of text", "AKIAIOSFODNN7EXAMPLE", "********************"},
		{"one character longer", "AKIAIOSFODNN7EXAMPLE1", "AKIAIOSFODNN7EXAMPLE1"},
		{"lower case", "akiaiosfodnn7example", "akiaiosfodnn7example"},
		{"too short", "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPL"},
		{"other prefix", "AIDAIOSFODNN7EXAMPLE", "AIDAIOSFODNN7EXAMPLE"},
		{"no key", "bucket.data", "bucket.data"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskAccessKeys(tc.in); got != tc.want {
				t.Errorf("MaskAccessKeys(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Everything the TMC705 scanner reports as an access key id is masked.
func TestMaskAccessKeysCoversScanner(t *testing.T) {
	for _, s := range []string{
		`user "AKIAIOSFODNN7EXAMPLE" {`,
		"# temp creds: ASIAY34FZKBOKMUTVV7A\n",
		"key = \"AKIAZ7QXJ4TVW2LEAKED\" # and AKIAQ2W3E4R5T6Y7U8VF",
	} {
		masked := MaskAccessKeys(s)
		if len(masked) != len(s) {
			t.Errorf("MaskAccessKeys(%q) changed the length: %q", s, masked)
		}
		if m := accessKeyPattern.FindString(masked); m != "" || len(accessKeyPattern.FindAllString(s, -1)) == 0 {
			t.Errorf("MaskAccessKeys(%q) = %q: the scanner still finds %q (or found nothing to start with)", s, masked, m)
		}
	}
}

func TestMaskCredentials(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	for _, tc := range []struct{ name, in, want string }{
		{"secret in a message", "api error SignatureDoesNotMatch: key " + secret + " rejected",
			"api error SignatureDoesNotMatch: key " + strings.Repeat("*", 40) + " rejected"},
		{"secret after =", "SecretAccessKey=" + secret + "&x=1", "SecretAccessKey=" + strings.Repeat("*", 40) + "&x=1"},
		{"key id and secret", "AKIAIOSFODNN7EXAMPLE:" + secret, strings.Repeat("*", 20) + ":" + strings.Repeat("*", 40)},
		{"41 characters", secret + "A", secret + "A"},
		{"39 characters", secret[1:], secret[1:]},
		{"sha1 hex", "0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567"},
		{"only letters", "abcdefghijABCDEFGHIJabcdefghijABCDEFGHIJ", "abcdefghijABCDEFGHIJabcdefghijABCDEFGHIJ"},
		{"arn", "arn:aws:iam::111122223333:policy/teramot-s3-access", "arn:aws:iam::111122223333:policy/teramot-s3-access"},
		{"request id", "RequestID: 4442587FB7D0A2F9, HostID: abc", "RequestID: 4442587FB7D0A2F9, HostID: abc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskCredentials(tc.in); got != tc.want {
				t.Errorf("MaskCredentials(%q) =\n%q, want\n%q", tc.in, got, tc.want)
			}
		})
	}
}
