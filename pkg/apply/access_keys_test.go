package apply

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	smithy "github.com/aws/smithy-go"

	"github.com/teramot/teramotc/pkg/spec"
)

const keyUser = "teramot-service-user"

func withAccessKey(s *spec.Spec) { s.Grants[0].IAMUser.CreateAccessKey.Value = true }

func countCalls(f *fake, prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if strings.HasPrefix(c, prefix) {
			n++
		}
	}
	return n
}

// TestCreateAccessKeySentOnce: CreateAccessKey goes out with the SDK
// retryer limited to one attempt, and teramotc's own retry re-sends it
// only after an answer that proves no key was made (D1).
func TestCreateAccessKeySentOnce(t *testing.T) {
	timeout := &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name      string
		fault     error
		createdBy bool // the lost call made a key anyway
		wantCalls int
		wantErr   string // "" for success
		wantFile  string // "secret", "empty" or "none"
	}{
		{"answered", nil, false, 1, "", "secret"},
		{"throttled, then answered", apiErr("Throttling", "Rate exceeded"), false, 2, "", "secret"},
		{"user not visible yet, then answered", apiErr("NoSuchEntity", "user not found"), false, 2, "", "secret"},
		{"limit exceeded", apiErr("LimitExceeded", "two keys"), false, 1, "LimitExceeded", "none"},
		{"connection refused", refused, false, 1, "connection refused", "none"},
		{"no answer, key made", timeout, true, 1, "CreateAccessKey got no answer", "empty"},
		{"no answer, no key seen", timeout, false, 1, "no access key of user " + keyUser + " appeared", "empty"},
		{"server fault", &smithy.GenericAPIError{Code: "ServiceFailure", Fault: smithy.FaultServer}, false, 1, "CreateAccessKey got no answer (ServiceFailure)", "empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if tc.fault != nil {
				f.faults["CreateAccessKey"] = []error{tc.fault}
			}
			if tc.createdBy {
				f.onCreateAccessKey = func(context.Context) {
					f.mu.Lock()
					if len(f.faults["CreateAccessKey"]) > 0 { // the call that fails
						f.iam.keys[keyUser]++
					}
					f.mu.Unlock()
				}
			}
			_, err := converge(t, e, loadSpec(t, "setup-guide-user", withAccessKey))
			if got := countCalls(f, "CreateAccessKey"); got != tc.wantCalls {
				t.Errorf("CreateAccessKey sent %d times, want %d", got, tc.wantCalls)
			}
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("apply error = %v, want %q", err, tc.wantErr)
			}
			if tc.createdBy && !strings.Contains(err.Error(), "access key "+keyNames([]string{fakeKeyID(0)})+" of user "+keyUser+" was created") {
				t.Errorf("error does not name the lost key: %v", err)
			}
			if tc.wantErr != "" && countCalls(f, "AttachUserPolicy") > 0 {
				t.Errorf("the policy was attached after the key failed")
			}
			b, ferr := os.ReadFile(e.keyFilePath(keyUser))
			file := "none"
			switch {
			case ferr == nil && len(b) == 0:
				file = "empty"
			case ferr == nil && strings.Contains(string(b), "fake-secret-do-not-print"):
				file = "secret"
			case ferr == nil:
				file = string(b)
			}
			if file != tc.wantFile {
				t.Errorf("key file: %s, want %s", file, tc.wantFile)
			}
			opts := iam.Options{Retryer: retry.NewStandard()}
			for _, fn := range f.iam.createKeyOpts {
				fn(&opts)
			}
			if got := opts.Retryer.MaxAttempts(); got != 1 {
				t.Errorf("CreateAccessKey's SDK retryer allows %d attempts, want 1", got)
			}
		})
	}
}

