package apply

import (
	"strings"
	"testing"
)

// TestWarnKMSObjects (review op3 L3): a bucket whose default encryption
// moves off a KMS key gets a warning that the objects already written stay
// under the old key, with the command that re-encrypts them.
func TestWarnKMSObjects(t *testing.T) {
	const k1, k2 = "arn:aws:kms:us-east-1:123456789012:key/k1", "arn:aws:kms:us-east-1:123456789012:key/k2"
	enc := func(alg, key string) map[string]any {
		m := map[string]any{"SSEAlgorithm": alg}
		if key != "" {
			m["KMSMasterKeyID"] = key
		}
		return m
	}
	tests := []struct {
		name          string
		before, after map[string]any
		want          []string // substrings of the one warning; none: no warning
	}{
		{"aws:kms to AES256", enc("aws:kms", k1), enc("AES256", ""), []string{
			"bucket data: the default encryption changes from aws:kms (" + k1 + ") to AES256, but objects already written stay encrypted with KMS key " + k1,
			"needs kms:Decrypt on that key", "partners cannot read those objects",
			"aws s3 cp s3://data/ s3://data/ --recursive --sse AES256"}},
		{"to another key", enc("aws:kms", k1), enc("aws:kms", k2), []string{"stay encrypted with KMS key " + k1,
			"--sse aws:kms --sse-kms-key-id " + k2}},
		{"AES256 to aws:kms", enc("AES256", ""), enc("aws:kms", k1), nil},
		{"same key, bucket key setting", enc("aws:kms", k1), enc("aws:kms", k1), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &Item{Type: TEncryption, Name: "data", Bucket: "data", Desired: tc.after}
			p := &Plan{Changes: []*Change{{Type: TEncryption, Name: "data", item: it, before: tc.before}}}
			warnKMSObjects(p)
			if len(tc.want) == 0 {
				if len(p.Warnings) != 0 {
					t.Fatalf("warnings %q, want none", p.Warnings)
				}
				return
			}
			if len(p.Warnings) != 1 {
				t.Fatalf("warnings %q, want one", p.Warnings)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.Warnings[0], w) {
					t.Errorf("warning lacks %q:\n%s", w, p.Warnings[0])
				}
			}
		})
	}
}
