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
	hugePage     = 2 << 20
	madvHugepage = 14 // MADV_HUGEPAGE, linux/mman-common.h
)

// modeFile says which transparent huge page mode the kernel runs.
const modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

func init() {
	if !slices.Contains(os.Args[1:], "lint") {
		return
	}
	if mode, err := os.ReadFile(modeFile); err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return
	}
	reserve()
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
