package apply

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/internal/testenv"
)

func motoKeys(t *testing.T, e *Engine, user string) []string {
	t.Helper()
	out, err := e.C.IAM.ListAccessKeys(context.Background(), &iam.ListAccessKeysInput{UserName: aws.String(user)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, k := range out.AccessKeyMetadata {
		ids = append(ids, aws.ToString(k.AccessKeyId))
	}
	return ids
}

func motoAttached(t *testing.T, e *Engine, user string) int {
	t.Helper()
	out, err := e.C.IAM.ListAttachedUserPolicies(context.Background(), &iam.ListAttachedUserPoliciesInput{UserName: aws.String(user)})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.AttachedPolicies)
}

// TestMotoAccessKeys runs the key and path checks against one moto: a key
// made outside the run (a lost secret) is named by plan and never granted;
// a key that appears between plan and apply stops the run without a
// second key (D1, D10); a lost CreateAccessKey answer leaves one key; user
// and role paths (D14).
func TestMotoAccessKeys(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	items := loadSpec(t, "setup-guide-user", withAccessKey)

	t.Run("orphan key", func(t *testing.T) {
		m.Reset(t)
		e := connectMoto(t, m)
		if _, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(keyUser)}); err != nil {
			t.Fatal(err)
		}
		k, err := e.C.IAM.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String(keyUser)})
		if err != nil {
			t.Fatal(err)
		}
		orphan := keyNames([]string{aws.ToString(k.AccessKey.AccessKeyId)})
		p := planFor(t, e, items)
		if w := strings.Join(p.Warnings, "\n"); !strings.Contains(w, "already has access key "+orphan) {
			t.Errorf("plan warnings do not name %s:\n%s", orphan, w)
		}
		if err := e.CheckKeyDir(p); err == nil || !strings.Contains(err.Error(), orphan) {
			t.Errorf("CheckKeyDir = %v, want a refusal naming %s", err, orphan)
		}
		if _, err := e.Apply(ctx, p, false); err == nil || !strings.Contains(err.Error(), orphan) {
			t.Errorf("apply = %v, want a refusal naming %s", err, orphan)
		}
		if n := motoAttached(t, e, keyUser); n != 0 {
			t.Fatalf("%d policies attached to a user whose key nobody holds", n)
		}
		if ids := motoKeys(t, e, keyUser); len(ids) != 1 {
			t.Errorf("keys = %v, want the orphan only", ids)
		}
		// Deleted as the warning says: apply creates a key and grants.
		deleter, ok := e.C.IAM.(interface {
			DeleteAccessKey(context.Context, *iam.DeleteAccessKeyInput, ...func(*iam.Options)) (*iam.DeleteAccessKeyOutput, error)
		})
		if !ok {
			t.Fatalf("the IAM client %T cannot delete keys", e.C.IAM)
		}
		if _, err := deleter.DeleteAccessKey(ctx, &iam.DeleteAccessKeyInput{UserName: aws.String(keyUser), AccessKeyId: k.AccessKey.AccessKeyId}); err != nil {
			t.Fatal(err)
		}
		res, err := e.Apply(ctx, planFor(t, e, items), false)
		if err != nil || len(res.KeyFiles) != 1 || motoAttached(t, e, keyUser) != 1 {
			t.Fatalf("apply after deleting the orphan: %v, %+v", err, res)
		}
	})

	t.Run("key appeared since the plan", func(t *testing.T) {
		m.Reset(t)
		e := connectMoto(t, m)
		// The user exists when the plan is made (a user created since the
		// plan stops the run at CreateUser, create_race.go).
		if _, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(keyUser)}); err != nil {
			t.Fatal(err)
		}
		p := planFor(t, e, items)
		// Another apply gets ahead between this run's plan and its key.
		other := connectMoto(t, m)
		if _, err := other.Apply(ctx, planFor(t, other, items), false); err != nil {
			t.Fatal(err)
		}
		_, err := e.Apply(ctx, p, false)
		if err == nil || !strings.Contains(err.Error(), "created since the plan") {
			t.Fatalf("apply = %v, want the key created since the plan reported", err)
		}
		if ids := motoKeys(t, e, keyUser); len(ids) != 1 {
			t.Errorf("keys = %v, want the other run's key only", ids)
		}
	})

	t.Run("no answer", func(t *testing.T) { m.Reset(t); motoCreateAccessKeyNoAnswer(t, m) })
	t.Run("paths", func(t *testing.T) { m.Reset(t); motoPaths(t, m) })
}

