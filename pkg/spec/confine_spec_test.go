package spec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpecFileLinksConfined: a spec file that is a symbolic link to a
// hidden file inside the root (.env, .git/config, a file in a hidden
// directory) or to a file outside it is refused unread: an error at the
// link, no snippet, nothing of the target in any diagnostic or file. A
// link to a visible file inside the root, and a hidden spec file named as
// such, are read.
func TestSpecFileLinksConfined(t *testing.T) {
	const token = "ghs_TOKENvalue0123456789"
	outsideDir := writeSpec(t, map[string]string{"x.hcl": "TOKEN = \"" + token + "\"\n"})
	tests := []struct {
		name   string
		target string // the link x.hcl points to, relative to the root unless absolute
		want   []string
	}{
		{"link to .env", ".env", []string{"Link to a hidden file"}},
		{"link to .git/config", ".git/config", []string{"Link to a hidden file"}},
		{"link into a hidden directory", ".secret/vars.hcl", []string{"Link to a hidden file"}},
		{"link through a linked hidden directory", "gitdir/config", []string{"Link to a hidden file"}},
		{"link outside", filepath.Join(outsideDir, "x.hcl"), []string{"File outside the spec root"}},
		{"link to a visible file", "sub/extra.hcl", []string{"Unsupported argument"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secret := "TOKEN = \"" + token + "\"\n"
			root := writeSpec(t, map[string]string{
				"main.hcl":         minimalBucket,
				".env":             secret,
				".git/config":      secret,
				".secret/vars.hcl": secret,
				"sub/extra.hcl":    secret,
			})
			mustSymlink(t, filepath.Join(root, ".git"), filepath.Join(root, "gitdir"))
			target := tt.target
			if !filepath.IsAbs(target) {
				target = filepath.Join(root, target)
			}
			mustSymlink(t, target, filepath.Join(root, "x.hcl"))
			loaded, diags := Load(root, Options{})
			if diff := cmp.Diff(tt.want, summaries(diags)); diff != "" {
				t.Fatalf("error summaries (-want +got):\n%s\n%s", diff, diagText(diags))
			}
			refused := tt.want[0] != "Unsupported argument"
			for _, d := range diags {
				if refused && (d.Subject == nil || d.Subject.Filename != filepath.Join(root, "x.hcl")) {
					t.Errorf("the refusal is not at the link: %v", d.Subject)
				}
			}
			if f := loaded.Files[filepath.Join(root, "x.hcl")]; refused && f != nil {
				t.Errorf("the link's target was parsed: %q", f.Bytes)
			}
			if text := diagText(diags); refused && strings.Contains(text, token) {
				t.Errorf("diagnostics quote the target:\n%s", text)
			}
		})
	}
}

// TestHiddenSpecFileRead: a spec file whose own name is hidden is part of
// the spec as before: only links that lead to a hidden file are refused.
func TestHiddenSpecFileRead(t *testing.T) {
	root := writeSpec(t, map[string]string{
		"main.hcl":  minimalBucket,
		".more.hcl": "bucket \"more\" {\n  name   = \"teramot-test-more\"\n  region = \"us-east-1\"\n}\n",
	})
	s := mustLoad(t, root, Options{})
	if len(s.Buckets) != 2 {
		t.Errorf("want 2 buckets, got %d", len(s.Buckets))
	}
}
