package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestRedactor(t *testing.T) {
	const key = "AKIAIOSFODNN7EXAMPLE"
	mask := strings.Repeat("*", len(key))
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"whole key in one write", []string{"grant." + key + "\n"}, "grant." + mask + "\n"},
		{"key split across writes", []string{"grant.AKIA", "IOSFODNN", "7EXAMPLE", ": done\n"}, "grant." + mask + ": done\n"},
		{"one byte at a time", strings.Split("# trail.ASIAY34FZKBOKMUTVV7A: x\n", ""), "# trail." + mask + ": x\n"},
		{"key at the very end", []string{"bucket.", key}, "bucket." + mask},
		{"key continued by the next write", []string{"id " + key, "9 is no key\n"}, "id " + key + "9 is no key\n"},
		{"long upper-case run", []string{"XXXXXXXXXXXXXXXXXXXXXXXX", key}, "XXXXXXXXXXXXXXXXXXXXXXXX" + mask},
		{"prompt", []string{"Enter a value: "}, "Enter a value: "},
		{"no key", []string{"Plan: 1 to add, 0 to change, 0 to destroy.\n"}, "Plan: 1 to add, 0 to change, 0 to destroy.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			r := NewRedactor(&out)
			for _, w := range tc.writes {
				if n, err := r.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("wrote %q, want %q", out.String(), tc.want)
			}
		})
	}
}

// Text without a possible key is passed on at once (a prompt is seen
// before the answer is read); only a possible key is held back.
func TestRedactorHoldsOnlyAPossibleKey(t *testing.T) {
	var out bytes.Buffer
	r := NewRedactor(&out)
	r.Write([]byte("Enter a value: "))
	if out.String() != "Enter a value: " {
		t.Errorf("the prompt was held back: %q", out.String())
	}
	r.Write([]byte("name AKIAIOSFODNN7"))
	if out.String() != "Enter a value: name " {
		t.Errorf("after a partial key: %q, want the text before it", out.String())
	}
}

// Every lint format masks a key used as a block label, in the address,
// the message and the location, also when written to a file (WriteLint
// wraps its writer).
func TestWriteLintMasksAccessKeys(t *testing.T) {
	const key = "AKIAIOSFODNN7EXAMPLE"
	r := lintTestReport(t)
	for _, f := range r.Findings {
		f.Address = "grant." + key
		f.Message = "grant \"" + key + "\" uses an IAM user"
	}
	if len(r.Findings) == 0 {
		t.Fatal("the fixture report has no findings")
	}
	for _, format := range LintFormats() {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := WriteLint(&out, format, r); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out.String(), key) {
				t.Errorf("%s output holds the key:\n%s", format, out.String())
			}
			if !strings.Contains(out.String(), strings.Repeat("*", len(key))) {
				t.Errorf("%s output shows no masked key:\n%s", format, out.String())
			}
		})
	}
}

// FuzzRedactor checks that however the text is cut into writes, a
// Redactor writes exactly spec.MaskAccessKeys of the whole text.
func FuzzRedactor(f *testing.F) {
	f.Add("grant.AKIAIOSFODNN7EXAMPLE: x\n", uint8(7))
	f.Add("AKIAIOSFODNN7EXAMPLEAKIAIOSFODNN7EXAMPLE", uint8(3))
	f.Add("%0AASIAY34FZKBOKMUTVV7A", uint8(1))
	f.Add("XXXXXXXXXXXXXXXXXXXXXXXXXAKIAIOSFODNN7EXAMPLE", uint8(20))
	f.Fuzz(func(t *testing.T, s string, step uint8) {
		n := int(step%32) + 1
		var out bytes.Buffer
		r := NewRedactor(&out)
		for i := 0; i < len(s); i += n {
			r.Write([]byte(s[i:min(i+n, len(s))]))
		}
		r.Flush()
		if want := spec.MaskAccessKeys(s); out.String() != want {
			t.Errorf("writes of %d bytes of %q gave\n%q, want\n%q", n, s, out.String(), want)
		}
	})
}
