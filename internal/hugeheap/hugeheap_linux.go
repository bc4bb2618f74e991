package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"slices"
	"syscall"
	"unsafe"
)

// block is the heap mapped and marked at once: about what a cold lint
// allocates.
const block = 16 << 20

const (
	hugePage       = 2 << 20
	madvHugepage   = 14 // MADV_HUGEPAGE, linux/mman-common.h
	madvNoHugepage = 15 // MADV_NOHUGEPAGE
)

// advised is the range init advised, [0] to [1]; zero when it did not.
var advised [2]uintptr

// modeFile says which transparent huge page mode the kernel runs.
const modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

func init() {
	if !slices.Contains(os.Args[1:], "lint") {
		return
	}
	if mode, err := os.ReadFile(modeFile); err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return
	}
	advised[0], advised[1] = reserve()
}

// Release withdraws the advice once a lint collects, that is, once its heap
// is no longer touched for the first time: the collector then frees and
// returns pages in 4 KiB steps, which would split the huge pages and make
// the kernel zero 2 MiB again wherever it reuses one. Without it a run over
// 2,000 specs took 5 MB more memory and more CPU. It is safe to call more
// than once and from any goroutine.
func Release() {
	if advised[0] < advised[1] {
		syscall.Syscall(syscall.SYS_MADVISE, advised[0], advised[1]-advised[0], madvNoHugepage)
	}
}

// reserve maps a block of heap, advises huge pages for the whole huge
// pages in it, and frees it for reuse. It returns the advised range.
func reserve() (from, to uintptr) {
	b := make([]byte, block) // mapped, never touched: no memory used yet
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	from = (start + hugePage - 1) &^ (hugePage - 1)
	to = (start + block) &^ (hugePage - 1)
	if from < to {
		// Advisory: an error leaves the heap as it was.
		syscall.Syscall(syscall.SYS_MADVISE, from, to-from, madvHugepage)
	}
	runtime.KeepAlive(b)
	runtime.GC() // the block becomes free heap, which the next allocations take
	return from, to
}
