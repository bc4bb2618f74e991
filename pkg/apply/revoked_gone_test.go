package apply

import (
	"context"
	"testing"
	"time"
)

// TestRevokedIdentityDeletedSincePlan: the user or role of a revoked grant
// deleted between plan and apply makes the detach (and the listing of the
// user's keys) answer NoSuchEntity. The revocation holds: apply counts the
// changes as done at once, with a warning saying why, instead of waiting
// for a read-back until the propagation budget runs out. An attachment
// removed by hand since the plan (the user still there) is read back as
// detached, with no such warning.
func TestRevokedIdentityDeletedSincePlan(t *testing.T) {
	role := "revoked_grant \"r\" {\n  cross_account_role = \"old-role\"\n}\n"
	for _, tc := range []struct {
		name          string
		delete        func(f *fake, e *Engine)
		notes         int // warnings "was deleted since the plan"
		removed, kept int // result: detaches, key deactivations
	}{
		{name: "user deleted", notes: 2, removed: 2, kept: 1, delete: func(f *fake, e *Engine) {
			delete(f.iam.users, "old-partner")
			delete(f.iam.attached, "user/old-partner "+e.policyARN("old-s3-access"))
			f.iam.keys["old-partner"] = 0
			f.iam.gone = map[string]bool{"old-partner": true}
		}},
		{name: "role deleted", notes: 1, removed: 2, kept: 1, delete: func(f *fake, e *Engine) {
			delete(f.iam.roles, "old-role")
			delete(f.iam.attached, "role/old-role "+e.policyARN("r-s3-access"))
		}},
		{name: "attachments removed", notes: 0, removed: 2, kept: 1, delete: func(f *fake, e *Engine) {
			delete(f.iam.attached, "user/old-partner "+e.policyARN("old-s3-access"))
			delete(f.iam.attached, "role/old-role "+e.policyARN("r-s3-access"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			e.PropagationTimeout = 20 * time.Second // waiting for it would show
			progress := recordProgress(e)
			f.iam.users["old-partner"] = true
			f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
			f.iam.keys["old-partner"] = 1
			f.iam.roles["old-role"] = &fakeRole{trust: "{}", maxSession: 3600}
			f.iam.attached["role/old-role "+e.policyARN("r-s3-access")] = true
			items := specItems(t, revokedUser+role)
			p := planFor(t, e, items)
			if len(p.Changes) != 3 {
				t.Fatalf("%d changes, want 3 (keys, two detaches)", len(p.Changes))
			}
			tc.delete(f, e)
			start := time.Now()
			res, err := e.Apply(context.Background(), p, false)
			if err != nil {
				t.Fatalf("apply: %v", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("apply took %s: it waited for a read-back of what is gone", d)
			}
			if n := progress.count(ProgressWarning, "was deleted since the plan (IAM answers NoSuchEntity)"); n != tc.notes {
				t.Errorf("%d warnings about a deleted identity, want %d:\n%s", n, tc.notes, progress.text())
			}
			if res.Removed != tc.removed || res.Changed != tc.kept {
				t.Errorf("result %+v, want %d removed, %d changed", res, tc.removed, tc.kept)
			}
			assertConverged(t, f, e, items)
		})
	}
}