// TestLostKeyIsNotGranted: after a CreateAccessKey whose answer was lost,
// plan names the key, CheckKeyDir and apply refuse to attach the grant
// until it is deleted, and then apply creates a new key (D1).
func TestLostKeyIsNotGranted(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", withAccessKey)
	f.faults["CreateAccessKey"] = []error{context.DeadlineExceeded}
	f.onCreateAccessKey = func(context.Context) {
		f.mu.Lock()
		f.iam.keys[keyUser]++ // AWS made the key; the answer never came
		f.mu.Unlock()
	}
	if _, err := converge(t, e, items); err == nil {
		t.Fatal("apply succeeded after a lost CreateAccessKey answer")
	}
	f.onCreateAccessKey = nil
	lost := keyNames([]string{fakeKeyID(0)})

	e2 := fakeEngine(t, f)
	e2.KeyDir = e.KeyDir
	p := planFor(t, e2, items)
	if w := strings.Join(p.Warnings, "\n"); !strings.Contains(w, "already has access key "+lost) ||
		!strings.Contains(w, "aws iam delete-access-key --user-name "+keyUser+" --access-key-id ID, with the full id of "+lost) {
		t.Errorf("plan warnings do not name the lost key and how to delete it:\n%s", w)
	}
	for _, c := range p.Changes {
		if c.Type == TAccessKey {
			t.Errorf("plan creates a second key")
		}
	}
	var prob *Problem
	if err := e2.CheckKeyDir(p); !errors.As(err, &prob) || !strings.Contains(prob.Summary, "is empty: access key "+lost) ||
		!strings.Contains(prob.Detail, "Nothing was written to AWS") {
		t.Errorf("CheckKeyDir = %v, want the empty key file and the lost key named", err)
	}
	_, err := e2.Apply(context.Background(), p, false)
	if !errors.As(err, &prob) || !strings.Contains(prob.Summary, lost) {
		t.Errorf("apply error = %v, want a refusal naming %s", err, lost)
	}
	if n := countCalls(f, "AttachUserPolicy"); n > 0 {
		t.Fatalf("the policy was attached to a user whose key nobody holds")
	}

	// The operator deletes the key and the empty file: apply converges.
	f.iam.keys[keyUser] = 0
	os.Remove(e.keyFilePath(keyUser))
	e3 := fakeEngine(t, f)
	if _, err := converge(t, e3, items); err != nil {
		t.Fatalf("apply after cleanup: %v", err)
	}
	if b, _ := os.ReadFile(e3.keyFilePath(keyUser)); !strings.Contains(string(b), fakeKeyID(0)) {
		t.Errorf("new key file: %s", b)
	}
	assertConverged(t, f, e3, items)
}

// TestUnaccountedKeyBeforeGrant: a user's active key must be named by its
// key file in -key-dir (or created by this run) before apply attaches the
// grant; inactive keys and specs without create_access_key are left alone.
func TestUnaccountedKeyBeforeGrant(t *testing.T) {
	tests := []struct {
		name      string
		keys      int
		inactive  bool
		file      string // key file content; "" for none
		manage    bool   // create_access_key
		wantError string // "" when apply attaches
	}{
		{"key named by its file", 1, false, `{"AccessKeyId": "AKIAFAKEKEY1"}`, true, ""},
		{"no key file", 1, false, "", true, "user " + keyUser + " has access key AKIA…KEY1, which no key file in -key-dir accounts for"},
		{"file names another key", 1, false, `{"AccessKeyId": "AKIAOLD"}`, true, "has access key AKIA…KEY1, which no key file"},
		{"second key", 2, false, `{"AccessKeyId": "AKIAFAKEKEY1"}`, true, "has access key AKIA…KEY2, which no key file"},
		{"inactive key", 1, true, "", true, ""},
		{"create_access_key = false", 1, false, "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			f.iam.users[keyUser] = true
			f.iam.keys[keyUser] = tc.keys
			if tc.inactive {
				f.iam.inactive = map[string]bool{fakeKeyID(0): true}
			}
			if tc.file != "" {
				if err := os.WriteFile(filepath.Join(e.KeyDir, keyUser+".access-key.json"), []byte(tc.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			items := loadSpec(t, "setup-guide-user", func(s *spec.Spec) { s.Grants[0].IAMUser.CreateAccessKey.Value = tc.manage })
			p := planFor(t, e, items)
			checkErr := e.CheckKeyDir(p)
			_, err := e.Apply(context.Background(), p, false)
			attached := countCalls(f, "AttachUserPolicy") > 0
			if tc.wantError == "" {
				if checkErr != nil || err != nil || !attached {
					t.Fatalf("CheckKeyDir = %v, apply = %v, attached = %v; want the grant attached", checkErr, err, attached)
				}
				return
			}
			if checkErr == nil || !strings.Contains(checkErr.Error(), tc.wantError) {
				t.Errorf("CheckKeyDir = %v, want %q", checkErr, tc.wantError)
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantError) || attached {
				t.Errorf("apply = %v (attached %v), want a refusal %q", err, attached, tc.wantError)
			}
		})
	}
}

// TestAccessKeyPlanWarnings: plan names unaccounted keys (ids only, never
// a secret) when it attaches the grant, and extra active keys always.
func TestAccessKeyPlanWarnings(t *testing.T) {
	tests := []struct {
		name     string
		keys     int
		attached bool
		want     string // "" for no warning
	}{
		{"converged, one key", 1, true, ""},
		{"no key, plan creates one", 0, false, ""},
		{"key before the grant", 1, false, "user " + keyUser + " already has access key AKIA…KEY1, which this plan does not create"},
		{"two keys, granted", 2, true, "user " + keyUser + " has 2 active access keys (AKIA…KEY1, AKIA…KEY2)"},
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
			} else if tc.keys > 0 {
				f.iam.users[keyUser] = true
			}
			f.iam.keys[keyUser] = tc.keys
			p := planFor(t, e, items)
			got := strings.Join(p.Warnings, "\n")
			if tc.want == "" && got != "" || tc.want != "" && strings.Count(got, tc.want) != 1 {
				t.Errorf("warnings:\n%s\nwant %q once (for the access key item, not again for the user's other items)", got, tc.want)
			}
			if strings.Contains(got, "fake-secret") {
				t.Errorf("a warning shows a secret")
			}
		})
	}
}

