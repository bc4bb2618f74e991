package render

import (
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestZeroValueDefaults: Render given a model whose partition and
// encryption algorithm were never set (a hand-built model, not one from
// spec.Load) renders the defaults, aws ARNs and AES256 (in the encryption
// configuration and the deny of unencrypted uploads), instead of empty
// strings.
func TestZeroValueDefaults(t *testing.T) {
	s := minimalModel()
	s.AWS.Partition = spec.Attr[string]{}
	s.Buckets[0].Encryption.Algorithm = spec.Attr[string]{}
	out, diags := Render(s)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[Kind][]string{
		KindEncryption: {`"SSEAlgorithm": "AES256"`},
		KindBucketPolicy: {
			`"arn:aws:s3:::teramot-minimal-example/*"`,
			`"s3:x-amz-server-side-encryption": "AES256"`,
		},
	}
	for _, d := range out.Documents {
		if ws, ok := want[d.Kind]; ok {
			got := string(Marshal(d))
			for _, w := range ws {
				if !strings.Contains(got, w) {
					t.Errorf("%s does not hold %s:\n%s", d.Path, w, got)
				}
			}
			delete(want, d.Kind)
		}
	}
	for kind := range want {
		t.Errorf("no %s document rendered", kind)
	}
}
