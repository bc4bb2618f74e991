package apply

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyFileOfSensitiveUser: the key file of a user whose name holds a
// sensitive value is named after the grant, never after the user; other
// users keep USER.access-key.json, and a file an older teramotc wrote under
// a sensitive user's name still accounts for its key. The check's problem,
// masked with the plan's secrets, names no secret.
func TestKeyFileOfSensitiveUser(t *testing.T) {
	const secretUser = "u-kqwsecretval"
	sensitiveKey := &Item{Type: TAccessKey, Address: "grant.svc", Name: secretUser, Owner: "user/" + secretUser, secrets: []string{"kqwsecretval", secretUser}}
	plainKey := &Item{Type: TAccessKey, Address: "grant.other", Name: "plain-user", Owner: "user/plain-user", secrets: []string{"kqwsecretval", secretUser}}
	tests := []struct {
		name     string
		legacy   string // a file already in the key dir ("" for none), empty
		wantFile string // where the sensitive user's key goes
		wantErr  string // CheckKeyDir's summary, masked, DIR for the key dir
	}{
		{"new key", "", "grant.svc.access-key.json", ""},
		{"empty file of an older teramotc", secretUser + ".access-key.json", "grant.svc.access-key.json",
			"DIR/(sensitive).access-key.json is empty: an earlier apply stopped before saving the access key of user (sensitive)"},
		{"empty file under the grant's name", "grant.svc.access-key.json", "grant.svc.access-key.json",
			"DIR/grant.svc.access-key.json is empty: an earlier apply stopped before saving the access key of user (sensitive)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.legacy != "" {
				if err := os.WriteFile(filepath.Join(dir, tc.legacy), nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			e := &Engine{C: &Clients{}, KeyDir: dir, Partition: "aws"}
			p := e.MakePlan([]*Item{sensitiveKey, plainKey}, newLive())
			if got := e.keyFilePath(secretUser); got != filepath.Join(dir, tc.wantFile) {
				t.Errorf("key file of the sensitive user = %q, want %q", got, tc.wantFile)
			}
			if got, want := e.keyFilePath("plain-user"), filepath.Join(dir, "plain-user.access-key.json"); got != want {
				t.Errorf("key file of a plain user = %q, want %q", got, want)
			}
			got := ""
			if err := e.CheckKeyDir(p); err != nil {
				var pr *Problem
				if !errors.As(err, &pr) {
					t.Fatalf("err = %#v, want a *Problem", err)
				}
				got = strings.ReplaceAll(p.Mask(pr.Summary), dir, "DIR")
				if m := p.Mask(pr.Summary + pr.Detail); strings.Contains(m, "kqwsecretval") {
					t.Errorf("masked problem names the secret: %q", m)
				}
			}
			if got != tc.wantErr {
				t.Errorf("CheckKeyDir = %q, want %q", got, tc.wantErr)
			}
		})
	}
}

// TestKeyFilesCollide: two users whose key files would have one name are
// refused before anything is written.
func TestKeyFilesCollide(t *testing.T) {
	secrets := []string{"kqwsecretval"}
	items := []*Item{
		{Type: TAccessKey, Address: "grant.svc", Name: "kqwsecretval", Owner: "user/kqwsecretval", secrets: secrets},
		{Type: TAccessKey, Address: "grant.x", Name: "grant.svc", Owner: "user/grant.svc", secrets: secrets},
	}
	e := &Engine{C: &Clients{}, KeyDir: t.TempDir(), Partition: "aws"}
	p := e.MakePlan(items, newLive())
	err := e.CheckKeyDir(p)
	var pr *Problem
	if !errors.As(err, &pr) || !strings.Contains(pr.Summary, "would write their access keys to the same file") {
		t.Fatalf("CheckKeyDir = %v, want the collision refused", err)
	}
}
