package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

// awsCall is one aws CLI invocation that feeds a rendered file.
type awsCall struct {
	doc  *Document
	args []string
	// key identifies the request: the same key means the same command on the
	// same target with byte-identical input, already accepted.
	key string
}

// TestAWSCLIAcceptsRenderedFiles applies every rendered file of the guide
// examples with the aws CLI (v1) against moto_server, exactly as a reviewer
// would by hand with file://, and requires each command to exit 0.
//
// Requests byte-identical to one already accepted (the user and role
// examples share their bucket documents) run once, which keeps the test
// fast: every aws CLI start costs about a second of CPU.
func TestAWSCLIAcceptsRenderedFiles(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("skipping the aws CLI acceptance test in -short mode")
	}
	testenv.RequireBinary(t, "aws", "the aws CLI v1 is preinstalled on the project's machines; pip install awscli")
	moto := testenv.StartMoto(t)
	env := append(os.Environ(), moto.Env()...)
	aws := func(args ...string) ([]byte, error) {
		cmd := exec.Command("aws", append([]string{"--endpoint-url", moto.URL, "--output", "json"}, args...)...)
		cmd.Env = env
		return cmd.CombinedOutput()
	}
	// runner returns a function that runs one aws command and reports its
	// failure on t.
	runner := func(t *testing.T) func(...string) error {
		return func(args ...string) error {
			out, err := aws(args...)
			if err != nil {
				t.Errorf("aws %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			return err
		}
	}

	// The test can tell good input from bad: the guide's own lifecycle JSON,
	// which lacks a Filter, is refused as S3 refuses it.
	t.Run("guide lifecycle is refused", func(t *testing.T) {
		guide, err := filepath.Abs(filepath.Join("..", "..", "testdata", "guide", "lifecycle.json"))
		if err != nil {
			t.Fatal(err)
		}
		if runner(t)("s3api", "create-bucket", "--bucket", "teramotc-guide-lifecycle") != nil {
			return
		}
		out, err := aws("s3api", "put-bucket-lifecycle-configuration", "--bucket", "teramotc-guide-lifecycle",
			"--lifecycle-configuration", "file://"+guide)
		if err == nil || !strings.Contains(string(out), "MalformedXML") {
			t.Errorf("the guide's lifecycle without Filter was not refused with MalformedXML: %v\n%s", err, out)
		}
	})

	accepted := map[string]bool{}
	kinds := map[Kind]bool{}
	for _, name := range []string{"setup-guide-role", "setup-guide-user"} {
		t.Run(name, func(t *testing.T) {
			run := runner(t)
			s, out := loadExample(t, name)
			dir := t.TempDir()
			if err := Write(out, dir); err != nil {
				t.Fatal(err)
			}
			var creates, trail, configs, logging []awsCall
			for _, b := range s.Buckets {
				args := []string{"s3api", "create-bucket", "--bucket", b.Name.Value, "--region", b.Region.Value}
				if b.Region.Value != "us-east-1" {
					args = append(args, "--create-bucket-configuration", "LocationConstraint="+b.Region.Value)
				}
				creates = append(creates, awsCall{args: args, key: strings.Join(args, " ")})
			}
			for _, d := range out.Documents {
				if d.Kind == KindManifest {
					continue
				}
				kinds[d.Kind] = true
				c, ok := cliCall(t, s, d, filepath.Join(dir, filepath.FromSlash(d.Path)))
				if !ok {
					t.Fatalf("%s: no aws command for kind %q", d.Path, d.Kind)
				}
				switch d.Kind {
				case KindLogging:
					logging = append(logging, c)
				case KindTrail:
					// create-trail precedes put-event-selectors.
					trail = append([]awsCall{c}, trail...)
				case KindEventSelectors:
					trail = append(trail, c)
				default:
					configs = append(configs, c)
				}
			}

			skipped := 0
			defer func() { t.Logf("%d requests byte-identical to ones already accepted", skipped) }()
			fresh := func(calls []awsCall) []awsCall {
				var out []awsCall
				for _, c := range calls {
					if accepted[c.key] {
						skipped++
						continue
					}
					out = append(out, c)
				}
				return out
			}
			// Buckets first, then every configuration call in parallel, then
			// logging, whose target must already allow the log delivery
			// service.
			var creations [][]awsCall
			for _, c := range fresh(creates) {
				creations = append(creations, []awsCall{c})
			}
			parallelChains(creations, run, accepted)
			groups := [][]awsCall{fresh(trail)}
			for _, c := range fresh(configs) {
				groups = append(groups, []awsCall{c})
			}
			parallelChains(groups, run, accepted)
			for _, c := range fresh(logging) {
				restore := motoLoggingWorkaround(t, out, c, dir, run)
				if run(c.args...) == nil {
					accepted[c.key] = true
				}
				restore()
			}
		})
	}

	all := []Kind{KindPublicAccessBlock, KindOwnershipControls, KindEncryption, KindVersioning, KindLifecycle, KindLogging,
		KindBucketPolicy, KindTagging, KindIdentityPolicy, KindTrustPolicy, KindTrail, KindEventSelectors}
	for _, k := range all {
		if !kinds[k] {
			t.Errorf("no example renders a %s document; the acceptance test does not cover it", k)
		}
	}
}

// cliCall maps a rendered document to the aws CLI command that takes it.
func cliCall(t *testing.T, s *spec.Spec, d *Document, file string) (awsCall, bool) {
	t.Helper()
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	uri := "file://" + file
	var args []string
	target := ""
	if rest, ok := strings.CutPrefix(d.Path, "buckets/"); ok {
		bucket, _, _ := strings.Cut(rest, "/")
		target = bucket
		param := map[Kind][2]string{
			KindPublicAccessBlock: {"put-public-access-block", "--public-access-block-configuration"},
			KindOwnershipControls: {"put-bucket-ownership-controls", "--ownership-controls"},
			KindEncryption:        {"put-bucket-encryption", "--server-side-encryption-configuration"},
			KindVersioning:        {"put-bucket-versioning", "--versioning-configuration"},
			KindLifecycle:         {"put-bucket-lifecycle-configuration", "--lifecycle-configuration"},
			KindLogging:           {"put-bucket-logging", "--bucket-logging-status"},
			KindBucketPolicy:      {"put-bucket-policy", "--policy"},
			KindTagging:           {"put-bucket-tagging", "--tagging"},
		}[d.Kind]
		if param[0] == "" {
			return awsCall{}, false
		}
		args = []string{"s3api", param[0], "--bucket", bucket, param[1], uri}
	} else {
		var g *spec.Grant
		for _, x := range s.Grants {
			if x.Address == d.Address {
				g = x
			}
		}
		switch {
		case d.Kind == KindIdentityPolicy && g != nil && g.IAMUser != nil:
			target = g.IAMUser.PolicyName.Value
			args = []string{"iam", "create-policy", "--policy-name", target, "--policy-document", uri}
		case d.Kind == KindIdentityPolicy && g != nil && g.Role != nil:
			target = g.Role.PolicyName.Value
			args = []string{"iam", "create-policy", "--policy-name", target, "--policy-document", uri}
		case d.Kind == KindTrustPolicy && g != nil && g.Role != nil:
			target = g.Role.Name.Value
			args = []string{"iam", "create-role", "--role-name", target, "--assume-role-policy-document", uri}
		case d.Kind == KindTrail:
			args = []string{"cloudtrail", "create-trail", "--cli-input-json", uri}
		case d.Kind == KindEventSelectors:
			args = []string{"cloudtrail", "put-event-selectors", "--cli-input-json", uri}
		default:
			return awsCall{}, false
		}
	}
	return awsCall{doc: d, args: args, key: string(d.Kind) + " " + target + " " + string(body)}, true
}

// motoLoggingWorkaround works around moto 5.2.1, whose put-bucket-logging
// check of the target's bucket policy crashes (HTTP 500) on any statement
// with "Principal": "*", such as the TLS deny. While the logging call runs,
// the target bucket gets its rendered policy without those statements; the
// returned function puts the full rendered policy back. The log delivery
// statement that moto looks for is the rendered one, untouched.
func motoLoggingWorkaround(t *testing.T, out *Output, c awsCall, dir string, run func(...string) error) func() {
	t.Helper()
	var status struct {
		LoggingEnabled *struct{ TargetBucket string }
	}
	if err := json.Unmarshal(Marshal(c.doc), &status); err != nil || status.LoggingEnabled == nil {
		return func() {}
	}
	target := status.LoggingEnabled.TargetBucket
	policyPath := "buckets/" + target + "/bucket-policy.json"
	full := doc(out, policyPath)
	if full == nil {
		return func() {}
	}
	var kept []any
	for _, st := range full.Content.(map[string]any)["Statement"].([]any) {
		if _, wildcard := st.(map[string]any)["Principal"].(string); !wildcard {
			kept = append(kept, st)
		}
	}
	tmp := filepath.Join(t.TempDir(), "moto-logging-policy.json")
	if err := os.WriteFile(tmp, MarshalValue(map[string]any{"Version": policyVersion, "Statement": kept}), 0o644); err != nil {
		t.Fatal(err)
	}
	run("s3api", "put-bucket-policy", "--bucket", target, "--policy", "file://"+tmp)
	return func() {
		run("s3api", "put-bucket-policy", "--bucket", target, "--policy", "file://"+filepath.Join(dir, filepath.FromSlash(policyPath)))
	}
}

// parallelChains runs the chains four at a time (an aws CLI call mostly
// waits: for Python to start, then for moto); the calls of one chain run in
// order and stop at the first failure.
func parallelChains(chains [][]awsCall, run func(...string) error, accepted map[string]bool) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, chain := range chains {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			for _, c := range chain {
				if run(c.args...) != nil {
					return
				}
				mu.Lock()
				accepted[c.key] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
