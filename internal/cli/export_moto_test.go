package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestExportAWSCLIMatchesApply runs the exported aws CLI script against one
// moto_server and `teramotc apply` against another, then reads both back with
// the aws CLI: the two setups must be the same.
func TestExportAWSCLIMatchesApply(t *testing.T) {
	testenv.RequireBinary(t, "aws", "the aws CLI v1 is preinstalled on the project's machines")
	if testing.Short() {
		t.Skip("-short: skipping the aws CLI script against moto")
	}
	// One example: every aws CLI call starts a Python process, so the
	// comparison is slow; the role variant covers the most document kinds.
	for _, example := range []string{"setup-guide-role"} {
		t.Run(example, func(t *testing.T) {
			spec := filepath.Join("..", "..", "examples", example)
			// The examples name account 111122223333; apply refuses other
			// credentials, so moto runs as that account.
			t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
			scripted := testenv.StartMoto(t)
			applied := testenv.StartMoto(t)

			// The example's defaults are placeholders that lint, and so
			// apply, rejects (TMC604, TMC602): both sides get the values a
			// user sets.
			vars := []string{"-var", "teramot_account_id=913476520813", "-var", "external_id=4c8e1a6f-9b2d-4e7a-b3c5-d1f0e8a29b67"}
			dir := t.TempDir()
			if code, out := runCLI(t, nil, append(append([]string{"render", "-format", "aws-cli", "-o", dir}, vars...), spec)...); code != 0 {
				t.Fatalf("render -format aws-cli exited %d:\n%s", code, out)
			}
			cmd := exec.Command("bash", filepath.Join(dir, "apply.sh"))
			cmd.Env = append(awsEnv(scripted), "PATH="+motoShimPath(t)+string(os.PathListSeparator)+os.Getenv("PATH"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("apply.sh failed: %v\n%s", err, out)
			}

			if code, out := runCLI(t, awsEnv(applied), append(append([]string{"apply", "-auto-approve"}, vars...), spec)...); code != 0 {
				t.Fatalf("teramotc apply exited %d:\n%s", code, out)
			}
			want := readBack(t, applied, example)
			got := readBack(t, scripted, example)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("aws CLI script and teramotc apply differ (-apply +script):\n%s", diff)
			}
		})
	}
}

func awsEnv(m *testenv.Moto) []string {
	return append(os.Environ(), m.Env()...)
}

