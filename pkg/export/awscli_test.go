package export

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// loadHCL loads and renders a one-file spec.
func loadHCL(t *testing.T, src string) (*spec.Spec, *render.Output) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	out, diags := render.Render(l.Spec)
	if diags.HasErrors() {
		t.Fatalf("render: %s", diags.Error())
	}
	return l.Spec, out
}

func awsCLIScript(t *testing.T, trailExtra string) string {
	t.Helper()
	s, out := loadHCL(t, `aws { account_id = "111122223333" }
bucket "d" {
  name   = "tmc-ex-data"
  region = "eu-west-1"
}
bucket "l" {
  name   = "tmc-ex-logs"
  region = "eu-west-1"
}
grant "u" {
  bucket      = bucket.d
  permissions = ["read"]
  iam_user {
    name        = "tmc-ex-reader"
    policy_name = "tmc-ex-read"
  }
}
grant "r" {
  bucket      = bucket.d
  permissions = ["read"]
  cross_account_role {
    name               = "tmc-ex-partner"
    trusted_account_id = "210987654321"
    external_id        = "tmc-ex-3f9a1c7e-5b2d-4e8f-a1b2"
    policy_name        = "tmc-ex-partner-read"
  }
}
trail "tmc-ex-trail" {
  bucket     = bucket.d
  log_bucket = bucket.l.name
`+trailExtra+`}
`)
	f, err := AWSCLI(s, out)
	if err != nil {
		t.Fatal(err)
	}
	return string(f.Files["apply.sh"])
}

// TestAWSCLIRegions: every aws command names its region, never the
// shell's default (the aws CLI v1 reads AWS_DEFAULT_REGION only, not the
// AWS_REGION teramotc reads, and stops without one): an S3 or CloudTrail
// command the region of its bucket (a trail: the region of the bucket it
// audits, where its SourceArn condition says it lives), the account check
// and IAM, which is global, the first bucket's.
func TestAWSCLIRegions(t *testing.T) {
	script := awsCLIScript(t, "")
	counts := map[string]int{}
	for _, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, m := range awsCommand.FindAllStringSubmatch(line, -1) {
			cmd := m[1]
			counts[strings.Fields(cmd)[1]]++
			if !strings.Contains(cmd, "--region eu-west-1") {
				t.Errorf("command without --region eu-west-1: %s", cmd)
			}
		}
	}
	for svc, want := range map[string]int{"s3api": 8, "cloudtrail": 4, "sts": 1, "iam": 10} {
		if counts[svc] < want {
			t.Errorf("found %d aws %s commands, want at least %d:\n%s", counts[svc], svc, want, script)
		}
	}
}

// awsCommand matches one aws command of a script line: from "aws" at the
// start of a command to the end of its arguments (a redirection, ||, ;,
// or the ) of a command substitution).
var awsCommand = regexp.MustCompile(`(?:^|\$\(|\|\||;|\bif|\bthen|\belse)\s*(aws [^|;)>]*)`)

// TestAWSCLITrailClears: update-trail changes only what it is given, so a
// log prefix or KMS key the spec does not set is cleared explicitly.
func TestAWSCLITrailClears(t *testing.T) {
	key := "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	tests := []struct {
		name, extra string
		want, not   []string
	}{
		{"neither set", "", []string{"--s3-key-prefix ''", "--kms-key-id ''"}, nil},
		{"prefix set", `  log_prefix = "audit"` + "\n", []string{"--kms-key-id ''"}, []string{"--s3-key-prefix"}},
		{"key set", `  kms_key_arn = "` + key + `"` + "\n", []string{"--s3-key-prefix ''"}, []string{"--kms-key-id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var update string
			for _, line := range strings.Split(awsCLIScript(t, tc.extra), "\n") {
				if strings.Contains(line, "update-trail") {
					update = line
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(update, w) {
					t.Errorf("update-trail line lacks %q: %s", w, update)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(update, w) {
					t.Errorf("update-trail line has %q: %s", w, update)
				}
			}
		})
	}
}
