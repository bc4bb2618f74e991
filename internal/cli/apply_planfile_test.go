package cli

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// planFileSpec has a bucket and an IAM user grant and no aws.account_id,
// so nothing in the spec ties it to an account.
const planFileSpec = `
bucket "data" {
  name   = "teramot-planfile-data"
  region = "us-east-1"
}

grant "svc" {
  bucket      = bucket.data
  permissions = ["read"]

  iam_user {
    name        = "teramot-planfile-user"
    policy_name = "teramot-planfile-read"
  }
}
`

// TestApplyPlanFileWhereItWasMade: a plan file is applied only with the
// account, endpoint and region it was made with (the reviewer's repro:
// a plan made against one moto account applied to another). Two moto
// servers with different accounts sit behind one loopback proxy, so the
// endpoint can stay the same while the account changes.
func TestApplyPlanFileWhereItWasMade(t *testing.T) {
	t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
	m1 := testenv.StartMoto(t)
	t.Setenv("MOTO_ACCOUNT_ID", "222222222222")
	m2 := testenv.StartMoto(t)
	var backend atomic.Pointer[url.URL]
	u1, _ := url.Parse(m1.URL)
	u2, _ := url.Parse(m2.URL)
	backend.Store(u1)
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(backend.Load())
		r.Out.Host = r.In.Host
	}})
	defer proxy.Close()

	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y", "AWS_REGION": "us-east-1",
		"AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
		"AWS_EC2_METADATA_DISABLED": "true", "AWS_PROFILE": "", "NO_COLOR": "1"} {
		t.Setenv(k, v)
	}
	dir := t.TempDir()
	specDir, keys, plan := filepath.Join(dir, "spec"), filepath.Join(dir, "keys"), filepath.Join(dir, "p.json")
	for _, d := range []string{specDir, keys} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(specDir, "main.hcl"), []byte(planFileSpec), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(specDir, "dotenv"), []byte("DB_PASSWORD = \"hunter2-prod\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := Main(args, strings.NewReader(""), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	t.Setenv("AWS_ENDPOINT_URL", m1.URL)
	if code, _, stderr := run("plan", "-skip-lint", "-out", plan, specDir); code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	t.Setenv("AWS_ENDPOINT_URL", proxy.URL)
	proxyPlan := filepath.Join(dir, "proxy.json")
	if code, _, stderr := run("plan", "-skip-lint", "-out", proxyPlan, specDir); code != 0 {
		t.Fatalf("plan through the proxy: exit %d\n%s", code, stderr)
	}

	otherSpec := edited(t, plan, func(d map[string]any) { d["spec"] = filepath.Join(specDir, "dotenv") })
	tests := []struct {
		name     string
		endpoint string // AWS_ENDPOINT_URL at apply
		region   string
		backend  *url.URL
		file     string
		args     []string
		want     string // on stderr after "Error: "
	}{
		{"another endpoint (the repro)", m2.URL, "us-east-1", u1, plan, nil,
			"the plan was made against " + m1.URL + ", but apply connects to " + m2.URL},
		{"-endpoint-url other than the plan's", m1.URL, "us-east-1", u1, plan, []string{"-endpoint-url", m2.URL},
			"the plan was made against " + m1.URL + ", but apply connects to " + m2.URL + " (-endpoint-url)"},
		{"-profile with a plan made without", m1.URL, "us-east-1", u1, plan, []string{"-profile", "prod"},
			`the plan was made with no profile (the default credential chain), but apply uses profile "prod" (-profile)`},
		// Review sec2 F2: apply connected with the file's connect, so a
		// file edited to another endpoint sent everything there.
		{"file edited to another endpoint", m1.URL, "us-east-1", u1, edited(t, plan, func(d map[string]any) {
			d["connect"] = map[string]any{"endpoint_url": m2.URL}
			d["plan"].(map[string]any)["endpoint"] = m2.URL
		}), nil, "the plan was made against " + m2.URL + ", but apply connects to " + m1.URL + " (AWS_ENDPOINT_URL)"},
		{"file edited to another profile", m1.URL, "us-east-1", u1, edited(t, plan, func(d map[string]any) {
			d["connect"] = map[string]any{"profile": "attacker"}
		}), nil, `the plan was made with profile "attacker", but apply uses no profile`},
		{"file edited to assume a role", m1.URL, "us-east-1", u1, edited(t, plan, func(d map[string]any) {
			d["connect"] = map[string]any{"assume_role_arn": "arn:aws:iam::222222222222:role/x"}
		}), nil, `the plan was made assuming role "arn:aws:iam::222222222222:role/x", but apply runs without -assume-role-arn`},
		// Review sec2 F4: the saved changes were never compared, so a file
		// edited to drop a change showed one thing and applied another.
		{"file edited to drop a change", m1.URL, "us-east-1", u1, edited(t, plan, func(d map[string]any) {
			p := d["plan"].(map[string]any)
			cs := p["changes"].([]any)
			p["changes"] = cs[:len(cs)-1]
		}), nil, "the plan file's changes are not the plan apply made: the plan file has 8 changes, apply's plan 9: change 9, "},
		{"file edited to relabel a risk", m1.URL, "us-east-1", u1, edited(t, plan, func(d map[string]any) {
			d["plan"].(map[string]any)["changes"].([]any)[0].(map[string]any)["risk"] = "loosen"
		}), nil, `the plan file's changes are not the plan apply made: change 1, "bucket.teramot-planfile-data", has risk "loosen" in the file, "neutral" in apply's plan`},
		// Review sec2 F3: the spec of a plan file is what plan takes.
		{"file edited to another spec", m1.URL, "us-east-1", u1, otherSpec, nil,
			"plan file " + otherSpec + " names spec \"" + filepath.Join(specDir, "dotenv") + "\", which is neither a directory nor a .hcl file"},
		{"another account behind the same endpoint", proxy.URL, "us-east-1", u2, proxyPlan, nil,
			"the plan was made for account 111122223333, but the credentials are for account 222222222222"},
		{"another default region", m1.URL, "eu-west-1", u1, plan, nil,
			`the plan was made with default region "us-east-1", but apply runs with "eu-west-1"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("AWS_ENDPOINT_URL", tc.endpoint)
			t.Setenv("AWS_REGION", tc.region)
			backend.Store(tc.backend)
			args := append(append([]string{"apply", "-skip-lint", "-key-dir", keys}, tc.args...), tc.file)
			code, stdout, stderr := run(args...)
			if code != 1 || !strings.Contains(stderr, "Error: "+tc.want) {
				t.Fatalf("exit %d, want 1 with %q\nstdout:\n%s\nstderr:\n%s", code, tc.want, stdout, stderr)
			}
			if strings.Contains(stdout, "Apply complete") {
				t.Errorf("applied:\n%s", stdout)
			}
			if strings.Contains(stdout+stderr, "hunter2") {
				t.Errorf("the dotenv file was printed:\n%s%s", stdout, stderr)
			}
		})
	}
	// Nothing was written to the other account: a plan there still
	// creates everything.
	t.Setenv("AWS_ENDPOINT_URL", m2.URL)
	t.Setenv("AWS_REGION", "us-east-1")
	if code, stdout, _ := run("plan", "-skip-lint", specDir); code != 0 || !strings.Contains(stdout, "Plan: 9 to add, 0 to change") {
		t.Errorf("account 222222222222 after the refused applies: exit %d\n%s", code, stdout)
	}
	// Where it was made, with the same flags as plan, it applies.
	t.Setenv("AWS_ENDPOINT_URL", m1.URL)
	code, stdout, stderr := run("apply", "-skip-lint", "-key-dir", keys, "-region", "us-east-1", "-endpoint-url", m1.URL, plan)
	if code != 0 || !strings.Contains(stdout, "Apply complete! Resources: 9 added") {
		t.Fatalf("apply where the plan was made: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// edited writes a copy of the plan file path changed by edit, as whoever
// can edit a CI artifact could, and returns its path.
func edited(t *testing.T, path string, edit func(map[string]any)) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	edit(d)
	if b, err = json.Marshal(d); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "edited.json")
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}
