package view

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteInit checks what init prints: the files it created or kept and
// the next steps, with the repository note only for a project in a
// subdirectory.
func TestWriteInit(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer)
		want  []string // substrings, in order
		not   string
	}{
		{"created", func(b *bytes.Buffer) { WriteInitCreated(b, "p/main.hcl") }, []string{"Created p/main.hcl\n"}, "Kept"},
		{"kept", func(b *bytes.Buffer) { WriteInitKept(b, "p/.gitignore", []string{"*.access-key.json", "rendered/"}) },
			[]string{"Kept p/.gitignore (it exists); make sure it ignores:\n  *.access-key.json\n  rendered/\n"}, "Created"},
		{"next steps in a subdirectory", func(b *bytes.Buffer) { WriteInitNextSteps(b, "p", "p/policy", "p/rendered", true) },
			[]string{"\nNext steps:\n", "teramotc lint -policy p/policy p\n", "teramotc render p -o p/rendered\n", "  cd p && git init\n"}, ""},
		{"next steps here", func(b *bytes.Buffer) { WriteInitNextSteps(b, ".", "policy", "rendered", false) },
			[]string{"teramotc validate .\n", "teramotc policy test policy\n"}, "git init"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			tt.write(&b)
			got := b.String()
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing %q (in order) in:\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			if tt.not != "" && strings.Contains(got, tt.not) {
				t.Errorf("unexpected %q in:\n%s", tt.not, got)
			}
		})
	}
}

// TestWriteInitExists checks the refusal to overwrite: every path, one a
// line, and ExitError.
func TestWriteInitExists(t *testing.T) {
	var b bytes.Buffer
	if code := WriteInitExists(&b, []string{"p/main.hcl", "p/.teramotc.hcl"}); code != ExitError {
		t.Errorf("exit code %d, want %d", code, ExitError)
	}
	want := "Error: init refuses to overwrite existing files; nothing was written:\n  p/main.hcl\n  p/.teramotc.hcl\n\nRemove them or choose another directory.\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
