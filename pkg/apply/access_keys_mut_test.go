package apply

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestAccessKeyWarningOnce: the plan warns about a user's keys once, for
// the access key item, not again for the user's other items.
func TestAccessKeyWarningOnce(t *testing.T) {
	tests := []struct {
		name     string
		keys     int
		attached bool
		want     string
	}{
		{"key before the grant", 1, false, "already has access key AKIA…KEY1"},
		{"two keys, granted", 2, true, "has 2 active access keys"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, "setup-guide-user", withAccessKey)
			if tc.attached {
				if _, err := converge(t, e, items); err != nil {
					t.Fatal(err)
				}
			} else {
				f.iam.users[keyUser] = true
			}
			f.iam.keys[keyUser] = tc.keys
			p := planFor(t, e, items)
			if n := strings.Count(strings.Join(p.Warnings, "\n"), tc.want); n != 1 {
				t.Errorf("%d warnings say %q, want 1:\n%s", n, tc.want, strings.Join(p.Warnings, "\n"))
			}
		})
	}
}

// TestUnreadableKeyFileRefusesGrant: a key file apply cannot read is
// reported as such, not read as an empty file (a key whose secret was
// lost).
func TestUnreadableKeyFileRefusesGrant(t *testing.T) {
	e := fakeEngine(t, newFake())
	if err := os.Mkdir(e.keyFilePath(keyUser), 0o700); err != nil { // reading a directory fails
		t.Fatal(err)
	}
	err := e.keyGrantProblem(keyUser, "p", []accessKey{{ID: "AKIAFAKEKEY1", Status: "Active"}})
	var pr *Problem
	if !errors.As(err, &pr) || !strings.HasPrefix(pr.Summary, "cannot read the key file ") {
		t.Errorf("error = %v, want a problem saying the key file cannot be read", err)
	}
}
