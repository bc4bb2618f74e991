package spec

import (
	"path/filepath"
	"testing"
)

// TestFileRefusesHidden: file() and templatefile() read no hidden file or
// file in a hidden directory (.git/config holds the job token of
// actions/checkout), also through a symbolic link inside the spec.
func TestFileRefusesHidden(t *testing.T) {
	root := writeSpec(t, map[string]string{
		".git/config":    "extraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu",
		".env":           "TOKEN=hidden-token",
		"sub/.aws/creds": "hidden-creds",
		"ok/data.txt":    "visible",
		"a.tpl":          `${file(".git/config")}`,
	})
	mustSymlink(t, filepath.Join(root, ".git", "config"), filepath.Join(root, "notes.txt"))
	mustSymlink(t, filepath.Join(root, ".git"), filepath.Join(root, "gitdir"))
	tests := []struct {
		expr, want, wantErr string
	}{
		{`file(".git/config")`, "", "hidden"},
		{`file("./.git/config")`, "", "hidden"},
		{`file(".git\\config")`, "", "hidden"},
		{`file(".env")`, "", "hidden"},
		{`file("sub/.aws/creds")`, "", "hidden"},
		{`templatefile(".git/config", {})`, "", "hidden"},
		{`templatefile("a.tpl", {})`, "", "hidden"},
		{`file("notes.txt")`, "", `leads to ".git/config"`},
		{`file("gitdir/config")`, "", `leads to ".git/config"`},
		{`file("ok/data.txt")`, `"visible"`, ""},
		{`file("./ok/data.txt")`, `"visible"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			checkFileEval(t, root, tt.expr, tt.want, tt.wantErr, "c2VjcmV0LXRva2Vu", "hidden-token", "hidden-creds")
		})
	}
}
