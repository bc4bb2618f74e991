package view

import (
	"bytes"
	"io"
	"sync"

	"github.com/teramot/teramotc/pkg/spec"
)

// Redactor is the last stop of printed text: an io.Writer that masks every
// AWS access key id (spec.MaskAccessKeys) in what passes through it. A key
// can reach the output in many shapes, none of which the model redacts: a
// block label in an address (grant.AKIA...), a rule message quoting the
// label, an IAM or AWS name, a path. The CLI wraps stdout and stderr in one,
// and WriteLint the files it writes, so every format is covered at once and
// the model keeps the real names (what apply sends to AWS, what suppressions
// and lookups match).
//
// A write may end in the middle of a key, so the trailing run of key bytes
// (at most 20) is held back until the next write or Flush. Text is
// otherwise passed on at once: a prompt without a newline is shown.
type Redactor struct {
	mu   sync.Mutex
	w    io.Writer
	held []byte
}

// NewRedactor returns a Redactor writing to w. Call Flush when done.
func NewRedactor(w io.Writer) *Redactor {
	return &Redactor{w: w}
}

// keyLen is the length of an access key id, the most a Redactor holds back.
const keyLen = 20

// Write masks the access keys in p and writes it, except for a trailing
// run of key bytes that may be the start of one.
func (r *Redactor) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	buf := append(r.held, p...)
	cut := len(buf)
	for cut > 0 && len(buf)-cut < keyLen && spec.IsKeyByte(buf[cut-1]) {
		cut--
	}
	// Mask the whole buffer: the held bytes tell whether a key ends at cut.
	masked := spec.MaskAccessKeys(string(buf))
	r.held = bytes.Clone(buf[cut:])
	if _, err := io.WriteString(r.w, masked[:cut]); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes the held-back bytes, masked.
func (r *Redactor) Flush() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.held) == 0 {
		return nil
	}
	_, err := io.WriteString(r.w, spec.MaskAccessKeys(string(r.held)))
	r.held = nil
	return err
}