// TestConcurrentApplyKeys: a key that appears between the plan and
// CreateAccessKey stops the run without a second key; one created by a
// concurrent run at the same moment is reported after this run's key is
// saved, before any grant (D10).
func TestConcurrentApplyKeys(t *testing.T) {
	t.Run("appeared since the plan", func(t *testing.T) {
		f := newFake()
		e := fakeEngine(t, f)
		// The user exists when the plan is made (a user created since the
		// plan stops the run at CreateUser, create_race.go).
		f.iam.users[keyUser] = true
		p := planFor(t, e, loadSpec(t, "setup-guide-user", withAccessKey))
		f.iam.keys[keyUser] = 1 // the other run's key
		_, err := e.Apply(context.Background(), p, false)
		if err == nil || !strings.Contains(err.Error(), "user "+keyUser+" has access key AKIA…KEY1, created since the plan") {
			t.Fatalf("apply error = %v", err)
		}
		if countCalls(f, "CreateAccessKey") > 0 || countCalls(f, "AttachUserPolicy") > 0 {
			t.Errorf("calls after the key appeared: %v", f.calls)
		}
		if _, err := os.Stat(e.keyFilePath(keyUser)); err == nil {
			t.Errorf("a key file was left behind")
		}
	})
	t.Run("created at the same time", func(t *testing.T) {
		f := newFake()
		e := fakeEngine(t, f)
		p := planFor(t, e, loadSpec(t, "setup-guide-user", withAccessKey))
		f.onCreateAccessKey = func(context.Context) {
			f.mu.Lock()
			f.iam.keys[keyUser]++ // the other run's key, made just before ours
			f.mu.Unlock()
		}
		res, err := e.Apply(context.Background(), p, false)
		if err == nil || !strings.Contains(err.Error(), "has 2 active access keys after this run created AKIA…KEY2") {
			t.Fatalf("apply error = %v", err)
		}
		var prob *Problem
		if errors.As(err, &prob) && !strings.Contains(prob.Detail, "full id of AKIA…KEY1") {
			t.Errorf("detail does not say which key to delete: %s", prob.Detail)
		}
		if res == nil || len(res.KeyFiles) != 1 {
			t.Errorf("the created key's file is not reported: %+v", res)
		}
		if countCalls(f, "AttachUserPolicy") > 0 {
			t.Errorf("the grant was attached")
		}
	})
}
