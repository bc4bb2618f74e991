package hardening

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (path -> content; content "->TARGET" makes a
// symbolic link) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const decoy = "DECOY-CONTENT-7f3a"

// hostEnv points every place a tool might look for credentials or
// configuration at decoy files outside the spec, and returns those files.
func hostEnv(t *testing.T) (env, decoys []string) {
	home := realPath(t, t.TempDir())
	writeTree(t, home, map[string]string{
		".aws/credentials": "[default]\naws_access_key_id = " + decoy + "\n",
		".aws/config":      "[default]\nregion = us-east-1\n",
		".teramotc.hcl":    "# " + decoy + "\n",
		"terraform.tfvars": "x = \"" + decoy + "\"\n",
	})
	env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "TERAMOTC_CONFIG="}
	for _, f := range []string{".aws/credentials", ".aws/config", ".teramotc.hcl", "terraform.tfvars"} {
		decoys = append(decoys, filepath.Join(home, f))
	}
	return env, decoys
}

// TestOfflineCommandsReadOnlyTheSpec traces every file the offline commands
// open on a valid spec that reads a file through file(), with a -var-file:
// they may open the spec's files, the -var-file, their output and system
// libraries, and nothing else: no AWS credentials or config, no
// terraform.tfvars or *.auto.tfvars (a -var-file is read only as given), no
// socket.
func TestOfflineCommandsReadOnlyTheSpec(t *testing.T) {
	strace := straceBin(t)
	bin := teramotc(t)
	base := realPath(t, t.TempDir())
	root := filepath.Join(base, "spec")
	writeTree(t, base, map[string]string{
		"spec/main.hcl": `variable "owner" {
  type = string
}

bucket "data" {
  name   = "teramot-trace"
  region = "us-east-1"
  tags = {
    owner = var.owner
    note  = trimspace(file("notes/owner.txt"))
  }
}
`,
		"spec/notes/owner.txt":   "platform\n",
		"spec/terraform.tfvars":  `owner = "` + decoy + `"`,
		"spec/x.auto.tfvars":     `owner = "` + decoy + `"`,
		"vars/ci.tfvars":         `owner = "data-team"`,
		"vars/unused.tfvars":     `owner = "` + decoy + `"`,
		"sibling/secret.txt":     decoy,
		"sibling/other-spec.hcl": `bucket "x" { name = "` + decoy + `" }`,
	})
	varFile := filepath.Join(base, "vars", "ci.tfvars")
	out := filepath.Join(base, "out")
	env, decoys := hostEnv(t)
	decoys = append(decoys, filepath.Join(root, "terraform.tfvars"), filepath.Join(root, "x.auto.tfvars"),
		filepath.Join(base, "vars", "unused.tfvars"), filepath.Join(base, "sibling", "secret.txt"))
	tests := []struct {
		name    string
		args    []string
		allowed []string
	}{
		{"validate", []string{"validate", "-var-file", varFile, root}, nil},
		{"lint", []string{"lint", "-no-fail", "-f", "sarif", "-var-file", varFile, root}, nil},
		{"render", []string{"render", "-var-file", varFile, root, "-o", out}, []string{out}},
		{"render stdout", []string{"render", "-var-file", varFile, root, "-o", "-"}, nil},
		{"inspect", []string{"inspect", "-var-file", varFile, root}, nil},
		// fmt formats every .hcl and .tfvars file of the directory it is given.
		{"fmt", []string{"fmt", "-check", root}, []string{filepath.Join(root, "terraform.tfvars"), filepath.Join(root, "x.auto.tfvars")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := traceRun(t, strace, bin, base, env, tc.args...)
			if r.code != 0 {
				t.Fatalf("exit %d:\n%s", r.code, head(r.out))
			}
			if strings.Contains(r.out, decoy) {
				t.Errorf("output shows a file the command must not read:\n%s", head(r.out))
			}
			allowed := append([]string{root, varFile, bin, filepath.Dir(bin)}, tc.allowed...)
			for _, p := range r.opened {
				if slices.Contains(decoys, p) && !slices.Contains(tc.allowed, p) {
					t.Errorf("opened %s", p)
				}
			}
			if bad := outside(r.opened, allowed...); len(bad) > 0 {
				t.Errorf("opened files outside the spec root, the -var-file and the output:\n  %s", strings.Join(bad, "\n  "))
			}
			if len(r.network) > 0 {
				t.Errorf("network system calls:\n  %s", strings.Join(r.network, "\n  "))
			}
		})
	}
}

