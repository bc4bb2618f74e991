package benchgen

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/teramot/teramotc/pkg/rules"
)

// TestRetainedHeap lints 2,000 generated specs and writes a heap profile of
// what the results keep alive (TERAMOTC_HEAP_PROFILE=FILE).
func TestRetainedHeap(t *testing.T) {
	out := os.Getenv("TERAMOTC_HEAP_PROFILE")
	if out == "" {
		t.Skip("set TERAMOTC_HEAP_PROFILE=FILE to profile the heap retained by a 2,000-spec lint")
	}
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := Write(t.TempDir(), 2000)
	if err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	results := set.Lint(context.Background(), paths, rules.LintOptions{})
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	t.Logf("heap in use: %d MB before, %d MB after holding %d results", before.HeapInuse>>20, after.HeapInuse>>20, len(results))
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(results)
}
