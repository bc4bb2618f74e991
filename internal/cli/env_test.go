package cli

import (
	"bytes"
	"strings"
	"time"
)

// testEnv returns an Env reading stdin from in and writing to buffers; it
// has no terminal and an empty environment.
func testEnv(in string) (env *Env, stdout, stderr *bytes.Buffer) {
	stdout, stderr = &bytes.Buffer{}, &bytes.Buffer{}
	env = &Env{
		Stdin:  strings.NewReader(in),
		Stdout: stdout,
		Stderr: stderr,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
	return env, stdout, stderr
}