// TestFileAccessConfined gives specs that try to read outside their root
// through file(), templatefile() and symbolic links: each is refused with a
// diagnostic at the offending line, and the file outside is never opened.
func TestFileAccessConfined(t *testing.T) {
	strace := straceBin(t)
	bin := teramotc(t)
	base := realPath(t, t.TempDir())
	secret := filepath.Join(base, "secret.txt")
	writeTree(t, base, map[string]string{"secret.txt": decoy, "secret.hcl": "# " + decoy + "\n"})
	spec := func(expr string) string {
		return "bucket \"data\" {\n  name   = \"teramot-confine\"\n  region = \"us-east-1\"\n  tags = {\n    x = " + expr + "\n  }\n}\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // in the output
		line  string // "FILE:LINE" relative to the spec root
	}{
		{"file absolute", map[string]string{"main.hcl": spec(`file("` + secret + `")`)}, "absolute paths are not allowed", "main.hcl:5"},
		{"file dotdot", map[string]string{"main.hcl": spec(`file("../secret.txt")`)}, `may not contain ".."`, "main.hcl:5"},
		{"file dotdot inside", map[string]string{"main.hcl": spec(`file("a/../../secret.txt")`), "a/x": ""}, `may not contain ".."`, "main.hcl:5"},
		{"file symlink", map[string]string{"main.hcl": spec(`file("link.txt")`), "link.txt": "->" + secret}, "outside the spec directory", "main.hcl:5"},
		{"file symlinked dir", map[string]string{"main.hcl": spec(`file("d/secret.txt")`), "d": "->" + base}, "outside the spec directory", "main.hcl:5"},
		{"templatefile absolute", map[string]string{"main.hcl": spec(`templatefile("` + secret + `", {})`)}, "absolute paths are not allowed", "main.hcl:5"},
		{"templatefile dotdot", map[string]string{"main.hcl": spec(`templatefile("../secret.txt", {})`)}, `may not contain ".."`, "main.hcl:5"},
		{"template calls file", map[string]string{"main.hcl": spec(`templatefile("t.tmpl", {})`), "t.tmpl": `${file("` + secret + `")}`}, "absolute paths are not allowed", "main.hcl:5"},
		{"template recursion", map[string]string{"main.hcl": spec(`templatefile("t.tmpl", {})`), "t.tmpl": `${templatefile("t.tmpl", {})}`}, "templatefile", "main.hcl:5"},
		{"spec file symlink", map[string]string{"main.hcl": spec(`"ok"`), "z.hcl": "->" + filepath.Join(base, "secret.hcl")}, "File outside the spec root", "z.hcl:1"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := filepath.Join(base, "spec"+strings.Repeat("x", i))
			writeTree(t, root, tc.files)
			for _, args := range [][]string{{"validate", root}, {"lint", "-f", "compact", root}, {"render", root, "-o", "-"}, {"inspect", root}} {
				r := traceRun(t, strace, bin, base, nil, args...)
				if r.code != 1 {
					t.Errorf("%s: exit %d, want 1:\n%s", args[0], r.code, head(r.out))
				}
				if !strings.Contains(r.out, tc.want) {
					t.Errorf("%s: output lacks %q:\n%s", args[0], tc.want, head(r.out))
				}
				file, line, _ := strings.Cut(tc.line, ":")
				where := filepath.Join(root, file) + " line " + line
				if args[0] == "lint" {
					where = filepath.Join(root, file) + ":" + line + ":"
				}
				if !strings.Contains(r.out, where) {
					t.Errorf("%s: output does not point at %q:\n%s", args[0], where, head(r.out))
				}
				if strings.Contains(r.out, decoy) {
					t.Errorf("%s: output shows the file outside the root:\n%s", args[0], head(r.out))
				}
				for _, p := range r.opened {
					if p == secret || p == filepath.Join(base, "secret.hcl") {
						t.Errorf("%s opened %s", args[0], p)
					}
				}
			}
		})
	}
}

// TestVarFileRunsNoCode: a -var-file holds plain values; a function call or
// reference in it is refused at its line and reads nothing.
func TestVarFileRunsNoCode(t *testing.T) {
	strace := straceBin(t)
	bin := teramotc(t)
	base := realPath(t, t.TempDir())
	secret := filepath.Join(base, "secret.txt")
	writeTree(t, base, map[string]string{
		"secret.txt":    decoy,
		"spec/main.hcl": "variable \"owner\" {\n  type = string\n}\n\nbucket \"data\" {\n  name   = \"teramot-varfile\"\n  region = \"us-east-1\"\n  tags   = { owner = var.owner }\n}\n",
		"evil.tfvars":   "# reads a file\nowner = file(\"" + secret + "\")\n",
	})
	varFile := filepath.Join(base, "evil.tfvars")
	for _, cmd := range []string{"validate", "lint", "render", "inspect"} {
		args := []string{cmd, "-var-file", varFile, filepath.Join(base, "spec")}
		if cmd == "render" {
			args = append(args, "-o", "-")
		}
		r := traceRun(t, strace, bin, base, nil, args...)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1:\n%s", cmd, r.code, head(r.out))
		}
		if !strings.Contains(r.out, "Function calls not allowed") || !strings.Contains(r.out, varFile) {
			t.Errorf("%s: no diagnostic at the -var-file:\n%s", cmd, head(r.out))
		}
		if strings.Contains(r.out, decoy) || slices.Contains(r.opened, secret) {
			t.Errorf("%s read %s", cmd, secret)
		}
	}
}
