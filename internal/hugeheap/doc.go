// Package hugeheap lets a cold "teramotc lint" touch its heap in 2 MiB pages
// instead of 4 KiB ones. Importing it is enough (cmd/teramotc does).
//
// A cold lint allocates about 16 MiB of heap and never collects (GOGC is
// off in lint), so it touches each of those pages for the first time. On
// the virtual machines it runs on, the kernel takes 3-4 µs to map a 4 KiB
// page on its first touch: page faults were 29 % of a cold lint's CPU
// samples (docs/performance.md). Linux backs memory with transparent huge
// pages only where a process asks for them (the "madvise" mode, the usual
// default), and the Go runtime does not ask. So, while the packages
// initialise, this package makes the runtime map a 16 MiB block of heap at
// once, marks it MADV_HUGEPAGE, and collects it at once so that the
// allocations that follow reuse it: about 1,800 first touches fewer and 5 ms
// less CPU per cold lint, for a 1.5 ms collection. Other commands allocate
// too little to pay for the collection, and where huge pages are always
// or never used, the advice changes nothing; in those cases, and on
// systems other than Linux, it does nothing.
package hugeheap
