package render

import (
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestKMSUploadDenies evaluates the upload denies of a KMS bucket against
// the requests clients and log delivery services send: the algorithm header
// is required, the key id header is optional but must name the spec's key,
// and the log delivery services the policy allows are exempt.
func TestKMSUploadDenies(t *testing.T) {
	const key = "arn:aws:kms:us-east-1:111122223333:key/k1"
	const other = "arn:aws:kms:us-east-1:999988887777:key/evil"
	const sse, keyID, service = "s3:x-amz-server-side-encryption", kmsKeyIDHeader, "aws:PrincipalServiceName"
	kmsBucket := func(s *spec.Spec, label string) {
		for _, b := range s.Buckets {
			if b.Label == label {
				b.Encryption.Algorithm = set("aws:kms", 52)
				b.Encryption.KMSKeyARN = set(key, 53)
			}
		}
	}
	tests := []struct {
		name   string
		bucket string // "data" (not a log target) or "logs" (CloudTrail's and S3's target)
		req    request
		denied bool
	}{
		{"no header", "data", request{}, true},
		{"AES256", "data", request{sse: "AES256"}, true},
		{"algorithm only", "data", request{sse: "aws:kms"}, false},
		{"algorithm and the spec's key", "data", request{sse: "aws:kms", keyID: key}, false},
		{"algorithm and another key", "data", request{sse: "aws:kms", keyID: other}, true},
		{"the spec's key id without its ARN", "data", request{sse: "aws:kms", keyID: "k1"}, true},
		{"log target: user with another key", "logs", request{sse: "aws:kms", keyID: other}, true},
		{"log target: CloudTrail with its trail key", "logs", request{sse: "aws:kms", keyID: other, service: "cloudtrail.amazonaws.com"}, false},
		{"log target: S3 logging without headers", "logs", request{service: "logging.s3.amazonaws.com"}, false},
		{"log target: another service with another key", "logs", request{sse: "aws:kms", keyID: other, service: "lambda.amazonaws.com"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := guideModel(false)
			kmsBucket(s, tc.bucket)
			for _, b := range s.Buckets {
				b.RequireTLS = set(false, 20)
			}
			name := map[string]string{"data": "teramot-data-acme", "logs": "acme-teramot-logs"}[tc.bucket]
			pol := decoded(t, doc(mustRender(t, s), "buckets/"+name+"/bucket-policy.json")).(map[string]any)
			if got := denied(pol, tc.req); got != tc.denied {
				t.Errorf("denied(%v) = %v, want %v; policy %s", tc.req, got, tc.denied, MarshalValue(pol))
			}
		})
	}
}

// TestKMSDenyProvenance: the key deny points at kms_key_arn.
func TestKMSDenyProvenance(t *testing.T) {
	s := guideModel(false)
	s.Buckets[0].Encryption.Algorithm = set("aws:kms:dsse", 17)
	s.Buckets[0].Encryption.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 19)
	d := doc(mustRender(t, s), "buckets/teramot-data-acme/bucket-policy.json")
	for i, st := range d.Content.(object)["Statement"].([]any) {
		if st.(object)["Sid"] == "DenyOtherKMSKeys" {
			if got := d.Provenance[pointer("/Statement", i)].Start.Line; got != 19 {
				t.Errorf("DenyOtherKMSKeys comes from line %d, want 19 (kms_key_arn)", got)
			}
			return
		}
	}
	t.Fatal("no DenyOtherKMSKeys statement on an aws:kms:dsse bucket")
}
