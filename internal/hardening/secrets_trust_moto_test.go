package hardening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestTrustChangeReviewable changes the trusted account of an applied
// role whose external id is sensitive, and rotates the external id too:
// every printed plan (text, json, markdown, the plan file, show) must show
// the old and the new trusted account, and neither external id.
func TestTrustChangeReviewable(t *testing.T) {
	const (
		rotatedID  = "ext-Rotated-3c8e1a77b2f9d4a6b0"
		oldAccount = "913476520813"
		newAccount = "444455556666"
	)
	bin := teramotc(t)
	moto := testenv.StartMoto(t)
	env := moto.Env()
	spec := repoPath("testdata", "secrets", "sensitive-role")
	run := func(what string, args ...string) string {
		t.Helper()
		text, code := runBin(t, bin, env, args...)
		if code != 0 {
			t.Fatalf("%s exited %d:\n%s", what, code, text[max(0, len(text)-1500):])
		}
		return text
	}
	run("apply", "apply", "-auto-approve", "-var", "external_id="+externalID, spec)

	src, err := os.ReadFile(filepath.Join(spec, "main.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.MkdirAll(moved, 0o755); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), `trusted_account_id = "`+oldAccount+`"`, `trusted_account_id = "`+newAccount+`"`, 1)
	if changed == string(src) {
		t.Fatalf("the corpus role no longer trusts %s", oldAccount)
	}
	if err := os.WriteFile(filepath.Join(moved, "main.hcl"), []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(t.TempDir(), "trust.plan")
	vars := []string{"-skip-lint", "-var", "external_id=" + rotatedID} // TMC603: root of another account
	outputs := map[string]string{}
	for _, f := range []string{"text", "json", "markdown"} {
		outputs["plan -f "+f] = run("plan -f "+f, append(append([]string{"plan", "-f", f}, vars...), moved)...)
	}
	run("plan -out", append(append([]string{"plan", "-out", planFile}, vars...), moved)...)
	b, err := os.ReadFile(planFile)
	if err != nil {
		t.Fatal(err)
	}
	outputs["plan file"] = string(b)
	outputs["show"] = run("show", "show", planFile)
	outputs["plan -f json (decoded)"] = decodedEvents(t, "plan -f json", outputs["plan -f json"])
	for what, text := range outputs {
		assertNoSecret(t, what, text, []string{externalID, rotatedID})
		for _, account := range []string{oldAccount, newAccount} {
			if !strings.Contains(text, "arn:aws:iam::"+account+":root") {
				t.Errorf("%s does not show the trusted account %s:\n%s", what, account, head(text))
			}
		}
		if !strings.Contains(text, "(sensitive)") {
			t.Errorf("%s shows no masked value:\n%s", what, head(text))
		}
	}
}
