package render

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

var update = flag.Bool("update", false, "rewrite the rendered golden files of the examples")

// examples are the shipped example specs whose rendered output is committed
// under examples/NAME/rendered.
var examples = []string{"minimal", "setup-guide-user", "setup-guide-role"}

// loadExample loads and renders examples/NAME with the spec loader.
func loadExample(t testing.TB, name string) (*spec.Spec, *Output) {
	t.Helper()
	l, diags := spec.Load(filepath.Join("..", "..", "examples", name), spec.Options{})
	if diags.HasErrors() || l.Spec == nil {
		t.Fatalf("load examples/%s: %s", name, diags.Error())
	}
	out, diags := Render(l.Spec)
	if diags.HasErrors() {
		t.Fatalf("render examples/%s: %s", name, diags.Error())
	}
	return l.Spec, out
}

func TestExamplesGolden(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			s, out := loadExample(t, name)
			if diags := Validate(out, s); len(diags) > 0 {
				t.Errorf("validate: %s", diags.Error())
			}
			dir := filepath.Join("..", "..", "examples", name, "rendered")
			if *update {
				if err := Write(out, dir); err != nil {
					t.Fatal(err)
				}
			}
			stale, err := Check(out, dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range stale {
				want, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
				var got []byte
				if d := doc(out, p); d != nil {
					got = Marshal(d)
				}
				t.Errorf("%s is stale (go test ./pkg/render -run Golden -update) (-committed +rendered):\n%s",
					p, cmp.Diff(string(want), string(got)))
			}
		})
	}
}

// TestHandModelsMatchExamples keeps the hand-built models of the unit tests
// honest: they must render the same documents as the loaded examples
// (ranges aside).
func TestHandModelsMatchExamples(t *testing.T) {
	hand := map[string]*spec.Spec{"minimal": minimalModel(), "setup-guide-user": guideModel(false), "setup-guide-role": guideModel(true)}
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			_, loaded := loadExample(t, name)
			built := mustRender(t, hand[name])
			if len(built.Documents) != len(loaded.Documents) {
				t.Fatalf("%d documents from the hand-built model, %d from the example", len(built.Documents), len(loaded.Documents))
			}
			for i, d := range loaded.Documents {
				if d.Kind == KindManifest {
					continue
				}
				if diff := cmp.Diff(string(Marshal(d)), string(Marshal(built.Documents[i]))); diff != "" {
					t.Errorf("%s (-example +hand-built):\n%s", d.Path, diff)
				}
				if d.Sensitive != built.Documents[i].Sensitive || strings.Compare(d.Path, built.Documents[i].Path) != 0 {
					t.Errorf("%s: path or sensitivity differ", d.Path)
				}
			}
		})
	}
}
