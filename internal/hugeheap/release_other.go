//go:build !linux

package hugeheap

// Release does nothing on systems other than Linux.
func Release() {}
