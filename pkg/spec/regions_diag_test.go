package spec

import (
	"strings"
	"testing"
)

// TestSensitiveRegionsHidden: the region checks name the regions they
// compare, except a region that comes from a sensitive value (a sensitive
// region, or the region field of a sensitive key ARN), which the detail
// shows as "(sensitive value)".
func TestSensitiveRegionsHidden(t *testing.T) {
	const (
		secretRegion = "ap-south-2"
		otherKey     = "arn:aws:kms:ca-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	)
	variables := `
variable "region" {
  sensitive = true
  default   = "` + secretRegion + `"
}
variable "key" {
  sensitive = true
  default   = "arn:aws:kms:` + secretRegion + `:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`
	tests := []struct {
		name, spec, summary string
	}{
		{"bucket in a sensitive region", `
bucket "data" {
  name   = "teramot-sens-data"
  region = var.region
  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "` + otherKey + `"
  }
}
`, "KMS key in another region"},
		{"bucket key from a sensitive ARN", `
bucket "data" {
  name   = "teramot-sens-data"
  region = "ca-west-1"
  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = var.key
  }
}
`, "KMS key in another region"},
		{"trail key from a sensitive ARN", `
bucket "data" {
  name   = "teramot-sens-data"
  region = "ca-west-1"
}
trail "audit" {
  bucket      = bucket.data
  log_bucket  = bucket.data.name
  kms_key_arn = var.key
}
`, "Trail KMS key in another region"},
		{"trail log bucket in a sensitive region", `
bucket "data" {
  name   = "teramot-sens-data"
  region = var.region
}
trail "audit" {
  bucket      = bucket.data
  log_bucket  = bucket.data.name
  kms_key_arn = "` + otherKey + `"
}
`, "Trail KMS key in another region"},
		{"log target in a sensitive region", `
bucket "data" {
  name   = "teramot-sens-data"
  region = "ca-west-1"
  access_logging {
    target_bucket = bucket.logs.name
  }
}
bucket "logs" {
  name   = "teramot-sens-logs"
  region = var.region
}
`, "Log target in another region"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": variables + tc.spec})
			_, diags := Load(dir, Options{})
			found := false
			for _, d := range diags {
				if strings.Contains(d.Detail, secretRegion) || strings.Contains(d.Summary, secretRegion) {
					t.Errorf("%q shows the sensitive region: %s", d.Summary, d.Detail)
				}
				if d.Summary == tc.summary {
					found = true
					if !strings.Contains(d.Detail, "(sensitive value)") || !strings.Contains(d.Detail, "ca-west-1") {
						t.Errorf("%q: detail %q should name ca-west-1 and hide the other region", d.Summary, d.Detail)
					}
				}
			}
			if !found {
				t.Errorf("no %q diagnostic; got %v", tc.summary, diags)
			}
		})
	}
}

// TestPartitionRegionDetail: a region outside the spec's partition names
// where that partition comes from, the aws block or the default.
func TestPartitionRegionDetail(t *testing.T) {
	bucket := `
bucket "data" {
  name   = "teramot-review-data"
  region = "cn-north-1"
}
`
	tests := []diagCase{
		{name: "default partition", spec: bucket, want: []wantDiag{{summary: "Region not in the partition", subject: `"cn-north-1"`,
			detail: []string{`partition "aws-cn", but the spec uses the default partition, "aws"`, `Set partition = "aws-cn"`}}}},
		{name: "partition of the aws block", spec: "aws {\n  partition = \"aws-us-gov\"\n}\n" + bucket,
			want: []wantDiag{{summary: "Region not in the partition", subject: `"cn-north-1"`,
				detail: []string{"but the spec uses the partition set at ", "main.hcl:2,", `"us-gov-west-1" or "us-gov-east-1"`}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}
