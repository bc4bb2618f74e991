package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

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

// TestIdentityPolicyProvenance checks that each statement of a grant's
// identity policy, and each of its actions, points at the attribute that
// produced it: a finding on an extra action lands on extra_actions, one on a
// permission's action on permissions.
func TestIdentityPolicyProvenance(t *testing.T) {
	const perm, extra, key = 10, 11, 20
	tests := []struct {
		name        string
		permissions []string
		extra       []string
		kms         bool
		want        map[string]hcl.Range
	}{
		{
			name:        "object extra action without object permission",
			permissions: []string{"list"},
			extra:       []string{"s3:PutObjectAcl"},
			want: map[string]hcl.Range{
				"/Statement/0":        at(extra),
				"/Statement/0/Action": at(extra),
				"/Statement/1":        at(perm),
				"/Statement/1/Action": at(perm),
			},
		},
		{
			name:        "object extra action next to read",
			permissions: []string{"read", "list"},
			extra:       []string{"s3:PutObjectAcl", "s3:ListBucketVersions"},
			want: map[string]hcl.Range{
				"/Statement/0":          at(perm),
				"/Statement/0/Action/0": at(perm),
				"/Statement/0/Action/1": at(extra),
				"/Statement/1":          at(perm),
				"/Statement/1/Action/0": at(perm),
				"/Statement/1/Action/1": at(extra),
			},
		},
		{
			name:        "extra action repeating a permission's",
			permissions: []string{"read", "write"},
			extra:       []string{"s3:GetObject"},
			want: map[string]hcl.Range{
				"/Statement/0":          at(perm),
				"/Statement/0/Action":   at(perm),
				"/Statement/0/Action/0": at(perm),
				"/Statement/0/Action/1": at(perm),
			},
		},
		{
			name:        "listing and bucket extra actions only",
			permissions: []string{"read"},
			extra:       []string{"s3:ListBucket", "s3:GetBucketTagging", "s3:GetBucketLocation"},
			want: map[string]hcl.Range{
				"/Statement/0":          at(perm),
				"/Statement/0/Action":   at(perm),
				"/Statement/1":          at(extra),
				"/Statement/1/Action":   at(extra),
				"/Statement/2":          at(extra),
				"/Statement/2/Action":   at(extra),
				"/Statement/2/Action/0": at(extra),
				"/Statement/2/Action/1": at(extra),
			},
		},
		{
			name:        "kms key",
			permissions: []string{"write"},
			kms:         true,
			want: map[string]hcl.Range{
				"/Statement/0":          at(perm),
				"/Statement/0/Action":   at(perm),
				"/Statement/1":          at(key),
				"/Statement/1/Action":   at(perm),
				"/Statement/1/Action/0": at(perm),
				"/Statement/1/Action/1": at(perm),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := defaultBucket("data", "acme-shared-data", 1)
			if tt.kms {
				b.Encryption.Algorithm = set("aws:kms", key-1)
				b.Encryption.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", key)
			}
			g := &spec.Grant{Block: block("grant.partner", 8), Label: "partner",
				Bucket: set("data", 9), Permissions: set(tt.permissions, perm), ExtraActions: set(tt.extra, extra)}
			r := &renderer{spec: &spec.Spec{Buckets: []*spec.Bucket{b}}, partition: "aws"}
			p := r.identityPolicy(g, b)
			if diff := cmp.Diff(tt.want, p.prov); diff != "" {
				t.Errorf("provenance (-want +got):\n%s", diff)
			}
		})
	}
}
