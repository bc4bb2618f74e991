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

// motoEngine starts moto (as account 111122223333, the examples' account)
// and returns an engine connected to it.
func motoEngine(t *testing.T) (*Engine, *testenv.Moto) {
	t.Helper()
	t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
	m := testenv.StartMoto(t)
	for _, kv := range m.Env() {
		k, v, _ := cut(kv)
		t.Setenv(k, v)
	}
	ctx := context.Background()
	c, err := Connect(ctx, ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	e.Backoff = 50 * time.Millisecond
	e.PropagationTimeout = 10 * time.Second
	e.KeyDir = t.TempDir()
	return e, m
}

func cut(kv string) (string, string, bool) {
	for i := 0; i < len(kv); i++ {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}

func TestMotoApplyConverges(t *testing.T) {
	for _, example := range []string{"setup-guide-user", "setup-guide-role"} {
		t.Run(example, func(t *testing.T) {
			e, _ := motoEngine(t)
			ctx := context.Background()
			items, _ := loadExample(t, example)
			live, err := e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			p := e.MakePlan(items, live)
			if add, _ := p.Counts(); add == 0 {
				t.Fatalf("first plan adds nothing: %+v", p.Changes)
			}
			if _, err := e.Apply(ctx, p, false); err != nil {
				t.Fatal(err)
			}
			live, err = e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			p = e.MakePlan(items, live)
			for _, c := range p.Changes {
				t.Errorf("after apply, still planned: %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
			}
		})
	}
}
