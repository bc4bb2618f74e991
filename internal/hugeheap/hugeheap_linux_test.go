package hugeheap

import (
	"bufio"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags of the mapping of this process that holds
// addr, from /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && len(fields) > 1 && !strings.HasSuffix(fields[0], ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(addr) >= l && uint64(addr) < h
			continue
		}
		if in && fields[0] == "VmFlags:" {
			return fields[1:]
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

// TestReserve checks both halves of the trick: the block's range is
// advised for huge pages, and the heap allocates from it afterwards, with
// the collector off as in lint.
func TestReserve(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	from, to := reserve()
	if to-from < block-hugePage {
		t.Fatalf("advised %d bytes, want at least %d", to-from, block-hugePage)
	}
	flags := vmFlags(t, from)
	hg := false
	for _, f := range flags {
		hg = hg || f == "hg"
	}
	if !hg {
		t.Errorf("the block's mapping has VmFlags %v, want hg (MADV_HUGEPAGE)", flags)
	}
	var keep [][]byte
	reused := false
	for range 256 {
		b := make([]byte, 64<<10)
		keep = append(keep, b)
		if p := uintptr(unsafe.Pointer(&b[0])); p >= from && p < to {
			reused = true
			break
		}
	}
	if !reused {
		t.Errorf("16 MiB of later allocations never landed in the freed block [%#x, %#x)", from, to)
	}
	_ = keep
}

// TestRelease checks that Release withdraws the advice: the range is then
// marked MADV_NOHUGEPAGE.
func TestRelease(t *testing.T) {
	defer func(a [2]uintptr) { advised = a }(advised)
	advised[0], advised[1] = reserve()
	Release()
	flags := vmFlags(t, advised[0])
	if !slices.Contains(flags, "nh") || slices.Contains(flags, "hg") {
		t.Errorf("after Release the block's mapping has VmFlags %v, want nh and no hg", flags)
	}
}
