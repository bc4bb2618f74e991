package apply

import (
	"errors"
	"os"
	"strings"
	"testing"
)

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
