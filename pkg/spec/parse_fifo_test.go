//go:build unix

package spec

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// TestLoadRefusesFIFO checks that a FIFO given as the spec, found in a spec
// directory, given as a -var-file or read by file() is refused as not a
// regular file instead of blocking in open until a writer comes.
func TestLoadRefusesFIFO(t *testing.T) {
	const bucket = "bucket \"data\" {\n  name = \"acme-fifo-data\"\n}\n"
	const fileCall = "bucket \"data\" {\n  name   = \"acme-fifo-data\"\n  region = \"us-east-1\"\n" +
		"  tags   = { note = file(\"ff.txt\") }\n}\n"
	tests := []struct {
		name       string
		spec       string // relative to the temp dir
		varFile    bool   // give the FIFO as -var-file, with spec "dir"
		main       string // dir/main.hcl
		fifo       string // in dir, unless varFile
		wantDetail string
	}{
		{"spec file", "dir/ff.hcl", false, bucket, "ff.hcl", "a spec is made of plain .hcl files"},
		{"found in a directory", "dir", false, bucket, "ff.hcl", "a spec is made of plain .hcl files"},
		{"var file", "dir", true, bucket, "", "The -var-file"},
		{"read by file()", "dir", false, fileCall, "ff.txt", `"ff.txt"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			dir := filepath.Join(tmp, "dir")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(tt.main), 0o644); err != nil {
				t.Fatal(err)
			}
			fifo := filepath.Join(dir, tt.fifo)
			opts := Options{}
			if tt.varFile {
				fifo = filepath.Join(tmp, "ff.tfvars")
				opts.VarFiles = []string{fifo}
			}
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skipf("cannot make a FIFO here: %v", err)
			}
			done := make(chan hcl.Diagnostics, 1)
			go func() {
				_, diags := Load(filepath.Join(tmp, tt.spec), opts)
				done <- diags
			}()
			var diags hcl.Diagnostics
			select {
			case diags = <-done:
			case <-time.After(10 * time.Second):
				// Unblock the reader so that the test binary can end.
				if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
				t.Fatalf("Load blocked on the FIFO %s", fifo)
			}
			for _, d := range diags {
				if d.Severity == hcl.DiagError && strings.Contains(d.Detail, "not a regular file") &&
					strings.Contains(d.Detail, tt.wantDetail) {
					return
				}
			}
			t.Errorf("no %q error naming %q; got: %v", "not a regular file", tt.wantDetail, diags)
		})
	}
}
