package apply

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDamagedPlanFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          string // substring of the error; "" for nil
	}{
		{"truncated plan", `{"format_version":"2.0","plan":{"changes":[{"type":"bu`, "is damaged: it is not complete JSON (it ends after 54 bytes)"},
		{"garbage after brace", "{ x }", "invalid at byte 3"},
		{"JSON without a plan", ` {"a": 1}`, ""},
		{"HCL spec", "bucket \"b\" {\n  name = \"x\"\n}\n", ""},
		{"empty file", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(p, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			err := DamagedPlanFile(p)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("want nil, got %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("want an error saying %q, got %v", tc.want, err)
			case tc.want != "":
				checkPlanFileProblem(t, err, "plan file "+p+" is damaged: ")
				var syn *json.SyntaxError
				if !errors.As(err, &syn) {
					t.Errorf("err = %v does not wrap the JSON syntax error", err)
				}
			}
		})
	}
	if err := DamagedPlanFile(dir); err != nil {
		t.Errorf("a directory is a spec, not a damaged plan: %v", err)
	}
}

// An unreadable plan file (here a socket: it exists, but cannot be
// opened, even by root) is a problem saying why, without Go's operation
// and path prefix, wrapping the file-system error.
func TestReadPlanFileUnreadable(t *testing.T) {
	dir, err := os.MkdirTemp("", "pf") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	p := filepath.Join(dir, "p.json")
	l, err := net.Listen("unix", p)
	if err != nil {
		t.Skipf("cannot make a socket to read: %v", err)
	}
	defer l.Close()
	sp, ok, err := ReadPlanFile(p)
	if sp != nil || ok || err == nil {
		t.Fatalf("ReadPlanFile = %v, %v, %v; want an error", sp, ok, err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %#v does not wrap the file-system error", err)
	}
	if want := "cannot read " + p + ": " + pe.Err.Error(); err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	var prob *Problem
	if !errors.As(err, &prob) || !strings.Contains(prob.Detail, "readable") {
		t.Errorf("err = %#v, want a *Problem saying to check the file is readable", err)
	}
}
