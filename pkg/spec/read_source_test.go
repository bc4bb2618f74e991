package spec

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := []byte("bucket \"a\" {}\n")
	large := bytes.Repeat([]byte("#"), MaxFileSize+100)
	tests := []struct {
		name     string
		path     string
		wantSrc  []byte
		wantSize int64
		wantErr  error // errors.Is
	}{
		{"small file", write("small.hcl", small), small, int64(len(small)), nil},
		{"empty file", write("empty.hcl", nil), nil, 0, nil},
		{"exactly the limit", write("limit.hcl", large[:MaxFileSize]), large[:MaxFileSize], MaxFileSize, nil},
		{"too large: read to one byte over, size from the file", write("large.hcl", large),
			large[:MaxFileSize+1], MaxFileSize + 100, nil},
		{"directory", dir, nil, 0, ErrNotRegular},
		{"missing", filepath.Join(dir, "missing.hcl"), nil, 0, fs.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, size, err := ReadSource(tc.path)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if !bytes.Equal(src, tc.wantSrc) || size != tc.wantSize {
				t.Errorf("got %d bytes, size %d; want %d bytes, size %d", len(src), size, len(tc.wantSrc), tc.wantSize)
			}
			if pe, ok := errors.AsType[*fs.PathError](err); ok && pe.Path != tc.path {
				t.Errorf("error names %s, want %s", pe.Path, tc.path)
			}
		})
	}
}
