package hardening

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The secrets of the corpus under testdata/secrets.
const (
	externalID = "ext-Secret-9f2b7c41d0e8a5c7e1"
	orgID      = "o-secretorg7x2q"
	team       = "team-Secret-41d9"
	accessKey  = "AKIAZ7QXJ4TVW2LEAKED"
	secretKey  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDSECRET"
	varFileKey = "AKIAQ2W3E4R5T6Y7U8VF"
	varFileSec = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpr"
	// Block labels of key-as-label: a bucket's, a grant's and a trail's
	// (the trail's is also its AWS name).
	bucketLabel = "AKIAJ3LABELKEY7BUCKT"
	grantLabel  = "AKIAJ3LABELKEY7GRANT"
	trailLabel  = "ASIAJ3LABELKEY7TRAIL"
)

// corpusCase is one spec of the corpus with the secrets it is given or
// holds, and the ways its variables are set.
type corpusCase struct {
	name    string
	spec    string
	secrets []string
	ways    map[string]way
	// names are the secrets that are block labels: AWS names (a trail's)
	// and the directories of render -o DIR, so the files written for AWS
	// (rendered documents, manifest.json, exports) hold them; printed
	// output and lint files may not.
	names []string
}

// way is one way of giving the variables: command-line arguments and
// environment.
type way struct {
	args []string
	env  []string
}

func corpus(t *testing.T) []corpusCase {
	tmp := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	roleVars := write("role.tfvars", `external_id = "`+externalID+`"`+"\n")
	everyVars := write("every.tfvars", `org_id = "`+orgID+`"`+"\nteam = \""+team+"\"\n")
	keyVars := write("keys.tfvars", `owner = "`+varFileKey+`"`+"\n"+`aws_secret_access_key = "`+varFileSec+`"`+"\n")
	return []corpusCase{
		{"sensitive-role", repoPath("testdata", "secrets", "sensitive-role"), []string{externalID}, map[string]way{
			"env":      {nil, []string{"TERAMOTC_VAR_external_id=" + externalID}},
			"var":      {[]string{"-var", "external_id=" + externalID}, nil},
			"var-file": {[]string{"-var-file", roleVars}, nil},
		}, nil},
		{"sensitive-everywhere", repoPath("testdata", "secrets", "sensitive-everywhere"), []string{orgID, team}, map[string]way{
			"env":      {nil, []string{"TERAMOTC_VAR_org_id=" + orgID, "TERAMOTC_VAR_team=" + team}},
			"var":      {[]string{"-var", "org_id=" + orgID, "-var", "team=" + team}, nil},
			"var-file": {[]string{"-var-file", everyVars}, nil},
		}, nil},
		{"key-in-spec", repoPath("testdata", "secrets", "key-in-spec"), []string{accessKey, secretKey}, map[string]way{"": {}}, nil},
		{"key-in-var-file", repoPath("testdata", "secrets", "key-in-var-file"), []string{varFileKey, varFileSec}, map[string]way{
			"var-file": {[]string{"-var-file", keyVars}, nil},
		}, nil},
		{"key-as-label", repoPath("testdata", "secrets", "key-as-label"), []string{bucketLabel, grantLabel, trailLabel},
			map[string]way{"": {}}, []string{bucketLabel, grantLabel, trailLabel}},
	}
}

// offlineCommands are the commands run on every corpus case. Lint writes
// every format in one run: text to stdout, the others to files.
func offlineCommands(out string) [][]string {
	lint := []string{"lint", "-show-suppressed", "-fail-level", "notice", "-f", "text"}
	for _, f := range []string{"compact", "json", "sarif", "junit", "checkstyle", "github"} {
		lint = append(lint, "-f", f+"="+filepath.Join(out, "lint."+f))
	}
	return [][]string{
		lint,
		{"validate"}, {"validate", "-f", "json"},
		{"inspect"},
		{"render", "-o", "-"},
		{"render", "-o", filepath.Join(out, "rendered")},
		{"render", "-format", "cloudformation", "-o", "-"},
		{"render", "-format", "terraform", "-o", "-"},
		{"render", "-format", "aws-cli", "-o", filepath.Join(out, "aws-cli")},
	}
}

