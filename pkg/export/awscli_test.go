package export

import (
	"os"
	"path/filepath"
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

// TestAWSCLIRegions: every S3 and CloudTrail command names the region of
// its bucket (a trail: the region of the bucket it audits, where its
// SourceArn condition says it lives), never the shell's default.
func TestAWSCLIRegions(t *testing.T) {
	script := awsCLIScript(t, "")
	n := 0
	for _, line := range strings.Split(script, "\n") {
		for _, cmd := range strings.Split(line, "||") {
			cmd = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(cmd), "if "))
			if !strings.HasPrefix(cmd, "aws cloudtrail ") && !strings.HasPrefix(cmd, "aws s3api ") {
				continue
			}
			n++
			if !strings.Contains(cmd, "--region eu-west-1") {
				t.Errorf("command without --region eu-west-1: %s", cmd)
			}
		}
	}
	if n < 8 {
		t.Fatalf("found %d S3/CloudTrail commands, want at least 8:\n%s", n, script)
	}
}

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
