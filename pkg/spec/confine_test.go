package spec

import (
	"path/filepath"
	"strings"
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
			got, errText := evalIn(t, root, tt.expr)
			if tt.wantErr == "" {
				if errText != "" || got != tt.want {
					t.Errorf("= %s (error %q), want %s", got, errText, tt.want)
				}
				return
			}
			if !strings.Contains(errText, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", errText, tt.wantErr)
			}
			for _, leak := range []string{"c2VjcmV0LXRva2Vu", "hidden-token", "hidden-creds"} {
				if strings.Contains(errText+got, leak) {
					t.Errorf("the file's content leaks: %q %q", got, errText)
				}
			}
		})
	}
}
