package render

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sandbox is an output directory DIR and a sibling directory outside it.
type sandbox struct{ dir, outside string }

func newSandbox(t *testing.T) sandbox {
	base := t.TempDir()
	sb := sandbox{filepath.Join(base, "dir"), filepath.Join(base, "outside")}
	for _, d := range []string{sb.dir, sb.outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return sb
}

// path resolves p: "@/x" is x outside DIR, anything else is under DIR.
func (sb sandbox) path(p string) string {
	if rest, ok := strings.CutPrefix(p, "@/"); ok {
		return filepath.Join(sb.outside, filepath.FromSlash(rest))
	}
	return filepath.Join(sb.dir, filepath.FromSlash(p))
}

func (sb sandbox) put(t *testing.T, p, content string) {
	t.Helper()
	file := sb.path(p)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(file)
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// link makes p a symbolic link to the absolute path of target.
func (sb sandbox) link(t *testing.T, p, target string) {
	t.Helper()
	file := sb.path(p)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(file)
	if err := os.Symlink(sb.path(target), file); err != nil {
		t.Fatal(err)
	}
}

func (sb sandbox) write(t *testing.T, out *Output) {
	t.Helper()
	if err := Write(out, sb.dir); err != nil {
		t.Fatal(err)
	}
}

// manifestListing is a manifest.json of render's format listing paths.
func manifestListing(paths ...string) string {
	var b strings.Builder
	b.WriteString(`{"format_version": 1, "files": [`)
	for i, p := range paths {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"path": "` + p + `", "kind": "versioning"}`)
	}
	return b.String() + "]}\n"
}

// snapshot describes every entry under both directories of sb.
func (sb sandbox) snapshot(t *testing.T) map[string]string {
	t.Helper()
	base := filepath.Dir(sb.dir)
	snap := map[string]string{}
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			snap[rel] = "link " + target
			return err
		case d.IsDir():
			snap[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			info, _ := d.Info()
			snap[rel] = info.Mode().String() + " " + string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestWriteRefusesEscapingPaths(t *testing.T) {
	out := &Output{Documents: []*Document{{Path: "../evil.json", Content: map[string]any{}}}}
	if err := Write(out, t.TempDir()); err == nil {
		t.Fatal("Write accepted a path outside the directory")
	}
}

func TestWriteSetsModes(t *testing.T) {
	sb := newSandbox(t)
	out := mustRender(t, guideModel(true))
	trust := sb.path("grants/teramot/trust-policy.json")
	for range 2 {
		sb.write(t, out)
		info, err := os.Stat(trust)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("sensitive trust policy mode = %v (%v), want 0600", info.Mode().Perm(), err)
		}
		// A rewrite resets a mode that was loosened.
		if err := os.Chmod(trust, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	info, err := os.Stat(sb.path("grants/teramot/identity-policy.json"))
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("identity policy mode = %v (%v), want 0644", info.Mode().Perm(), err)
	}
}

func TestReadFile(t *testing.T) {
	sb := newSandbox(t)
	sb.put(t, "buckets/b/versioning.json", "mine")
	sb.put(t, "@/secret.json", "secret")
	sb.link(t, "buckets/b/logging.json", "@/secret.json")
	sb.link(t, "buckets/c", "@/")
	tests := []struct {
		name, path, want string
		err              error
	}{
		{"regular file", "buckets/b/versioning.json", "mine", nil},
		{"missing", "buckets/b/tagging.json", "", fs.ErrNotExist},
		{"link to a file outside", "buckets/b/logging.json", "", errNotRegular},
		{"under a link to a directory outside", "buckets/c/secret.json", "", errNotRegular},
		{"parent path", "../outside/secret.json", "", errNotRegular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(sb.dir, tt.path)
			if string(got) != tt.want || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Errorf("ReadFile = %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

// paths returns the sorted paths of the documents of outs.
func paths(outs ...*Output) []string {
	var ps []string
	for _, out := range outs {
		for _, d := range out.Documents {
			if !slices.Contains(ps, d.Path) {
				ps = append(ps, d.Path)
			}
		}
	}
	slices.Sort(ps)
	return ps
}

func TestCheck(t *testing.T) {
	minimal := mustRender(t, minimalModel())
	role := mustRender(t, guideModel(true))
	const versioning = "buckets/teramot-minimal-example/versioning.json"
	tests := []struct {
		name  string
		setup func(t *testing.T, sb sandbox)
		out   *Output
		want  []string
	}{
		{"missing directory", func(t *testing.T, sb sandbox) { os.Remove(sb.dir) }, minimal, paths(minimal)},
		{"empty directory", func(t *testing.T, sb sandbox) {}, minimal, paths(minimal)},
		{"unknown files are never stale", func(t *testing.T, sb sandbox) {
			sb.write(t, minimal)
			sb.put(t, "buckets/readme.md", "y")
			sb.put(t, "buckets/teramot-minimal-example/tagging.json", "{}")
			sb.put(t, "grants/old/identity-policy.json", "{}")
			sb.put(t, "README.md", "mine")
		}, minimal, nil},
		{"changed and missing documents", func(t *testing.T, sb sandbox) {
			sb.write(t, role)
			sb.put(t, "buckets/teramot-data-acme/versioning.json", "{}\n")
			os.Remove(sb.path("trails/teramot-data/trail.json"))
		}, role, []string{"buckets/teramot-data-acme/versioning.json", "trails/teramot-data/trail.json"}},
		{"files of an earlier render are stale", func(t *testing.T, sb sandbox) { sb.write(t, role) }, minimal, paths(minimal, role)},
		{"manifest entries that escape, are links or are gone are not stale", func(t *testing.T, sb sandbox) {
			sb.write(t, minimal)
			sb.put(t, "@/keep.json", "o")
			sb.put(t, "@/versioning.json", "o")
			sb.put(t, "src/main.go", "m")
			sb.link(t, "buckets/old", "@/")
			sb.link(t, "grants/g/identity-policy.json", "@/keep.json")
			sb.put(t, "manifest.json", manifestListing("../outside/keep.json", sb.path("@/keep.json"),
				"src/main.go", "buckets/old/versioning.json", "grants/g/identity-policy.json", "trails/t/trail.json"))
		}, minimal, []string{"manifest.json"}},
		{"a link to identical bytes is stale", func(t *testing.T, sb sandbox) {
			sb.write(t, minimal)
			sb.put(t, "@/v.json", string(Marshal(doc(minimal, versioning))))
			sb.link(t, versioning, "@/v.json")
		}, minimal, []string{versioning}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := newSandbox(t)
			tt.setup(t, sb)
			got, err := Check(tt.out, sb.dir)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("stale (-want +got):\n%s", diff)
			}
		})
	}
}
