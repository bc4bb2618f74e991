package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// linkLayout makes, in a new working directory: real/sub, real/inner ->
// real/sub, link -> real, dangling -> missing, and, outside the working
// directory, out/ and away -> out. It changes into the working directory
// and returns the directory holding out and away.
func linkLayout(t *testing.T) (outside string) {
	t.Helper()
	wd, outside := t.TempDir(), t.TempDir()
	for _, d := range []string{filepath.Join(wd, "real", "sub"), filepath.Join(outside, "out")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		filepath.Join(wd, "real", "inner"): filepath.Join(wd, "real", "sub"),
		filepath.Join(wd, "link"):          filepath.Join(wd, "real"),
		filepath.Join(wd, "dangling"):      filepath.Join(wd, "missing"),
		filepath.Join(outside, "away"):     filepath.Join(outside, "out"),
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(wd)
	return outside
}

func TestRefuseLinks(t *testing.T) {
	outside := linkLayout(t)
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, outside)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		link       string // the link named by the *LinkError; "" for none
	}{
		{"missing", "new/dir/file", ""},
		{"directory", "real/sub", ""},
		{"file to create in a directory", "real/sub/x.json", ""},
		{"link", "link", "link"},
		{"under a link", "link/sub/x.json", "link"},
		{"link deeper down", "real/inner/x.json", filepath.Join("real", "inner")},
		{"dangling link", "dangling", "dangling"},
		{"dangling link as a parent", "dangling/x", "dangling"},
		{"absolute path below the working directory", filepath.Join(wd, "link", "x"), filepath.Join(wd, "link")},
		{"absolute path outside: its directories are followed", filepath.Join(outside, "away", "x"), ""},
		{"absolute path outside that is a link", filepath.Join(outside, "away"), filepath.Join(outside, "away")},
		{"relative path outside: its directories are followed", filepath.Join(rel, "away", "x"), ""},
		{"relative path outside that is a link", filepath.Join(rel, "away"), filepath.Join(rel, "away")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := RefuseLinks(tt.path)
			le, ok := errors.AsType[*LinkError](err)
			switch {
			case tt.link == "" && err != nil:
				t.Errorf("RefuseLinks(%q) = %v, want nil", tt.path, err)
			case tt.link != "" && (!ok || le.Path != tt.link):
				t.Errorf("RefuseLinks(%q) = %v, want a *LinkError naming %s", tt.path, err, tt.link)
			}
		})
	}
}

// TestWriteRefusesLinkedDir: render -o DIR and -check DIR (Write, WriteFile,
// Check, ReadFile) never write or read through DIR when it, or a directory
// leading to it in the working directory, is a symbolic link: a repository
// could commit "rendered -> /elsewhere".
func TestWriteRefusesLinkedDir(t *testing.T) {
	out := mustRender(t, minimalModel())
	ops := map[string]func(dir string) error{
		"Write":     func(dir string) error { return Write(out, dir) },
		"WriteFile": func(dir string) error { return WriteFile(dir, "aws-cli.sh", []byte("x"), 0o644) },
		"Check":     func(dir string) error { _, err := Check(out, dir); return err },
		"ReadFile":  func(dir string) error { _, err := ReadFile(dir, ManifestPath); return err },
	}
	dirs := []struct{ name, dir, link string }{
		{"link to a directory outside", "away", "away"},
		{"directory under a link", "link/sub", "link"},
		{"link in the middle", "real/inner/rendered", filepath.Join("real", "inner")},
	}
	for opName, op := range ops {
		for _, d := range dirs {
			t.Run(opName+"/"+d.name, func(t *testing.T) {
				outside := linkLayout(t)
				if err := os.Symlink(filepath.Join(outside, "out"), "away"); err != nil {
					t.Fatal(err)
				}
				if opName == "Check" || opName == "ReadFile" { // something to read
					if err := Write(out, filepath.Join(outside, "out")); err != nil {
						t.Fatal(err)
					}
				}
				before, before2 := entries(t, filepath.Join(outside, "out")), entries(t, "real")
				err := op(d.dir)
				if le, ok := errors.AsType[*LinkError](err); !ok || le.Path != d.link {
					t.Fatalf("%s(%q) = %v, want a *LinkError naming %s", opName, d.dir, err, d.link)
				}
				if after := entries(t, filepath.Join(outside, "out")); after != before {
					t.Errorf("%s wrote through the link: %d entries outside, want %d", opName, after, before)
				}
				if after := entries(t, "real"); after != before2 {
					t.Errorf("%s wrote through the link: %d entries under real/, want %d", opName, after, before2)
				}
			})
		}
	}
}

// entries counts the files and directories under dir.
func entries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(string, fs.DirEntry, error) error { n++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return n
}