// TestNoSecretInAnyOutput runs every offline command and output format on
// the secret corpus, with the sensitive values given each way a user can give
// them, and fails when a secret appears on stdout, on stderr or in a file the
// command wrote (rendered documents that must hold the value, such as a
// trust policy, are written 0600 and are the one exception).
func TestNoSecretInAnyOutput(t *testing.T) {
	bin := teramotc(t)
	for _, c := range corpus(t) {
		for wayName, w := range c.ways {
			t.Run(c.name+" "+wayName, func(t *testing.T) {
				t.Parallel()
				out := t.TempDir()
				for _, args := range offlineCommands(out) {
					args = append(append(append([]string{}, args...), w.args...), c.spec)
					text, code := runBin(t, bin, w.env, args...)
					// An export that would put a secret inside a longer
					// string (a label in an ARN) refuses, as it should.
					refused := code == 1 && strings.Contains(text, "would hold a sensitive value")
					if code != 0 && code != 2 && !refused {
						t.Errorf("teramotc %s exited %d:\n%s", strings.Join(args, " "), code, head(text))
					}
					assertNoSecret(t, "teramotc "+strings.Join(args, " "), text, c.secrets)
				}
				assertNoSecretInFiles(t, out, c.secrets, c.names)
			})
		}
	}
	// A failing validation of a sensitive value must not echo it either.
	t.Run("invalid sensitive value", func(t *testing.T) {
		bad := "x" // too short for an external id: a hard-rule error
		text, code := runBin(t, bin, nil, "validate", "-var", "external_id="+bad+"Secret'\"", repoPath("testdata", "secrets", "sensitive-role"))
		if code != 1 {
			t.Errorf("validate exited %d, want 1", code)
		}
		assertNoSecret(t, "validate", text, []string{bad + "Secret"})
	})
	// TMC705 reports every key, in the spec and in a -var-file, at its line.
	t.Run("keys are reported", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want []string
		}{
			{[]string{repoPath("testdata", "secrets", "key-in-spec")}, []string{"main.hcl:9:", "main.hcl:10:"}},
			{[]string{"-var-file", filepath.Join(t.TempDir(), "k.tfvars"), repoPath("testdata", "secrets", "key-in-var-file")}, []string{"k.tfvars:1:", "k.tfvars:2:"}},
		} {
			if len(tc.args) == 3 {
				if err := os.WriteFile(tc.args[1], []byte(`owner = "`+varFileKey+`"`+"\n"+`aws_secret_access_key = "`+varFileSec+`"`+"\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			text, code := runBin(t, bin, nil, append([]string{"lint", "-f", "compact"}, tc.args...)...)
			if code != 2 {
				t.Errorf("lint exited %d, want 2:\n%s", code, text)
			}
			for _, w := range tc.want {
				if !strings.Contains(text, w) || strings.Count(text, "TMC705") < len(tc.want) {
					t.Errorf("lint does not report TMC705 at %s:\n%s", w, text)
				}
			}
		}
	})
}

func assertNoSecret(t *testing.T, what, text string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("%s printed the secret %q:\n%s", what, s, head(text))
		}
	}
}

// assertNoSecretInFiles checks every file under dir: a file holding a secret
// must be mode 0600 and listed as sensitive by teramotc's manifest. Names
// (block labels) may be in any file but the lint outputs.
func assertNoSecretInFiles(t *testing.T, dir string, secrets, names []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		lintFile := strings.HasPrefix(filepath.Base(p), "lint.")
		for _, s := range secrets {
			if slices.Contains(names, s) && !lintFile {
				continue
			}
			if strings.Contains(string(b), s) && (info.Mode().Perm() != 0o600 || strings.HasPrefix(filepath.Base(p), "lint.") || filepath.Base(p) == "manifest.json") {
				t.Errorf("%s (mode %v) holds the secret %q", p, info.Mode().Perm(), s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runBin runs the binary in a fresh directory and returns stdout and stderr
// together, and the exit code.
func runBin(t *testing.T, bin string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	cmd.Dir = t.TempDir()
	b, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(b), code
}
