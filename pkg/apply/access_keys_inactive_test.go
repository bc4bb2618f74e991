package apply

import (
	"context"
	"os"
	"strings"
	"testing"
)

const regrantUser = `
grant "old" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "old/"
  iam_user {
    name              = "old-partner"
    create_access_key = true
  }
}
`

// inactiveWarning returns the plan's warnings that say the user has no
// active access key.
func inactiveWarning(p *Plan) string {
	var out []string
	for _, w := range p.Warnings {
		if strings.Contains(w, "has no active access key") {
			out = append(out, w)
		}
	}
	return strings.Join(out, "\n")
}

// TestRegrantInactiveKey: a user that a revoked_grant offboarded (policy
// detached, key deactivated) and whose block is a grant with
// create_access_key again gets neither a new key nor its old key
// reactivated by apply, and the plan says so, naming the Inactive key and
// both ways out; either way out then converges.
func TestRegrantInactiveKey(t *testing.T) {
	for _, way := range []string{"reactivate", "delete"} {
		t.Run(way, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			grant := specItems(t, revokedBucket+regrantUser)
			if _, err := converge(t, e, grant); err != nil {
				t.Fatal(err)
			}
			if _, err := converge(t, e, specItems(t, revokedBucket+revokedUser)); err != nil {
				t.Fatal(err)
			}
			if !f.iam.inactive[fakeKeyID(0)] {
				t.Fatal("the revocation left the key active")
			}

			p := planFor(t, e, grant)
			w := inactiveWarning(p)
			for _, s := range []string{"user old-partner has no active access key: its access key AKIA…KEY1 is Inactive",
				"create_access_key in grant.old creates a key only when the user has none", "teramotc never reactivates a key",
				"aws iam update-access-key --user-name old-partner --access-key-id ID --status Active",
				"aws iam delete-access-key --user-name old-partner --access-key-id ID, with the full id of AKIA…KEY1",
				"move the old key file old-partner.access-key.json out of -key-dir"} {
				if !strings.Contains(w, s) {
					t.Errorf("warning lacks %q:\n%s", s, w)
				}
			}
			if strings.Contains(w, fakeKeyID(0)) {
				t.Errorf("warning shows a full key id:\n%s", w)
			}
			for _, c := range p.Changes {
				if c.Type == TAccessKey {
					t.Errorf("plan has an access-key change: %s", c.Action)
				}
			}
			f.calls = nil
			if _, err := e.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if n := countCalls(f, "CreateAccessKey") + countCalls(f, "UpdateAccessKey"); n > 0 || f.iam.keys["old-partner"] != 1 || !f.iam.inactive[fakeKeyID(0)] {
				t.Fatalf("apply created or reactivated a key: %q", f.calls)
			}
			if w := inactiveWarning(planFor(t, e, grant)); w == "" {
				t.Error("the warning is gone while the key is still Inactive")
			}

			if way == "reactivate" {
				f.iam.inactive[fakeKeyID(0)] = false
			} else {
				f.iam.keys["old-partner"] = 0
				if err := os.Rename(e.keyFilePath("old-partner"), e.keyFilePath("old-partner")+".old"); err != nil {
					t.Fatal(err)
				}
			}
			e2 := fakeEngine(t, f)
			e2.KeyDir = e.KeyDir
			p = planFor(t, e2, grant)
			if w := inactiveWarning(p); w != "" {
				t.Errorf("warning after %s: %s", way, w)
			}
			if _, err := e2.Apply(context.Background(), p, false); err != nil {
				t.Fatal(err)
			}
			if way == "delete" {
				if b, _ := os.ReadFile(e2.keyFilePath("old-partner")); !strings.Contains(string(b), fakeKeyID(0)) {
					t.Errorf("no new key written: %s", b)
				}
			}
			assertConverged(t, f, e2, grant)
		})
	}
}

// TestInactiveKeysWarning: the warning fires only when every key is
// Inactive, and with two keys says to delete both (IAM allows two, and
// apply creates one only when the user has none).
func TestInactiveKeysWarning(t *testing.T) {
	tests := []struct {
		name     string
		keys     int
		inactive []int
		want     []string // nil: no warning
	}{
		{"no key", 0, nil, nil},
		{"one active", 1, nil, nil},
		{"one inactive, one active", 2, []int{0}, nil},
		{"one inactive", 1, []int{0}, []string{"its access key AKIA…KEY1 is Inactive", "or delete it ("}},
		{"two inactive", 2, []int{0, 1}, []string{"its 2 access keys (AKIA…KEY1, AKIA…KEY2) are Inactive",
			"or delete both (IAM allows two keys per user, and apply creates one only when the user has none)",
			"with the full id of AKIA…KEY1, AKIA…KEY2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, "setup-guide-user", withAccessKey)
			if _, err := converge(t, e, items); err != nil {
				t.Fatal(err)
			}
			f.iam.keys[keyUser] = tc.keys
			f.iam.inactive = map[string]bool{}
			for _, i := range tc.inactive {
				f.iam.inactive[fakeKeyID(i)] = true
			}
			w := inactiveWarning(planFor(t, e, items))
			if tc.want == nil && w != "" {
				t.Errorf("unexpected warning:\n%s", w)
			}
			for _, s := range tc.want {
				if strings.Count(w, "has no active access key") != 1 || !strings.Contains(w, s) {
					t.Errorf("warning lacks %q (or is not there once):\n%s", s, w)
				}
			}
		})
	}
}
