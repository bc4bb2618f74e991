package hardening

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestNoSecretInPlanOrApply runs plan (every format, and -out plan files)
// and apply (from the spec and from a saved plan) on the secret corpus
// against moto_server. No output and no plan file may hold a sensitive
// value, a key written in the spec, or the access key apply creates (which
// goes to a 0600 file in -key-dir and nowhere else).
//
// It first runs them against fake endpoints whose error messages quote
// credentials (no moto needed): AWS error text is printed masked.
func TestNoSecretInPlanOrApply(t *testing.T) {
	bin := teramotc(t)
	t.Run("AWS error text", func(t *testing.T) { testAWSErrorsRedacted(t, bin) })
	moto := testenv.StartMoto(t)
	for _, c := range corpus(t) {
		t.Run(c.name, func(t *testing.T) {
			keyDir := t.TempDir()
			env := moto.Env()
			var extra []string
			if strings.HasPrefix(c.name, "key-") {
				extra = []string{"-skip-lint"} // TMC705 blocks plan and apply, as it should
			}
			var outputs []string
			record := func(what string, args ...string) {
				t.Helper()
				text, code := runBin(t, bin, env, args...)
				if code != 0 {
					t.Fatalf("%s exited %d:\n%s", what, code, head(text))
				}
				outputs = append(outputs, what+"\n"+text)
				if slices.Contains(args, "-json") || slices.Contains(args, "json") {
					// The event stream escapes text (quotes, control
					// characters): check the decoded strings too.
					outputs = append(outputs, what+" (decoded)\n"+decodedEvents(t, what, text))
				}
			}
			ways := slices.Sorted(maps.Keys(c.ways))
			for i, wayName := range ways {
				w := c.ways[wayName]
				env = append(moto.Env(), w.env...)
				vars := append(append([]string{}, extra...), w.args...)
				planFile := filepath.Join(t.TempDir(), "plan.json")
				for _, f := range []string{"text", "json", "markdown"} {
					record("plan -f "+f+" "+wayName, append(append([]string{"plan", "-f", f}, vars...), c.spec)...)
				}
				record("plan -out "+wayName, append(append([]string{"plan", "-out", planFile}, vars...), c.spec)...)
				b, err := os.ReadFile(planFile)
				if err != nil {
					t.Fatal(err)
				}
				outputs = append(outputs, "plan file "+wayName+"\n"+string(b))
				if i == 0 {
					record("apply -json plan file "+wayName, append(append([]string{"apply", "-json", "-key-dir", keyDir}, vars...), planFile)...)
				}
				record("apply "+wayName, append(append([]string{"apply", "-auto-approve", "-key-dir", keyDir}, vars...), c.spec)...)
			}
			if c.names != nil {
				// The labels were masked only in the output: apply created
				// the trail under its real name, so a new plan finds it.
				record("plan after apply", append(append([]string{"plan", "-detailed-exitcode"}, extra...), c.spec)...)
				if last := outputs[len(outputs)-1]; !strings.Contains(last, "No changes.") {
					t.Errorf("plan after apply found changes:\n%s", head(last))
				}
			}
			if c.name == "sensitive-role" {
				// Importing the applied role writes a spec that leaves the
				// external id to a sensitive variable.
				dir := filepath.Join(t.TempDir(), "imported")
				record("import", "import", "-bucket", "teramot-secret-corpus", "-role", "partner-access", "-o", dir)
				b, err := os.ReadFile(filepath.Join(dir, "main.hcl"))
				if err != nil {
					t.Fatal(err)
				}
				outputs = append(outputs, "imported main.hcl\n"+string(b))
			}
			secrets := append(slices.Clone(c.secrets), createdKeys(t, keyDir)...)
			for _, out := range outputs {
				what, text, _ := strings.Cut(out, "\n")
				assertNoSecret(t, what, text, secrets)
			}
		})
	}
}

// decodedEvents returns every string in the JSON event lines of out (a
// plan or apply -json run's stdout and stderr), unescaped, one a line. A
// line that starts like an event but does not parse is an error.
func decodedEvents(t *testing.T, what, out string) string {
	t.Helper()
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v + "\n")
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				b.WriteString(k + "\n")
				walk(e)
			}
		}
	}
	events := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("%s printed a line that is not a JSON event: %v: %s", what, err, line)
			continue
		}
		events++
		walk(v)
	}
	if events == 0 {
		t.Errorf("%s printed no JSON events:\n%s", what, head(out))
	}
	return b.String()
}

// createdKeys returns the access key ids and secrets apply wrote to dir,
// checking that each file is mode 0600.
func createdKeys(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, info.Mode().Perm())
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var k struct{ AccessKeyId, SecretAccessKey string }
		if err := json.Unmarshal(b, &k); err != nil || k.SecretAccessKey == "" {
			t.Errorf("%s is not an access key file: %v", f, err)
			continue
		}
		keys = append(keys, k.AccessKeyId, k.SecretAccessKey)
	}
	return keys
}
