package render

import "testing"

// TestIAMSizeCountsCharacters: IAM limits policies in characters without
// whitespace, so a non-ASCII character counts once (as lint's TMC506 does).
func TestIAMSizeCountsCharacters(t *testing.T) {
	d := &Document{Kind: KindIdentityPolicy, Content: object{"Sid": "café", "Effect": "Allow"}}
	want := len(`{"Effect":"Allow","Sid":"café"}`) - 1 // é is two bytes, one character
	if got := iamSize(d); got != want {
		t.Errorf("iamSize = %d, want %d (%s)", got, want, Marshal(d))
	}
}