// runCLI runs teramotc in-process with extra environment variables.
func runCLI(t *testing.T, extraEnv []string, args ...string) (int, string) {
	t.Helper()
	for _, kv := range extraEnv {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var out bytes.Buffer
	env := processEnv(strings.NewReader(""), &out, &out)
	return run(env, args), out.String()
}

// motoShimPath returns a directory holding an `aws` wrapper that works around
// moto 5.2.1's crash (HTTP 500) in put-bucket-logging when the target bucket's
// policy has a statement with "Principal": "*": it sets the target's policy
// without those statements for the duration of the call, then restores it.
// Real AWS needs no such dance, so the exported script does not do it.
func motoShimPath(t *testing.T) string {
	t.Helper()
	realAWS, err := exec.LookPath("aws")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shim := `#!/usr/bin/env bash
set -euo pipefail
real=` + realAWS + `
if [ "${2:-}" != put-bucket-logging ]; then exec "$real" "$@"; fi
status=""
prev=""
for a in "$@"; do
  if [ "$prev" = --bucket-logging-status ]; then status=${a#file://}; fi
  prev=$a
done
target=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("LoggingEnabled",{}).get("TargetBucket",""))' "$status")
if [ -z "$target" ]; then exec "$real" "$@"; fi
saved=$(mktemp); stripped=$(mktemp)
"$real" s3api get-bucket-policy --bucket "$target" --query Policy --output text > "$saved"
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); p["Statement"]=[s for s in p["Statement"] if not isinstance(s.get("Principal"),str)]; json.dump(p,open(sys.argv[2],"w"))' "$saved" "$stripped"
"$real" s3api put-bucket-policy --bucket "$target" --policy "file://$stripped"
"$real" "$@"
"$real" s3api put-bucket-policy --bucket "$target" --policy "file://$saved"
`
	if err := os.WriteFile(filepath.Join(dir, "aws"), []byte(shim), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readBack reads the setup of an example from a moto server with the aws CLI,
// keeping what the spec controls and dropping server-generated values (ids,
// dates, ARNs with generated parts).
func readBack(t *testing.T, m *testenv.Moto, example string) map[string]any {
	t.Helper()
	aws := func(args ...string) any {
		cmd := exec.Command("aws", append(args, "--output", "json")...)
		cmd.Env = awsEnv(m)
		out, err := cmd.Output()
		if err != nil {
			return "absent"
		}
		var v any
		if len(bytes.TrimSpace(out)) == 0 {
			return nil
		}
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("aws %v: %v", args, err)
		}
		return v
	}
	state := map[string]any{}
	var mu sync.Mutex
	// put writes under mu: the async reads below write while this
	// goroutine makes the IAM reads.
	put := func(key string, v any) {
		mu.Lock()
		defer mu.Unlock()
		state[key] = v
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	async := func(key string, args ...string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			v := aws(args...)
			<-sem
			put(key, v)
		}()
	}
	buckets := []string{"teramot-data-acme", "acme-teramot-logs"}
	for _, b := range buckets {
		for _, get := range []string{"get-public-access-block", "get-bucket-ownership-controls", "get-bucket-encryption",
			"get-bucket-versioning", "get-bucket-lifecycle-configuration", "get-bucket-logging", "get-bucket-tagging"} {
			async(b+" "+get, "s3api", get, "--bucket", b)
		}
	}
	for _, b := range buckets {
		if p, ok := aws("s3api", "get-bucket-policy", "--bucket", b).(map[string]any); ok {
			var doc any
			_ = json.Unmarshal([]byte(p["Policy"].(string)), &doc)
			put(b+" policy", wildcardAsAWS(doc))
		}
	}
	if strings.HasSuffix(example, "-user") {
		put("user", pick(aws("iam", "get-user", "--user-name", "teramot-service-user"), "User", "UserName", "Path"))
		put("user policies", attachedNames(aws("iam", "list-attached-user-policies", "--user-name", "teramot-service-user")))
	} else {
		put("role", pick(aws("iam", "get-role", "--role-name", "teramot-access"), "Role", "RoleName", "Path", "MaxSessionDuration", "AssumeRolePolicyDocument"))
		put("role policies", attachedNames(aws("iam", "list-attached-role-policies", "--role-name", "teramot-access")))
	}
	pol := aws("iam", "get-policy", "--policy-arn", "arn:aws:iam::111122223333:policy/teramot-s3-access")
	if pm, ok := pol.(map[string]any); ok {
		ver := pm["Policy"].(map[string]any)["DefaultVersionId"].(string)
		put("policy document", pick(aws("iam", "get-policy-version", "--policy-arn",
			"arn:aws:iam::111122223333:policy/teramot-s3-access", "--version-id", ver), "PolicyVersion", "Document"))
	}
	wg.Wait()
	state["trail"] = pick(aws("cloudtrail", "get-trail", "--name", "teramot-data"), "Trail", "Name", "S3BucketName",
		"S3KeyPrefix", "IsMultiRegionTrail", "LogFileValidationEnabled", "IncludeGlobalServiceEvents")
	state["trail selectors"] = pick(aws("cloudtrail", "get-event-selectors", "--trail-name", "teramot-data"), "", "EventSelectors", "AdvancedEventSelectors")
	state["trail logging"] = pick(aws("cloudtrail", "get-trail-status", "--name", "teramot-data"), "", "IsLogging")
	return state
}

// wildcardAsAWS rewrites "Principal": "*" as {"AWS": ["*"]}, its documented
// equivalent: on non-AWS endpoints teramotc apply writes the latter (moto's
// log-delivery check cannot read the string form), the script the former.
func wildcardAsAWS(doc any) any {
	m, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	list, _ := m["Statement"].([]any)
	for _, st := range list {
		if sm, ok := st.(map[string]any); ok && sm["Principal"] == "*" {
			sm["Principal"] = map[string]any{"AWS": []any{"*"}}
		}
	}
	return m
}

// pick keeps some keys of v (or of v[under] when under is not empty).
func pick(v any, under string, keys ...string) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if under != "" {
		if m, ok = m[under].(map[string]any); !ok {
			return v
		}
	}
	out := map[string]any{}
	for _, k := range keys {
		if x, ok := m[k]; ok {
			out[k] = x
		}
	}
	return out
}

func attachedNames(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	var names []string
	for _, p := range m["AttachedPolicies"].([]any) {
		names = append(names, p.(map[string]any)["PolicyName"].(string))
	}
	sort.Strings(names)
	return names
}
