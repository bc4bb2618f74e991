// Package testenv starts the local servers that integration tests need
// (moto_server, MinIO) on loopback ports, and decides whether a missing
// binary skips the test (locally) or fails it (CI=true).
package testenv

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"testing"
	"time"
)

// RequireBinary returns the path of the named binary. When it is missing the
// test is skipped with a message, or fails when CI=true.
func RequireBinary(t testing.TB, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, fmt.Sprintf("%s not found on PATH (%s)", name, hint))
	}
	return p
}

// Missing skips the test locally and fails it in CI.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("required in CI: %s", why)
	}
	t.Skipf("skipping: %s", why)
}

// FreePort returns a free TCP port on 127.0.0.1.
func FreePort(t testing.TB) int {
	t.Helper()
	return freePort(t)
}

func freePort(t tb) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Moto is a running moto_server.
type Moto struct {
	URL string // http://127.0.0.1:PORT
}

// Env returns the environment variables that point the aws CLI and the SDK
// at this server with dummy credentials.
func (m *Moto) Env() []string {
	return []string{
		"AWS_ACCESS_KEY_ID=testing",
		"AWS_SECRET_ACCESS_KEY=testing",
		"AWS_SESSION_TOKEN=testing",
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_REGION=us-east-1",
		"AWS_ENDPOINT_URL=" + m.URL,
		"AWS_CONFIG_FILE=/dev/null",
		"AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// Reset wipes all state of the server (moto's reset API).
func (m *Moto) Reset(t testing.TB) {
	t.Helper()
	resp, err := http.Post(m.URL+"/moto-api/reset", "application/json", nil)
	if err != nil {
		t.Fatalf("reset moto: %v", err)
	}
	resp.Body.Close()
}

// motoHint says how to install moto_server.
const motoHint = "moto 5.2.1 is preinstalled on the project's machines; pip install 'moto[server]==5.2.1'"

// StartMoto starts a private moto_server on a free loopback port and stops
// it when the test ends. Without moto_server the test is skipped locally and
// fails in CI.
func StartMoto(t testing.TB) *Moto {
	t.Helper()
	bin := RequireBinary(t, "moto_server", motoHint)
	return startMoto(t, bin, nil)
}

// StartMotoWith starts moto_server as StartMoto does, for a caller that is
// no testing.TB, such as a testscript command: fatalf stops the caller and
// cleanup registers the server's stop (ts.Fatalf and ts.Defer). env adds
// variables to the server's environment (MOTO_ACCOUNT_ID=...). A missing
// moto_server is fatal here: the test that runs the caller decides first,
// with RequireBinary, whether it skips (locally) or fails (CI=true).
func StartMotoWith(fatalf func(format string, args ...any), cleanup func(func()), env ...string) *Moto {
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		fatalf("moto_server not found on PATH (%s)", motoHint)
	}
	return startMoto(funcTB{fatalf: fatalf, cleanup: cleanup}, bin, env)
}

func startMoto(t tb, bin string, env []string) *Moto {
	t.Helper()
	port := freePort(t)
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Env = append(append(os.Environ(), "MOTO_ALLOW_NONEXISTENT_REGION=true"), env...)
	m := &Moto{URL: fmt.Sprintf("http://127.0.0.1:%d", port)}
	runServer(t, "moto_server", func() (io.Reader, error) {
		stderr, err := cmd.StderrPipe()
		if err != nil {
			return nil, err
		}
		return stderr, cmd.Start()
	}, func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }, m.URL+"/moto-api/", 30*time.Second)
	return m
}
