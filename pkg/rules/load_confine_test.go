package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirModulesConfined: a policy file that resolves outside the policy
// directory is refused before it is read; its content is in no diagnostic.
// Links that stay inside are followed.
func TestDirModulesConfined(t *testing.T) {
	const secret = "SECRET_TOKEN=ghs_confinedsecretvalue"
	outside := filepath.Join(t.TempDir(), "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	secretFile := filepath.Join(outside, "env")
	if err := os.WriteFile(secretFile, []byte(secret+"\x00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := "package acme.ok\n\nimport rego.v1\n\nx := 1\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		arg   string // relative to dir; "" is dir itself
		want  string // the summary of the error; "" for none
	}{
		{"link to a file outside", func(t *testing.T, dir string) {
			link(t, secretFile, filepath.Join(dir, "env.rego"))
		}, "", outsideSummary},
		{"link to /proc/self/environ", func(t *testing.T, dir string) {
			link(t, "/proc/self/environ", filepath.Join(dir, "env.rego"))
		}, "", outsideSummary},
		{"link to the parent's file", func(t *testing.T, dir string) {
			writePolicy(t, filepath.Join(dir, "up.rego"), secret)
			link(t, "../up.rego", filepath.Join(dir, "sub", "up.rego"))
		}, "sub", outsideSummary},
		{"dangling link out", func(t *testing.T, dir string) {
			link(t, "../../missing.rego", filepath.Join(dir, "gone.rego"))
		}, "", outsideSummary},
		{"dangling link inside", func(t *testing.T, dir string) {
			link(t, "missing.rego", filepath.Join(dir, "gone.rego"))
		}, "", "Cannot read policies"},
		{"link in a subdirectory", func(t *testing.T, dir string) {
			link(t, secretFile, filepath.Join(dir, "a", "b", "env.rego"))
		}, "", outsideSummary},
		{"single file named that links out", func(t *testing.T, dir string) {
			link(t, secretFile, filepath.Join(dir, "env.rego"))
		}, "env.rego", outsideSummary},
		{"test file that links out", func(t *testing.T, dir string) {
			link(t, secretFile, filepath.Join(dir, "env_test.rego"))
		}, "", outsideSummary},
		{"link inside the directory", func(t *testing.T, dir string) {
			writePolicy(t, filepath.Join(dir, "real", "ok.txt"), good)
			link(t, "real/ok.txt", filepath.Join(dir, "ok.rego"))
		}, "", ""},
		{"link to a directory inside", func(t *testing.T, dir string) {
			writePolicy(t, filepath.Join(dir, "real", "ok.rego"), good)
			link(t, "real", filepath.Join(dir, "dir.rego"))
		}, "", "Cannot read policies"},
		{"linked directory outside is not walked", func(t *testing.T, dir string) {
			writePolicy(t, filepath.Join(outside, "d", "x.rego"), secret)
			link(t, filepath.Join(outside, "d"), filepath.Join(dir, "linked"))
			writePolicy(t, filepath.Join(dir, "ok.rego"), good)
		}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "policy")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, dir)
			for _, tests := range []bool{false, true} {
				mods, err := DirModules(filepath.Join(dir, tc.arg), tests)
				if tc.want == "" {
					if err != nil {
						t.Fatalf("DirModules: %v", err)
					}
					for _, m := range mods {
						if strings.Contains(string(m.Source), "SECRET_TOKEN") {
							t.Fatalf("%s: read a file outside the policy directory", m.File)
						}
					}
					continue
				}
				var pe *PolicyError
				if !errors.As(err, &pe) {
					if strings.Contains(tc.name, "test file") && !tests {
						continue // *_test.rego is not read without tests
					}
					t.Fatalf("tests=%v: want a *PolicyError, got %v (%d modules)", tests, err, len(mods))
				}
				if got := pe.Diags[0].Summary; got != tc.want {
					t.Errorf("summary %q, want %q", got, tc.want)
				}
				if strings.Contains(err.Error(), "SECRET_TOKEN") || len(pe.Files) > 0 {
					t.Errorf("the diagnostic shows the linked file: %v", err)
				}
			}
		})
	}
}

const outsideSummary = "Policy file outside the policy directory"

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, target, name)
}

func writePolicy(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
