package render

import "testing"

// TestIsObjectAction places S3 actions by the resource type AWS defines for
// them, not by their names, and ignores case.
func TestIsObjectAction(t *testing.T) {
	tests := []struct {
		name, action string
		want         bool
	}{
		{"object action", "s3:GetObject", true},
		{"lower case", "s3:getobjectversion", true},
		{"object action without Object", "s3:BypassGovernanceRetention", true},
		{"replication", "s3:InitiateReplication", true},
		{"multipart", "s3:AbortMultipartUpload", true},
		{"bucket action with Object", "s3:GetBucketObjectLockConfiguration", false},
		{"listing", "s3:ListBucket", false},
		{"wildcard", "s3:GetObject*", false},
		{"other service", "kms:Decrypt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isObjectAction(tt.action); got != tt.want {
				t.Errorf("isObjectAction(%q) = %v, want %v", tt.action, got, tt.want)
			}
		})
	}
}

func TestIsListingAction(t *testing.T) {
	for _, a := range []string{"s3:ListBucket", "s3:listbucketversions", "S3:LISTBUCKET"} {
		if !isListingAction(a) {
			t.Errorf("isListingAction(%q) = false, want true", a)
		}
	}
	for _, a := range []string{"s3:ListBucketMultipartUploads", "s3:GetObject", "s3:List*"} {
		if isListingAction(a) {
			t.Errorf("isListingAction(%q) = true, want false", a)
		}
	}
}
