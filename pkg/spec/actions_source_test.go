package spec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec/internal/actiondata"
)

// TestActionListsMatchRego fails when the embedded action lists differ from
// the lint rules' pkg/rules/policies/lib/actions.rego, their source: validate
// and lint must know the same actions (TMC504).
func TestActionListsMatchRego(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "rules", "policies", "lib", "actions.rego"))
	if err != nil {
		t.Fatal(err)
	}
	lists, err := actiondata.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(actiondata.Services, ActionServices()); diff != "" {
		t.Errorf("services differ (-actions.rego +embedded):\n%s", diff)
	}
	for _, svc := range actiondata.Services {
		got, err := actionFiles.ReadFile("actions/" + svc + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(actiondata.Format(svc, lists[svc])), string(got)); diff != "" {
			t.Errorf("actions/%s.txt is not generated from actions.rego; run go generate ./pkg/spec (-want +got):\n%s", svc, diff)
		}
	}
}

func TestActionDataParse(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    map[string][]string
		wantErr bool
	}{
		{
			name: "sets and objects",
			src: `package x
s3 := {"PutObject": {"resource": "object"}, "GetObject": {"resource": "object"}}
kms := {"Encrypt", "Decrypt"}
sts := {"AssumeRole"}
other := {"Ignored"}`,
			want: map[string][]string{"s3": {"GetObject", "PutObject"}, "kms": {"Decrypt", "Encrypt"}, "sts": {"AssumeRole"}},
		},
		{name: "missing service", src: "package x\ns3 := {\"GetObject\"}\nkms := {\"Decrypt\"}", wantErr: true},
		{name: "not names", src: "package x\ns3 := {1}\nkms := {\"Decrypt\"}\nsts := {\"AssumeRole\"}", wantErr: true},
		{name: "not a collection", src: "package x\ns3 := \"GetObject\"\nkms := {\"Decrypt\"}\nsts := {\"AssumeRole\"}", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := actiondata.Parse([]byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); !tt.wantErr && diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestS3ResourcesMatchRego fails when actions/s3.resources is not generated
// from actions.rego, and checks a few resource types the renderer relies on
// to place a grant's extra actions.
func TestS3ResourcesMatchRego(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "rules", "policies", "lib", "actions.rego"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := actiondata.S3Resources(src)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(actiondata.FormatS3Resources(res)), s3ResourceFile); diff != "" {
		t.Errorf("actions/s3.resources is not generated from actions.rego; run go generate ./pkg/spec (-want +got):\n%s", diff)
	}
	tests := []struct{ action, want string }{
		{"s3:GetObject", "object"},
		{"s3:getobjectversion", "object"},
		{"S3:BypassGovernanceRetention", "object"},
		{"s3:InitiateReplication", "object"},
		{"s3:AbortMultipartUpload", "object"},
		{"s3:GetBucketObjectLockConfiguration", "bucket"},
		{"s3:ListBucket", "bucket"},
		{"s3:ListAllMyBuckets", "none"},
		{"s3:GetObject*", ""},
		{"kms:Decrypt", ""},
		{"s3:Frobnicate", ""},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			if got := S3ActionResource(tt.action); got != tt.want {
				t.Errorf("S3ActionResource(%q) = %q, want %q", tt.action, got, tt.want)
			}
		})
	}
}
