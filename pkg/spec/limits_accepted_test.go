package spec

import (
	"fmt"
	"strings"
	"testing"
)

// TestAcceptedAtLimits loads specs whose values sit exactly on the limits
// AWS accepts (the error fixtures cover the values just past them): each
// must load without an error, so an off-by-one in a check fails here.
func TestAcceptedAtLimits(t *testing.T) {
	tags := func(n int, key, value string) string {
		var b strings.Builder
		b.WriteString("{\n")
		for i := range n {
			fmt.Fprintf(&b, "    %q = %q\n", fmt.Sprintf("%s%d", key, i), value)
		}
		return b.String() + "  }"
	}
	bucket := func(name, body string) string {
		return `
bucket "data" {
  name   = "` + name + `"
  region = "eu-west-1"
` + body + `
}
`
	}
	role := func(body string) string {
		return bucket("teramot-review-data", "") + grantWith("r", `cross_account_role {
    name               = "partner-role"
    trusted_account_id = "444455556666"
`+body+`
  }`)
	}
	const ext = "Zq8xLm3PvR7tK2wN"
	lifecycle := func(body string) string {
		return bucket("teramot-review-data", `  lifecycle_rule "r" {
`+body+`
  }`)
	}
	tests := []diagCase{
		{name: "bucket name of 3 characters", spec: bucket("abc", "")},
		{name: "bucket name of 63 characters", spec: bucket(strings.Repeat("a", 63), "")},
		{name: "50 tags", spec: bucket("teramot-review-data", "  tags = "+tags(50, "k", "v"))},
		{name: "tag key of 128 characters", spec: bucket("teramot-review-data", "  tags = "+tags(1, strings.Repeat("k", 127), "v"))},
		{name: "tag value of 256 characters", spec: bucket("teramot-review-data", "  tags = "+tags(1, "k", strings.Repeat("v", 256)))},
		{name: "IAM user name of 64 characters", spec: bucket("teramot-review-data", "") +
			grantWith("u", `iam_user { name = "`+strings.Repeat("u", 64)+`" }`)},
		{name: "IAM policy name of 128 characters", spec: bucket("teramot-review-data", "") + grantWith("u", `iam_user {
    name        = "user"
    policy_name = "`+strings.Repeat("p", 128)+`"
  }`)},
		{name: "role name of 64 characters", spec: bucket("teramot-review-data", "") + grantWith("r", `cross_account_role {
    name               = "`+strings.Repeat("r", 64)+`"
    trusted_account_id = "444455556666"
    external_id        = "`+ext+`"
  }`)},
		{name: "external id of 2 characters", spec: role(`    external_id = "x1"`)},
		{name: "external id of 1224 characters", spec: role(`    external_id = "` + strings.Repeat("ab-", 408) + `"`)},
		{name: "session of 1 hour", spec: role(`    external_id = "` + ext + `"
    max_session_duration = 3600`)},
		{name: "session of 12 hours", spec: role(`    external_id = "` + ext + `"
    max_session_duration = 43200`)},
		{name: "IA transition at 30 days, Glacier 30 days later", spec: lifecycle(`    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 60
      storage_class = "GLACIER"
    }
    expiration_days = 61`)},
		{name: "expiration after 1 day", spec: lifecycle(`    expiration_days              = 1
    noncurrent_expiration_days   = 1
    abort_incomplete_upload_days = 1`)},
		{name: "trail log_prefix of 200 characters", spec: bucket("teramot-review-data", "") + `
trail "audit" {
  bucket     = bucket.data
  log_bucket = "teramot-review-logs"
  log_prefix = "` + strings.Repeat("p", 200) + `"
}
`},
		{name: "trail KMS key in its log bucket's region", spec: bucket("teramot-review-data", "") + `
bucket "logs" {
  name   = "teramot-review-logs"
  region = "eu-west-1"
}
trail "audit" {
  bucket      = bucket.data
  log_bucket  = bucket.logs.name
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}
