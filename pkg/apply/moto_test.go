package apply

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// loadExample loads and renders one of the repository's example specs.
func loadExample(t *testing.T, name string) ([]*Item, *spec.Spec) {
	t.Helper()
	loaded, diags := spec.Load(filepath.Join("..", "..", "examples", name), spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load %s: %s", name, diags.Error())
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("render %s: %s", name, diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return items, loaded.Spec
}

// connectMoto returns an engine connected to m (run as account
// 111122223333, the examples' account).
func connectMoto(t *testing.T, m *testenv.Moto) *Engine {
	t.Helper()
	for _, kv := range m.Env() {
		k, v, _ := cut(kv)
		t.Setenv(k, v)
	}
	ctx := context.Background()
	c, err := Connect(ctx, ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return testEngine(ctx, t, c)
}

// testEngine makes the engine of a moto test: short retry waits, a
// temporary key directory.
func testEngine(ctx context.Context, t *testing.T, c *Clients) *Engine {
	t.Helper()
	e, err := NewEngine(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	e.Backoff = 50 * time.Millisecond
	e.PropagationTimeout = 10 * time.Second
	e.KeyDir = t.TempDir()
	return e
}

func cut(kv string) (string, string, bool) {
	for i := 0; i < len(kv); i++ {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}
