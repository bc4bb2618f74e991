package render

import (
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWriteOwnsOnlyItsFiles: Write removes only files the previous manifest
// lists, overwrites only those (or files already holding the rendered
// bytes), and never follows a link out of DIR.
func TestWriteOwnsOnlyItsFiles(t *testing.T) {
	minimal := mustRender(t, minimalModel())
	role := mustRender(t, guideModel(true))
	const versioning = "buckets/teramot-minimal-example/versioning.json"
	minimalBuckets := paths(minimal)[:6]
	tests := []struct {
		name  string
		setup func(t *testing.T, sb sandbox)
		// conflicts are the paths of the *ConflictError Write must return,
		// changing nothing; when nil, Write must succeed.
		conflicts []string
		keep      map[string]string // path ("@/x" outside DIR) -> content still there
		links     []string          // links still there
		gone      []string
	}{
		{
			name: "unknown files survive without a manifest",
			setup: func(t *testing.T, sb sandbox) {
				sb.put(t, "buckets/modules/main.tf", "x")
				sb.put(t, "buckets/readme.md", "y")
				sb.put(t, "grants/x.json", "z")
				sb.put(t, "grants/old/identity-policy.json", "{}")
				sb.put(t, "buckets/teramot-minimal-example/tagging.json", "t")
				sb.put(t, "README.md", "mine")
			},
			keep: map[string]string{"buckets/modules/main.tf": "x", "buckets/readme.md": "y", "grants/x.json": "z",
				"grants/old/identity-policy.json": "{}", "buckets/teramot-minimal-example/tagging.json": "t", "README.md": "mine"},
		},
		{
			name: "stale files of an earlier render are removed with their empty directories",
			setup: func(t *testing.T, sb sandbox) {
				sb.write(t, role)
				sb.put(t, "grants/teramot/identity-policy.json", "edited since")
			},
			gone: []string{"grants", "trails", "buckets/teramot-data-acme", "buckets/acme-teramot-logs"},
		},
		{
			name: "unknown files next to stale ones survive",
			setup: func(t *testing.T, sb sandbox) {
				sb.write(t, role)
				sb.put(t, "grants/teramot/notes.md", "n")
				sb.put(t, "buckets/teramot-data-acme/tagging.json.bak", "b")
				sb.put(t, "trails/empty/.keep", "")
			},
			keep: map[string]string{"grants/teramot/notes.md": "n", "buckets/teramot-data-acme/tagging.json.bak": "b", "trails/empty/.keep": ""},
			gone: []string{"grants/teramot/identity-policy.json", "grants/teramot/trust-policy.json",
				"buckets/teramot-data-acme/versioning.json", "trails/teramot-data", "buckets/acme-teramot-logs"},
		},
		{
			name: "manifest entries that escape DIR or are not rendered files are ignored",
			setup: func(t *testing.T, sb sandbox) {
				sb.put(t, "@/keep.json", "o")
				sb.put(t, "src/main.go", "m")
				sb.put(t, "buckets/x/main.tf", "t")
				sb.put(t, "grants/a/b/identity-policy.json", "g")
				sb.put(t, "trails/x/versioning.json", "v")
				sb.put(t, "buckets/x/versioning.json", "w")
				sb.put(t, "manifest.json", manifestListing("../outside/keep.json", sb.path("@/keep.json"),
					"buckets/../../outside/keep.json", "src/main.go", "buckets/x/main.tf",
					"grants/a/b/identity-policy.json", "trails/x/versioning.json", "buckets/./x/versioning.json"))
			},
			keep: map[string]string{"@/keep.json": "o", "src/main.go": "m", "buckets/x/main.tf": "t",
				"grants/a/b/identity-policy.json": "g", "trails/x/versioning.json": "v", "buckets/x/versioning.json": "w"},
		},
		{
			name: "links inside DIR listed in the manifest are not followed",
			setup: func(t *testing.T, sb sandbox) {
				sb.put(t, "@/versioning.json", "o")
				sb.put(t, "@/identity-policy.json", "i")
				sb.link(t, "buckets/old", "@/")
				sb.link(t, "grants/g/identity-policy.json", "@/identity-policy.json")
				sb.put(t, "manifest.json", manifestListing("buckets/old/versioning.json", "grants/g/identity-policy.json"))
			},
			keep:  map[string]string{"@/versioning.json": "o", "@/identity-policy.json": "i"},
			links: []string{"buckets/old", "grants/g/identity-policy.json"},
		},
		{
			name:      "a rendered directory that is a link out of DIR is refused",
			setup:     func(t *testing.T, sb sandbox) { sb.link(t, "buckets/teramot-minimal-example", "@/") },
			conflicts: minimalBuckets,
		},
		{
			name: "a rendered file that is a link is refused even when listed",
			setup: func(t *testing.T, sb sandbox) {
				sb.write(t, minimal)
				sb.put(t, "@/target.json", "o")
				sb.link(t, versioning, "@/target.json")
			},
			conflicts: []string{versioning},
		},
		{
			name:      "an unknown file in the way is refused",
			setup:     func(t *testing.T, sb sandbox) { sb.put(t, versioning, "mine") },
			conflicts: []string{versioning},
		},
		{
			name:  "an unknown file holding the rendered bytes is taken over",
			setup: func(t *testing.T, sb sandbox) { sb.put(t, versioning, string(Marshal(doc(minimal, versioning)))) },
		},
		{
			name:      "a manifest.json render did not write is refused",
			setup:     func(t *testing.T, sb sandbox) { sb.put(t, "manifest.json", `{"name": "web-app"}`) },
			conflicts: []string{"manifest.json"},
		},
		{
			name: "a manifest of another format version is not trusted",
			setup: func(t *testing.T, sb sandbox) {
				sb.write(t, role)
				sb.put(t, "manifest.json", `{"format_version": 2, "files": [{"path": "grants/teramot/identity-policy.json"}]}`)
			},
			conflicts: []string{"manifest.json"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := newSandbox(t)
			tt.setup(t, sb)
			before := sb.snapshot(t)
			err := Write(minimal, sb.dir)
			if tt.conflicts != nil {
				var cerr *ConflictError
				if !errors.As(err, &cerr) {
					t.Fatalf("Write = %v, want a *ConflictError", err)
				}
				var got []string
				for _, c := range cerr.Files {
					got = append(got, c.Path)
				}
				if diff := cmp.Diff(tt.conflicts, got); diff != "" {
					t.Errorf("conflicts (-want +got):\n%s", diff)
				}
				if diags := cerr.Diagnostics(); len(diags) != len(got) || diags[0].Detail == "" {
					t.Errorf("diagnostics %v, want one with a detail per conflict", diags)
				}
				if diff := cmp.Diff(before, sb.snapshot(t)); diff != "" {
					t.Errorf("a refused Write changed files (-before +after):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			if stale, err := Check(minimal, sb.dir); err != nil || len(stale) != 0 {
				t.Errorf("after Write: stale %v, err %v", stale, err)
			}
			for p, want := range tt.keep {
				if b, err := os.ReadFile(sb.path(p)); err != nil || string(b) != want {
					t.Errorf("%s = %q (%v), want %q untouched", p, b, err, want)
				}
			}
			for _, p := range tt.links {
				if info, err := os.Lstat(sb.path(p)); err != nil || info.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("link %s is gone or replaced (%v)", p, err)
				}
			}
			for _, p := range tt.gone {
				if _, err := os.Lstat(sb.path(p)); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s still exists (err %v)", p, err)
				}
			}
		})
	}
}
