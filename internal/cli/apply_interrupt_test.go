package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

// TestApplyFailedMessages: an interrupt is one message after any real
// error, counting what was not started; it is never shown as the error of
// the write it stopped, and no request ids are printed.
func TestApplyFailedMessages(t *testing.T) {
	canceled := fmt.Errorf("stage %q failed, later stages (grants included) were not run: versioning b: %w", "guardrails",
		&smithy.OperationError{ServiceID: "S3", OperationName: "PutBucketVersioning", Err: &smithy.CanceledError{Err: context.Canceled}})
	denied := fmt.Errorf("stage %q failed, later stages (grants included) were not run: tagging b: %w", "guardrails",
		&smithy.OperationError{ServiceID: "S3", OperationName: "PutBucketTagging", Err: &smithy.GenericAPIError{Code: "AccessDenied", Message: "no"}})
	plan := &apply.Plan{Changes: []*apply.Change{{Type: apply.TBucket, Name: "b"}, {Type: apply.TVersioning, Name: "b"}, {Type: apply.TTagging, Name: "b"}}}
	const interrupted = "Error: apply interrupted: 0 changes applied, 0 stopped part way, 3 not started"
	tests := []struct {
		name        string
		interrupt   bool
		err         error
		wantErrors  []string // the Error: lines, in order
		wantMissing string
	}{
		{"interrupt only", true, canceled, []string{interrupted}, "PutBucketVersioning"},
		{"an error, then the interrupt", true, denied, []string{
			`Error: stage "guardrails" failed, later stages (grants included) were not run: tagging b: access denied for s3:PutBucketTagging`,
			interrupted}, "RequestID"},
		{"an error without interrupt", false, denied, []string{
			`Error: stage "guardrails" failed, later stages (grants included) were not run: tagging b: access denied for s3:PutBucketTagging`}, "interrupted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			env := &Env{Stderr: &stderr, Getenv: func(string) string { return "" }, Now: time.Now}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.interrupt {
				cancel()
			}
			applyFailed(ctx, &reporter{env: env}, &apply.Engine{}, plan, tc.err)
			var got []string
			for _, l := range strings.Split(stderr.String(), "\n") {
				if strings.HasPrefix(l, "Error: ") {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.wantErrors, "\n") {
				t.Errorf("error lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.wantErrors, "\n"))
			}
			if strings.Contains(stderr.String(), tc.wantMissing) {
				t.Errorf("stderr mentions %q:\n%s", tc.wantMissing, stderr.String())
			}
		})
	}
}

// TestApplyFailedJSON: under -json an interrupt is one error diagnostic
// saying so.
func TestApplyFailedJSON(t *testing.T) {
	var stdout bytes.Buffer
	env := &Env{Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Now: time.Now}
	r := &reporter{env: env, ev: view.NewEvents(&stdout, time.Now)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	applyFailed(ctx, r, &apply.Engine{}, &apply.Plan{}, fmt.Errorf("stage: %w", context.Canceled))
	out := stdout.String()
	if n := strings.Count(out, `"type":"diagnostic"`); n != 1 || !strings.Contains(out, `"summary":"apply interrupted: 0 changes applied, 0 stopped part way, 0 not started"`) {
		t.Errorf("want one diagnostic saying the apply was interrupted, got %d:\n%s", n, out)
	}
	if strings.Contains(out, "context canceled") {
		t.Errorf("the raw cancellation leaked:\n%s", out)
	}
}
