package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
)

func TestWritePermissions(t *testing.T) {
	doc := func(bucket string) map[string]any {
		return map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
			"Sid": "S3ReadBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::" + bucket}}}
	}
	mask := func(s string) string { return strings.ReplaceAll(s, "secret-bucket", "(sensitive value)") }
	tests := []struct {
		name       string
		bucket     string
		notes      []string
		wantOut    string // the document printed
		wantStderr []string
	}{
		{"plain", "open-bucket", nil, string(render.MarshalValue(doc("open-bucket"))), nil},
		{"sensitive name", "secret-bucket", nil, string(render.MarshalValue(doc("(sensitive value)"))),
			[]string{"Warning: the policy names a resource after a sensitive value"}},
		{"notes are masked too", "open-bucket", []string{"about secret-bucket"}, string(render.MarshalValue(doc("open-bucket"))),
			[]string{"Note: about (sensitive value)\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			d := doc(tc.bucket)
			if code := WritePermissions(&out, &errw, d, tc.notes, mask); code != ExitOK {
				t.Errorf("exit %d", code)
			}
			if out.String() != tc.wantOut {
				t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), tc.wantOut)
			}
			for _, w := range tc.wantStderr {
				if !strings.Contains(errw.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errw.String())
				}
			}
			if len(tc.wantStderr) == 0 && errw.Len() > 0 {
				t.Errorf("stderr = %q, want nothing", errw.String())
			}
			if strings.Contains(out.String()+errw.String(), "secret-bucket") {
				t.Error("the sensitive name was printed")
			}
			if got := d["Statement"].([]any)[0].(map[string]any)["Resource"]; got != "arn:aws:s3:::"+tc.bucket {
				t.Errorf("the document was changed: Resource = %v", got)
			}
		})
	}
}
