package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestNextLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name      string
		live, cur int64
		want      int64
	}{
		{"small live heap keeps the limit", 10 * mib, 64 * mib, 64 * mib},
		{"at three quarters keeps it", 48 * mib, 64 * mib, 64 * mib},
		{"above three quarters doubles the live heap", 49 * mib, 64 * mib, 98 * mib},
		{"live heap over the limit", 300 * mib, 64 * mib, 600 * mib},
		{"a raised limit stays while the heap shrinks", 20 * mib, 600 * mib, 600 * mib},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := nextLimit(tc.live, tc.cur); got != tc.want {
				t.Errorf("nextLimit(%d, %d) = %d, want %d", tc.live, tc.cur, got, tc.want)
			}
		})
	}
}

// A live heap above the limit raises it after a collection, so that a very
// large spec does not make the collector run without pause.
func TestWatchHeapRaisesLimit(t *testing.T) {
	oldLimit, oldPercent := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(oldLimit); debug.SetGCPercent(oldPercent) })
	const limit = 8 << 20
	debug.SetMemoryLimit(limit)
	watchHeap()
	live := make([][]byte, 16)
	for i := range live {
		live[i] = make([]byte, 1<<20) // 16 MiB live, twice the limit
	}
	// Collections during the allocation raise it in steps, each to twice
	// the heap live then, which may be less than 16 MiB; a step is taken
	// only while the live heap is more than 3/4 of the limit. So with the
	// whole 16 MiB live the limit ends where 16 MiB is at most 3/4 of it
	// (without the watcher it stays at 8 MiB).
	const want = 16 << 20 * 4 / 3
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) < want {
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d after collections with 16 MiB live, want at least %d", debug.SetMemoryLimit(-1), want)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
}
