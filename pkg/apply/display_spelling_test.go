package apply

import (
	"strings"
	"testing"
)

// TestConditionKeySpellingLearned: a condition key outside the spelling
// tables is printed as the spec or live policy wrote it, not in the lower
// case it is compared in; the documented spelling of a known key wins over
// any other, and a key never written with capitals stays as it is.
func TestConditionKeySpellingLearned(t *testing.T) {
	rendered := `{"Version":"2012-10-17","Statement":[{"Sid":"K","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
	  "Condition":{"StringNotEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com","teramotctest:OnlyHere":"x","plainkey:lower":"y"},
	  "Bool":{"AWS:SECURETRANSPORT":"false"}}}]}`
	c, err := canonical(TBucketPolicy, parseJSON(t, rendered), "aws")
	if err != nil {
		t.Fatal(err)
	}
	shown := mustJSON(Display(TBucketPolicy, parseJSON(t, mustJSON(c))))
	tests := []struct {
		name, want, notWant string
	}{
		{"learned from the spec", `"kms:ViaService"`, `"kms:viaservice"`},
		{"learned, another service", `"teramotctest:OnlyHere"`, `"teramotctest:onlyhere"`},
		{"documented spelling wins", `"aws:SecureTransport"`, `"AWS:SECURETRANSPORT"`},
		{"never written with capitals", `"plainkey:lower"`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(shown, tc.want) {
				t.Errorf("display lacks %s:\n%s", tc.want, shown)
			}
			if tc.notWant != "" && strings.Contains(shown, tc.notWant) {
				t.Errorf("display has %s:\n%s", tc.notWant, shown)
			}
		})
	}
	if got := conditionKeySpelling("Teramotctest:ONLYHERE"); got != "Teramotctest:ONLYHERE" {
		t.Errorf("a key given with capitals is kept as given, got %q", got)
	}
}
