package testenv

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// tb is what starting a server needs of its caller: a testing.TB, or a
// testscript command through funcTB.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// funcTB is a tb made of a fatalf and a cleanup registrar.
type funcTB struct {
	fatalf  func(format string, args ...any)
	cleanup func(func())
}

func (funcTB) Helper()                             {}
func (f funcTB) Fatalf(format string, args ...any) { f.fatalf(format, args...) }
func (f funcTB) Cleanup(stop func())               { f.cleanup(stop) }

// runServer starts cmd (whose output is read from out), stops it when the
// test ends, and waits until health answers 200 OK. On timeout the test
// fails with the server's log.
func runServer(t tb, name string, start func() (io.Reader, error), stop func(), health string, timeout time.Duration) {
	t.Helper()
	out, err := start()
	if err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	var logMu sync.Mutex
	var logBuf strings.Builder
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			logMu.Lock()
			logBuf.WriteString(sc.Text() + "\n")
			logMu.Unlock()
		}
	}()
	t.Cleanup(stop)
	deadline := time.Now().Add(timeout)
	for {
		resp, err := http.Get(health)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			logMu.Lock()
			defer logMu.Unlock()
			t.Fatalf("%s did not answer %s within %s: %v\n%s", name, health, timeout, err, logBuf.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
