package apply

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

// createTarget is one resource apply creates, and how someone else makes
// it, with state the plan does not show, between the plan and the apply.
type createTarget struct {
	example, op, name string
	// elsewhere creates it outside the run; untouched reports a change
	// of what elsewhere made.
	elsewhere func(f *fake)
	untouched func(f *fake) string
	// touches reports a write call on the resource.
	touches func(call string) bool
}

const foreignDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"*","Resource":"*"}]}`

func (tg createTarget) call() string { return tg.op + " " + tg.name }

func writeOn(name string, ops ...string) func(string) bool {
	return func(call string) bool {
		op, target, _ := strings.Cut(call, " ")
		for _, o := range ops {
			if strings.HasPrefix(op, o) && (target == name || strings.HasSuffix(target, "/"+name)) {
				return true
			}
		}
		return false
	}
}

var createTargets = map[string]createTarget{
	"user": {"setup-guide-user", "CreateUser", "teramot-service-user",
		func(f *fake) {
			f.iam.users["teramot-service-user"] = true
			f.iam.groups = map[string][]string{"teramot-service-user": {"admins"}}
		},
		func(f *fake) string {
			if g := f.iam.groups["teramot-service-user"]; len(g) != 1 || f.iam.paths["teramot-service-user"] != "" {
				return fmt.Sprintf("groups %v, path %q", g, f.iam.paths["teramot-service-user"])
			}
			return ""
		},
		writeOn("teramot-service-user", "Update", "Attach", "Put", "Create")},
	"role": {"setup-guide-role", "CreateRole", "teramot-access",
		func(f *fake) { f.iam.roles["teramot-access"] = &fakeRole{trust: foreignDoc, maxSession: 43200} },
		func(f *fake) string {
			if r := f.iam.roles["teramot-access"]; r.trust != foreignDoc || r.maxSession != 43200 {
				return fmt.Sprintf("trust %s, max session %d", r.trust, r.maxSession)
			}
			return ""
		},
		writeOn("teramot-access", "Update", "Attach", "Put")},
	"policy": {"setup-guide-user", "CreatePolicy", "teramot-s3-access",
		func(f *fake) {
			f.iam.policies["arn:aws:iam::111122223333:policy/teramot-s3-access"] = []string{foreignDoc}
		},
		func(f *fake) string {
			if vs := f.iam.policies["arn:aws:iam::111122223333:policy/teramot-s3-access"]; len(vs) != 1 || vs[0] != foreignDoc {
				return fmt.Sprintf("versions %v", vs)
			}
			return ""
		},
		func(call string) bool {
			return strings.HasPrefix(call, "Attach") || writeOn("teramot-s3-access", "CreatePolicyVersion", "DeletePolicyVersion")(call)
		}},
	"bucket": {"setup-guide-user", "CreateBucket", "teramot-data-acme",
		func(f *fake) { f.buckets["teramot-data-acme"] = &fakeBucket{policy: aws.String(foreignDoc)} },
		func(f *fake) string {
			if b := f.buckets["teramot-data-acme"]; *b.policy != foreignDoc || b.pab != nil || b.enc != nil || len(b.tags) > 0 {
				return fmt.Sprintf("policy %s, public access block %v, encryption %v, tags %v", *b.policy, b.pab, b.enc, b.tags)
			}
			return ""
		},
		writeOn("teramot-data-acme", "Put", "Delete")},
}

// TestCreatedElsewhereSincePlan: a create answered "already exists" on
// its only attempt (or after attempts that were refused) means someone
// else created the resource after the plan read it: the change stops with
// a *Problem, nothing more is written to the resource, and the run fails.
func TestCreatedElsewhereSincePlan(t *testing.T) {
	tests := []struct {
		name, target string
		script       []scripted
		wantAttempts int
		credsLost    int
	}{
		{"user", "user", nil, 1, 0},
		{"role", "role", nil, 1, 0},
		{"managed policy", "policy", nil, 1, 0},
		{"bucket", "bucket", nil, 1, 0},
		{"user after a throttled attempt", "user", []scripted{throttled}, 2, 0},
		{"bucket after a throttled attempt", "bucket", []scripted{throttled}, 2, 0},
		// The credential lookup runs inside the SDK's retry loop: an
		// attempt that failed there sent nothing.
		{"user after a failed credential lookup", "user", nil, 1, 1},
		{"bucket after a failed credential lookup", "bucket", nil, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg := createTargets[tc.target]
			s := newSDKFake(newFake())
			e := sdkEngine(t, s)
			items := loadSpec(t, tg.example, nil)
			p := planFor(t, e, items)
			s.fake.mu.Lock()
			tg.elsewhere(s.fake)
			s.fake.mu.Unlock()
			s.answers[tg.call()] = tc.script
			s.credsLost[tg.op] = tc.credsLost
			_, err := e.Apply(context.Background(), p, false)
			var pr *Problem
			if !errors.As(err, &pr) {
				t.Fatalf("apply error = %v, want a *Problem", err)
			}
			kind, _, _ := createNames(map[string]string{"user": TIAMUser, "role": TIAMRole, "policy": TManagedPolicy, "bucket": TBucket}[tc.target])
			if want := fmt.Sprintf("%s %q was created outside this run after the plan", kind, tg.name); pr.Summary != want {
				t.Errorf("summary = %q, want %q", pr.Summary, want)
			}
			for _, want := range []string{"Nothing was changed on it", `Run "teramotc plan" again to review its current state`} {
				if !strings.Contains(pr.Detail, want) {
					t.Errorf("detail %q does not say %q", pr.Detail, want)
				}
			}
			if got := s.attempts[tg.call()]; got != tc.wantAttempts {
				t.Errorf("%s attempts = %d, want %d", tg.op, got, tc.wantAttempts)
			}
			s.fake.mu.Lock()
			defer s.fake.mu.Unlock()
			created := -1
			for i, c := range s.fake.calls {
				if c == tg.call() && created < 0 {
					created = i
				}
				if created >= 0 && i > created && tg.touches(c) {
					t.Errorf("%s after %s answered that it exists", c, tg.op)
				}
			}
			if created < 0 {
				t.Fatalf("%s %s was never called: %v", tg.op, tg.name, s.fake.calls)
			}
			if d := tg.untouched(s.fake); d != "" {
				t.Errorf("the %s made elsewhere was changed: %s", tc.target, d)
			}
		})
	}
}

// TestLostCreateAnswerAdopted: when the first attempt of a create did
// create the resource but its answer was lost (a 500, a timeout), the
// SDK's retry gets "already exists"; that resource is this run's own, so
// apply goes on with it and converges. When the lost answers use up the
// SDK's attempts, the resource-level retry's next call gets "already
// exists" on its first attempt, and the earlier call's attempts count.
func TestLostCreateAnswerAdopted(t *testing.T) {
	tests := []struct {
		name, target string
		script       []scripted
		wantAttempts int
	}{
		{"user, 500", "user", []scripted{lost500}, 2},
		{"user, timeout", "user", []scripted{lostTimeout}, 2},
		{"role, 500", "role", []scripted{lost500}, 2},
		{"role, timeout", "role", []scripted{lostTimeout}, 2},
		{"managed policy, 500", "policy", []scripted{lost500}, 2},
		{"managed policy, timeout", "policy", []scripted{lostTimeout}, 2},
		{"bucket, 500", "bucket", []scripted{lost500}, 2},
		{"bucket, timeout", "bucket", []scripted{lostTimeout}, 2},
		{"role, the SDK's attempts used up", "role", []scripted{lost500, lost500, lost500}, 4},
		{"bucket, throttled, then lost, then exists", "bucket", []scripted{throttled, lostTimeout}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg := createTargets[tc.target]
			s := newSDKFake(newFake())
			e := sdkEngine(t, s)
			items := loadSpec(t, tg.example, nil)
			s.answers[tg.call()] = tc.script
			if _, err := converge(t, e, items); err != nil {
				t.Fatalf("apply: %v", err)
			}
			if got := s.attempts[tg.call()]; got != tc.wantAttempts {
				t.Errorf("%s attempts = %d, want %d", tg.op, got, tc.wantAttempts)
			}
			if len(s.answers[tg.call()]) > 0 {
				t.Errorf("scripted answers left: %v", s.answers[tg.call()])
			}
			assertOrder(t, s.fake)
			assertConverged(t, s.fake, e, items)
		})
	}
}

// TestMotoCreatedElsewhereSincePlan runs the check against moto's answers
// through the configured clients: a user and, outside us-east-1, a bucket
// created between the plan and the apply stop the run; in us-east-1,
// CreateBucket answers 200 for the account's own bucket (as S3 does), so
// only the plan's HeadBucket protects there (docs/apply.md).
func TestMotoCreatedElsewhereSincePlan(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	inRegion := func(region string) func(*spec.Spec) {
		return func(s *spec.Spec) {
			for _, b := range s.Buckets {
				b.Region.Value = region
			}
		}
	}
	tests := []struct {
		name, region string
		elsewhere    func(e *Engine) error
		want         string // the Problem's summary; "" for a converged apply
	}{
		{"user", "us-east-1", func(e *Engine) error {
			_, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("teramot-service-user")})
			return err
		}, `IAM user "teramot-service-user" was created outside this run after the plan`},
		{"bucket in eu-west-1", "eu-west-1", func(e *Engine) error {
			_, err := e.C.S3ForRegion("eu-west-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("teramot-data-acme"),
				CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: "eu-west-1"}})
			return err
		}, `bucket "teramot-data-acme" was created outside this run after the plan`},
		{"bucket in us-east-1 (not detectable)", "us-east-1", func(e *Engine) error {
			_, err := e.C.S3ForRegion("us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("teramot-data-acme")})
			return err
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m.Reset(t)
			e := connectMoto(t, m)
			items := loadSpec(t, "setup-guide-user", inRegion(tc.region))
			p := planFor(t, e, items)
			if err := tc.elsewhere(e); err != nil {
				t.Fatal(err)
			}
			_, err := e.Apply(ctx, p, false)
			var pr *Problem
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("apply: %v", err)
			case tc.want != "" && !errors.As(err, &pr):
				t.Fatalf("apply error = %v, want a *Problem", err)
			case tc.want != "" && pr.Summary != tc.want:
				t.Errorf("summary = %q, want %q", pr.Summary, tc.want)
			}
			_, pabErr := e.C.S3ForRegion(tc.region).GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: aws.String("teramot-data-acme")})
			switch tc.name {
			case "user":
				if n := motoAttached(t, e, "teramot-service-user"); n != 0 {
					t.Errorf("%d policies attached to the user made elsewhere", n)
				}
			case "bucket in eu-west-1":
				if !isNotFound(pabErr) {
					t.Errorf("GetPublicAccessBlock of the bucket made elsewhere = %v, want not found (nothing written)", pabErr)
				}
			default: // taken for a new bucket and configured as planned
				if pabErr != nil {
					t.Errorf("GetPublicAccessBlock: %v", pabErr)
				}
			}
		})
	}
}
