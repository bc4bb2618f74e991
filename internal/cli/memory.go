package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/teramot/teramotc/internal/hugeheap"
)

// lintMemoryLimit is the soft memory limit of a lint process: with it, a run
// over 2,000 specs peaks under 100 MB of RSS instead of 170 MB, at no CPU
// cost (docs/performance.md).
const lintMemoryLimit = 64 << 20

// tuneGC sets, unless the user set GOGC or GOMEMLIMIT, a soft memory limit
// and no proportional goal (GOGC=off): evaluation allocates many
// short-lived values over a small live heap, so a lint process collects
// only when its heap reaches the limit. A lint of one spec never does; a
// run over thousands of specs collects at the limit, as it did with the
// former GOGC=400, whose goal was above the limit from a few hundred specs.
//
// One very large spec can keep more than the limit live, and the collector
// would then run without pause; so after each collection that leaves the
// live heap above three quarters of the limit, the limit is raised to twice
// the live heap (GOGC=100's goal), see raiseLimit.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(lintMemoryLimit)
	debug.SetGCPercent(-1)
	watchHeap()
}

// nextLimit is the memory limit after a collection that left live bytes
// live under the limit cur.
func nextLimit(live, cur int64) int64 {
	if live > cur/4*3 {
		return 2 * live
	}
	return cur
}

// gcSentinel is garbage as soon as it is made; its finalizer runs once
// after the next collection, and arms a new one.
type gcSentinel struct{ _ *int }

// watchHeap raises the memory limit after each collection as nextLimit
// says. It costs nothing until the heap first reaches the limit.
func watchHeap() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		hugeheap.Release() // the heap is reused from now on
		raiseLimit()
		watchHeap()
	})
}

func raiseLimit() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	cur := debug.SetMemoryLimit(-1)
	if next := nextLimit(int64(s[0].Value.Uint64()), cur); next != cur {
		debug.SetMemoryLimit(next)
	}
}
