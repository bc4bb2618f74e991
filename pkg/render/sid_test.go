package render

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSourceSids(t *testing.T) {
	tests := []struct {
		name    string
		sources []string
		want    []string
	}{
		{"a single source keeps the plain Sid", []string{"acme-share"}, []string{"Allow"}},
		{"several name their source", []string{"acme-archive", "acme-share"},
			[]string{"AllowAcmeArchive", "AllowAcmeShare"}},
		{"dots, digits and underscores", []string{"logs.v2", "my_trail-9"}, []string{"AllowLogsV2", "AllowMyTrail9"}},
		{"names that read the same are numbered", []string{"a-b", "a.b", "ab"}, []string{"AllowAB", "AllowAB2", "AllowAb"}},
		{"long names are cut", []string{"a123456789-123456789-123456789-123456789-123456789-123456789-123456789", "b"},
			[]string{"AllowA" + "12345678912345678912345678912345678912345678912345678912345678", "AllowB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sourceSids("Allow", tt.sources)); diff != "" {
				t.Errorf("sourceSids(%q) (-want +got):\n%s", tt.sources, diff)
			}
		})
	}
}

// TestSourceSidsStable: adding a source renames no other source's
// statement once there are several (a plan would show it removed).
func TestSourceSidsStable(t *testing.T) {
	before := sourceSids("AllowAccessLogDelivery", []string{"acme-b", "acme-d"})
	after := sourceSids("AllowAccessLogDelivery", []string{"acme-a", "acme-b", "acme-c", "acme-d"})
	if before[0] != after[1] || before[1] != after[3] {
		t.Errorf("adding sources renamed %q to %q", before, []string{after[1], after[3]})
	}
}

// TestAccessLogSidsNameLabels: with several buckets logging to one log
// bucket, each delivery Sid names its source bucket's label, never its
// name, which may come from a sensitive variable: a Sid is printed in
// clear by plan, apply and show, and saved in plan files (review-diff6b F1).
func TestAccessLogSidsNameLabels(t *testing.T) {
	out := loadFiles(t, map[string]string{"main.hcl": `
aws {
  account_id = "123456789012"
}
variable "secret_name" {
  type      = string
  sensitive = true
  default   = "acme-secret-project-x"
}
bucket "a" {
  name   = var.secret_name
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "a/"
  }
}
bucket "b_public" {
  name   = "acme-public-b"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "b/"
  }
}
bucket "logs" {
  name   = "acme-logs-zz"
  region = "us-east-1"
}
`})
	var sids []string
	for _, d := range out.Documents {
		if d.Path != "buckets/acme-logs-zz/bucket-policy.json" {
			continue
		}
		pol := decoded(t, d).(map[string]any)
		for _, s := range pol["Statement"].([]any) {
			if sid, _ := s.(map[string]any)["Sid"].(string); strings.HasPrefix(sid, "AllowAccessLogDelivery") {
				sids = append(sids, sid)
			}
		}
	}
	want := []string{"AllowAccessLogDeliveryA", "AllowAccessLogDeliveryBPublic"}
	if diff := cmp.Diff(want, sids); diff != "" {
		t.Errorf("delivery Sids (-want +got):\n%s", diff)
	}
	for _, sid := range sids {
		if strings.Contains(strings.ToLower(sid), "secret") {
			t.Errorf("Sid %s spells the sensitive bucket name", sid)
		}
	}
}
