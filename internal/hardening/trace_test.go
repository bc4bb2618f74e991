package hardening

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// A traced run of the binary: its output, exit code, every path it tried to
// open (absolute, as the kernel saw it) and every socket or connect call.
type traced struct {
	out     string
	code    int
	opened  []string
	network []string
}

var (
	// With strace -y, a directory descriptor shows its path: openat(5</out>,
	// "buckets", ...) opens /out/buckets (os.Root opens this way).
	openRE = regexp.MustCompile(`\b(?:open|openat|openat2|creat)\((?:AT_FDCWD(?:<[^>]*>)?, |\d+(?:<([^>]*)>)?, )?"((?:[^"\\]|\\.)*)"`)
	netRE  = regexp.MustCompile(`\b(?:socket|connect|sendto|bind)\(`)
)

// straceBin returns the strace binary, skipping (failing in CI) when it is
// missing or ptrace is not permitted.
func straceBin(t *testing.T) string {
	t.Helper()
	bin := testenv.RequireBinary(t, "strace", "apt-get install strace")
	if err := exec.Command(bin, "-f", "-qq", "-o", os.DevNull, "true").Run(); err != nil {
		testenv.Missing(t, "strace cannot trace here (ptrace not permitted): "+err.Error())
	}
	return bin
}

// traceRun runs teramotc under strace in dir with env added and reports
// what it opened.
func traceRun(t *testing.T, strace, bin, dir string, env []string, args ...string) traced {
	t.Helper()
	log := filepath.Join(t.TempDir(), "strace.log")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-y", "-e", "trace=open,openat,openat2,creat,socket,connect,sendto,bind", "-o", log, bin}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	b, err := cmd.CombinedOutput()
	res := traced{out: string(b)}
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := openRE.FindStringSubmatch(line); m != nil {
			p, base := m[2], dir
			if m[1] != "" {
				base = m[1]
			}
			if !filepath.IsAbs(p) {
				p = filepath.Join(base, p)
			}
			res.opened = append(res.opened, filepath.Clean(p))
		}
		if netRE.MatchString(line) {
			res.network = append(res.network, line)
		}
	}
	return res
}

// systemPaths are the files the Go runtime and the dynamic loader read in
// every process.
var systemPaths = []string{
	"/etc/ld.so.cache", "/etc/localtime", "/lib/", "/lib64/", "/usr/lib/", "/usr/share/zoneinfo/",
	"/proc/self/", "/sys/kernel/mm/", "/sys/fs/cgroup/", "/dev/null", "/dev/tty", "/dev/urandom",
}

// outside returns the opened paths that are neither system files nor under
// one of the allowed paths (files or directories).
func outside(opened []string, allowed ...string) []string {
	var bad []string
next:
	for _, p := range opened {
		for _, s := range systemPaths {
			if p == strings.TrimSuffix(s, "/") || strings.HasPrefix(p, s) {
				continue next
			}
		}
		for _, a := range allowed {
			if p == a || strings.HasPrefix(p, a+string(filepath.Separator)) {
				continue next
			}
		}
		bad = append(bad, p)
	}
	return bad
}

// realPath resolves symlinks in p (the temp directory may be one).
func realPath(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