// motoCreateAccessKeyNoAnswer: a CreateAccessKey answer slower than the
// request timeout is not re-sent by the SDK, so IAM holds exactly one key,
// which the error names; the empty key file marks it (D1, variant B).
func motoCreateAccessKeyNoAnswer(t *testing.T, m *testenv.Moto) {
	target, _ := url.Parse(m.URL)
	rp := httputil.NewSingleHostReverseProxy(target)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte("Action=CreateAccessKey")) {
			rec := httptest.NewRecorder()
			rp.ServeHTTP(rec, r) // IAM makes the key...
			select {             // ...but its answer comes too late
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		rp.ServeHTTP(w, r)
	}))
	defer proxy.Close()
	for _, kv := range m.Env() {
		k, v, _ := cut(kv)
		t.Setenv(k, v)
	}
	ctx := context.Background()
	c, err := Connect(ctx, ConnectOptions{EndpointURL: proxy.URL, RequestTimeout: 700 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	e.Backoff, e.PropagationTimeout, e.KeyDir = 50*time.Millisecond, 10*time.Second, t.TempDir()
	_, err = e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", withAccessKey)), false)
	ids := motoKeys(t, e, keyUser)
	if len(ids) != 1 {
		t.Fatalf("IAM holds keys %v after one lost answer, want exactly one (the SDK re-sent CreateAccessKey)", ids)
	}
	var prob *Problem
	if !errors.As(err, &prob) || !strings.Contains(prob.Summary, "access key "+keyNames(ids[:1])+" of user "+keyUser+" was created") {
		t.Fatalf("apply = %v, want the lost key %s named", err, ids[0])
	}
	if b, ferr := os.ReadFile(e.keyFilePath(keyUser)); ferr != nil || len(b) != 0 {
		t.Errorf("key file: %q, %v; want it kept empty", b, ferr)
	}
	if n := motoAttached(t, e, keyUser); n != 0 {
		t.Errorf("%d policies attached after the lost key", n)
	}
}

// motoPaths: moto moves a user with UpdateUser NewPath, so apply
// converges a user under another path; a role under another path is a
// plan error (D14).
func motoPaths(t *testing.T, m *testenv.Moto) {
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(keyUser), Path: aws.String("/ext/")}); err != nil {
		t.Fatal(err)
	}
	items := loadSpec(t, "setup-guide-user", nil)
	start := time.Now()
	if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
		t.Fatalf("apply: %v", err)
	}
	out, err := e.C.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(keyUser)})
	if err != nil || aws.ToString(out.User.Path) != "/" {
		t.Fatalf("user after apply: %+v, %v; want path /", out, err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("apply took %s", d)
	}
	if p := planFor(t, e, items); len(p.Changes) != 0 {
		t.Errorf("not converged: %d changes", len(p.Changes))
	}

	roles := loadSpec(t, "setup-guide-role", nil)
	for _, it := range roles {
		if it.Type == TIAMRole {
			if _, err := e.C.IAM.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(it.Name), Path: aws.String("/ext/"),
				AssumeRolePolicyDocument: aws.String(mustJSON(it.Doc))}); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, err = e.Read(ctx, roles)
	var prob *Problem
	if !errors.As(err, &prob) || !strings.Contains(prob.Summary, `exists with path "/ext/"`) {
		t.Errorf("plan of a role under another path: %v, want the path problem", err)
	}
}
