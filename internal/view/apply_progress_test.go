package view

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/apply"
)

func TestApplyLogLines(t *testing.T) {
	create := &apply.Change{Type: "s3_bucket", Name: "logs", Action: apply.ActionCreate}
	update := &apply.Change{Type: "bucket_policy", Name: "logs", Action: apply.ActionUpdate}
	tests := []struct {
		name string
		ev   apply.ProgressEvent
		want string
	}{
		{"create start", apply.ProgressEvent{Kind: apply.ProgressStart, Change: create, Subject: "s3_bucket.logs", Since: 3 * time.Second},
			"[00m03s] s3_bucket.logs: Creating...\n"},
		{"update start in a phase", apply.ProgressEvent{Kind: apply.ProgressStart, Change: update, Subject: "bucket_policy.logs (acme)", Phase: "deny-only", Since: 61 * time.Second},
			"[01m01s] bucket_policy.logs (acme): Modifying... [deny-only]\n"},
		{"create complete", apply.ProgressEvent{Kind: apply.ProgressComplete, Change: create, Subject: "s3_bucket.logs", Elapsed: 2400 * time.Millisecond, Since: 5 * time.Second},
			"[00m05s] s3_bucket.logs: Creation complete after 2s\n"},
		{"update complete", apply.ProgressEvent{Kind: apply.ProgressComplete, Change: update, Subject: "bucket_policy.logs", Elapsed: 70 * time.Second},
			"[00m00s] bucket_policy.logs: Modifications complete after 1m10s\n"},
		{"retry", apply.ProgressEvent{Kind: apply.ProgressRetry, Subject: "bucket logs visible", Detail: "retrying after 1s (attempt 1): NoSuchBucket", Since: 9 * time.Second},
			"[00m09s] bucket logs visible: retrying after 1s (attempt 1): NoSuchBucket\n"},
		{"waiting", apply.ProgressEvent{Kind: apply.ProgressWaiting, Change: create, Subject: "s3_bucket.logs", Detail: "still waiting for the write to read back", Elapsed: 12300 * time.Millisecond, Since: 20 * time.Second},
			"[00m20s] s3_bucket.logs: still waiting for the write to read back... [00m12s elapsed]\n"},
		{"adopted", apply.ProgressEvent{Kind: apply.ProgressAdopted, Change: create, Subject: "s3_bucket.logs", Call: "CreateBucket", Code: "BucketAlreadyOwnedByYou", Attempts: 2, Since: time.Second},
			"[00m01s] s3_bucket.logs: CreateBucket answered BucketAlreadyOwnedByYou after 2 attempts of this run, an earlier one of which may have created it: continuing with it\n"},
		{"key file", apply.ProgressEvent{Kind: apply.ProgressKeyFile, Subject: "ci", Detail: "keys/ci.access-key.json", Since: 4 * time.Second},
			"[00m04s] access key of user ci written to keys/ci.access-key.json (mode 0600)\n"},
		{"warning has no clock", apply.ProgressEvent{Kind: apply.ProgressWarning, Detail: "tagging is not supported by http://x; skipped", Since: 4 * time.Second},
			"Warning: tagging is not supported by http://x; skipped\n"},
		{"unknown kind", apply.ProgressEvent{Kind: "future", Subject: "x"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			NewApplyLog(&b).Event(tc.ev)
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}

// The log-only kinds add no -json event.
func TestApplyProgressIgnoresLogOnlyKinds(t *testing.T) {
	var b strings.Builder
	ev := NewEvents(&b, func() time.Time { return time.Unix(0, 0) })
	c := &apply.Change{Type: "s3_bucket", Name: "logs", Action: apply.ActionCreate}
	p := NewApplyProgress(ev)
	p.Event(apply.ProgressEvent{Kind: apply.ProgressAdopted, Change: c, Subject: "s3_bucket.logs"})
	p.Event(apply.ProgressEvent{Kind: apply.ProgressKeyFile, Change: c, Subject: "ci", Detail: "ci.access-key.json"})
	if b.Len() != 0 {
		t.Errorf("events written for log-only kinds:\n%s", b.String())
	}
}
