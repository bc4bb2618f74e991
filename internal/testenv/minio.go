package testenv

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// MinIOVersion is the pinned MinIO module version; .ci/services.d/minio.sh
// installs it with `go install github.com/minio/minio@MinIOVersion` into
// the cache folder MinIOBin looks in. MinIO is AGPL: it is only ever run as
// a separate process, never vendored or linked.
const MinIOVersion = "v0.0.0-20260212201848-7aac2a2c5b7c"

// MinIOKMSKeyName is the name of the static KMS key the test server is
// started with (MINIO_KMS_SECRET_KEY), so SSE-S3 works.
const MinIOKMSKeyName = "teramotc-test-key"

// MinIOBin returns the MinIO binary: $TERAMOTC_MINIO_BIN, else the cache
// folder ($XDG_CACHE_HOME or ~/.cache)/teramotc/minio/bin/minio, else
// "minio" on PATH. It returns "" when none exists.
func MinIOBin() string {
	if p := os.Getenv("TERAMOTC_MINIO_BIN"); p != "" {
		return p
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		if home, err := os.UserHomeDir(); err == nil {
			cache = filepath.Join(home, ".cache")
		}
	}
	if p := filepath.Join(cache, "teramotc", "minio", "bin", "minio"); fileExists(p) {
		return p
	}
	if p, err := exec.LookPath("minio"); err == nil {
		return p
	}
	return ""
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// MinIO is a running MinIO server.
type MinIO struct {
	URL       string // http://127.0.0.1:PORT
	AccessKey string // root user
	SecretKey string // root password
}

// Env returns the environment that points the aws CLI and the SDK at the
// server with its root credentials.
func (m *MinIO) Env() []string {
	return []string{
		"AWS_ACCESS_KEY_ID=" + m.AccessKey,
		"AWS_SECRET_ACCESS_KEY=" + m.SecretKey,
		"AWS_SESSION_TOKEN=",
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_REGION=us-east-1",
		"AWS_ENDPOINT_URL=" + m.URL,
		"AWS_CONFIG_FILE=/dev/null",
		"AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// StartMinIO starts a private MinIO server on a free loopback port, with a
// static KMS key, data in a temporary directory, and stops it when the test
// ends. Without the binary the test is skipped locally and fails in CI.
func StartMinIO(t testing.TB) *MinIO {
	t.Helper()
	bin := MinIOBin()
	if bin == "" {
		Missing(t, "MinIO binary not found; build it once with: GOBIN=$HOME/.cache/teramotc/minio/bin go install github.com/minio/minio@"+MinIOVersion)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	m := &MinIO{AccessKey: "teramotc-root", SecretKey: "teramotc-root-secret-" + base64.RawURLEncoding.EncodeToString(key[:8])}
	port, console := FreePort(t), FreePort(t)
	m.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	cmd := exec.Command(bin, "server", t.TempDir(), "--address", fmt.Sprintf("127.0.0.1:%d", port),
		"--console-address", fmt.Sprintf("127.0.0.1:%d", console), "--quiet")
	cmd.Env = append(os.Environ(),
		"MINIO_ROOT_USER="+m.AccessKey,
		"MINIO_ROOT_PASSWORD="+m.SecretKey,
		"MINIO_KMS_SECRET_KEY="+MinIOKMSKeyName+":"+base64.StdEncoding.EncodeToString(key),
		"MINIO_BROWSER=off",
		"MINIO_UPDATE=off",
	)
	runServer(t, "minio", func() (io.Reader, error) {
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		cmd.Stderr = cmd.Stdout
		return out, cmd.Start()
	}, func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }, m.URL+"/minio/health/live", 60*time.Second)
	return m
}
