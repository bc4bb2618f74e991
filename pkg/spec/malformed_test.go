package spec

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestMalformedFixtures loads every file of testdata/malformed and checks
// that the first error is the one listed in expect.txt, and that every
// diagnostic names the file and a line.
func TestMalformedFixtures(t *testing.T) {
	expect := readExpect(t, filepath.Join("testdata", "malformed", "expect.txt"))
	files, err := filepath.Glob(filepath.Join("testdata", "malformed", "*.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d malformed fixtures, want at least 50", len(files))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".hcl"), func(t *testing.T) {
			want, ok := expect[name]
			if !ok {
				t.Fatalf("%s is not listed in expect.txt", name)
			}
			if got := firstError(t, file); got != want {
				t.Errorf("first error = %q, want %q", got, want)
			}
		})
	}
}

// TestMalformedGenerated builds inputs too large to commit and checks each
// gives its limit diagnostic with the file and line, without panicking.
func TestMalformedGenerated(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 64<<10)
	rng.Read(random)
	random[100] = 0
	huge := strings.Repeat("a", 5<<20)
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"random_binary", random, "line 1: Binary file"},
		{"file_over_4MiB", []byte(`bucket "data" { name = "` + huge + `" }`), "line 1: File too large"},
		{"string_2MiB", []byte("bucket \"data\" {\n  name = \"" + huge[:2<<20] + "\"\n}\n"), "line 2: String too long"},
		{"heredoc_2MiB", []byte("bucket \"data\" {\n  name = <<EOT\n" + strings.Repeat(huge[:1<<10]+"\n", 2<<10) + "EOT\n}\n"), "line 3: String too long"},
		{"brackets_100000", []byte("locals {\n  x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n}\n"), "line 2: Nesting too deep"},
		{"nested_blocks_5000", nestedBlocks(5000), "line 65: Nesting too deep"},
		{"blocks_10001", manyBlocks(MaxBlocks + 1), fmt.Sprintf("line %d: Too many blocks", 3*MaxBlocks+1)},
		// Nested blocks count too: one top-level block holding 10000 more.
		{"nested_blocks_10001", []byte("locals {\n" + strings.Repeat("  x {}\n", MaxBlocks) + "}\n"), fmt.Sprintf("line %d: Too many blocks", MaxBlocks+1)},
		{"interpolations_3000", []byte("locals {\n  x = \"" + strings.Repeat(`${"`, 3000) + strings.Repeat(`"}`, 3000) + "\"\n}\n"), "line 2: Nesting too deep"},
		{"invalid_utf8_late", append(bytes.Repeat([]byte("# comment\n"), 5000), 0xff), "line 5001: Invalid character encoding"},
		{"all_0xff", bytes.Repeat([]byte{0xff}, 1<<20), "line 1: Invalid character encoding"},
		{"long_line_identifiers", []byte(strings.Repeat("abc ", 500000)), "line 1: Invalid block definition"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, tt.name+".hcl")
			if err := os.WriteFile(file, tt.src, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := firstError(t, file); got != tt.want {
				t.Errorf("first error = %q, want %q", got, tt.want)
			}
		})
	}
}

func nestedBlocks(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "b%d {\n", i)
	}
	b.WriteString(strings.Repeat("}\n", n))
	return b.Bytes()
}

func manyBlocks(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "locals {\n  x%d = %d\n}\n", i, i)
	}
	return b.Bytes()
}

// firstError loads file and returns its first error as "line N: Summary",
// failing the test when a diagnostic lacks the file name or a line.
func firstError(t *testing.T, file string) string {
	t.Helper()
	loaded, diags := Load(file, Options{})
	if loaded == nil {
		t.Fatal("Load returned a nil *Loaded")
	}
	first := ""
	for _, d := range diags {
		if d.Subject == nil || d.Subject.Filename != file || d.Subject.Start.Line < 1 {
			t.Errorf("diagnostic %q does not name %s and a line (subject %v)", d.Summary, file, d.Subject)
			continue
		}
		if first == "" && d.Severity == hcl.DiagError {
			first = fmt.Sprintf("line %d: %s", d.Subject.Start.Line, d.Summary)
		}
	}
	if first == "" {
		t.Errorf("no error diagnostic")
	}
	if loaded.Spec != nil {
		t.Errorf("Spec is not nil for malformed input")
	}
	return first
}

func readExpect(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		name, rest, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("bad line in %s: %q", path, line)
		}
		out[name] = rest
	}
	return out
}
