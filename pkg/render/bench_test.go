package render

import (
	"testing"
)

// BenchmarkRender renders the setup-guide-role model (20 documents).
func BenchmarkRender(b *testing.B) {
	s, _ := loadExample(b, "setup-guide-role")
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Render(s); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

// BenchmarkRenderMarshal renders the same model and encodes every document,
// the whole work of `render -o DIR` after loading, short of writing files.
func BenchmarkRenderMarshal(b *testing.B) {
	s, _ := loadExample(b, "setup-guide-role")
	b.ReportAllocs()
	for b.Loop() {
		out, _ := Render(s)
		for _, d := range out.Documents {
			_ = Marshal(d)
		}
	}
}

// BenchmarkLoadRender is parse, decode, evaluate and render of the
// setup-guide-role example from disk.
func BenchmarkLoadRender(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, out := loadExample(b, "setup-guide-role")
		_ = Validate(out, s)
	}
}
