package apply

import (
	"context"
	"maps"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMotoRevokeBeforeFailingAudit is the reviewer's scenario against
// moto: a grant narrowed from read+list to read, in the same apply as a new
// trail whose log bucket does not exist. The audit stage fails; the managed
// policy must already be narrowed (step 2), and the run granted nothing.
func TestMotoRevokeBeforeFailingAudit(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-role", permissions("read", "list"))), false); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	items := loadSpec(t, "setup-guide-role", both(permissions("read"), brokenTrail))
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		if c.Type == TManagedPolicy && c.Step != StepRevoke {
			t.Errorf("plan step of the narrowed managed policy = %d, want %d", c.Step, StepRevoke)
		}
	}
	_, err := e.Apply(ctx, p, false)
	if err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) || !strings.Contains(err.Error(), "S3BucketDoesNotExist") {
		t.Fatalf("apply error = %v, want the audit stage to fail on the missing log bucket", err)
	}
	doc, err := e.policyDocument(ctx, e.policyARN("teramot-s3-access"))
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, s := range statements(doc) {
		if s["Effect"] == "Allow" {
			actions = append(actions, stringSet(s["Action"], nil)...)
		}
	}
	if got := strings.Join(actions, ","); got != "s3:getobject" {
		t.Errorf("managed policy allows %s after the failed run, want only s3:getobject", got)
	}
}

// brokenTrail adds a trail whose log bucket does not exist, so that the
// audit stage fails.
func brokenTrail(s *spec.Spec) {
	tr := *s.Trails[0]
	tr.Label, tr.Address = "broken", "trail.broken"
	tr.LogBucket.Value, tr.LogBucketRef, tr.LogPrefix.Value = "teramot-missing-logs", "", "broken"
	s.Trails = append(s.Trails, &tr)
}

// TestMotoRevokeConditionAndSessions: the live trust policy lost its
// external id condition (drift) and the spec lowers max_session_duration,
// in a run whose audit stage fails. Both narrowings must be in force
// after the failure, the trust policy as the rendered one (an Allow with
// the external id: no Deny, no gap), and a rerun converges.
func TestMotoRevokeConditionAndSessions(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-role", sessions(7200))), false); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	trust := roleTrust(t, e)
	var drifted []any
	for _, s := range statements(trust) {
		s = maps.Clone(s)
		delete(s, "Condition")
		drifted = append(drifted, s)
	}
	if _, err := e.C.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String("teramot-access"),
		PolicyDocument: aws.String(mustJSON(prettyActions(map[string]any{"Version": "2012-10-17", "Statement": drifted})))}); err != nil {
		t.Fatal(err)
	}
	items := loadSpec(t, "setup-guide-role", both(sessions(3600), brokenTrail))
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		if c.Type == TIAMRole && c.Step != StepRevoke {
			t.Errorf("plan step of the narrowed role = %d, want %d (%s)", c.Step, StepRevoke, c.Reason)
		}
	}
	if _, err := e.Apply(ctx, p, false); err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
		t.Fatalf("apply error = %v, want the audit stage to fail", err)
	}
	out, err := e.C.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("teramot-access")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToInt32(out.Role.MaxSessionDuration); got != 3600 {
		t.Errorf("MaxSessionDuration after the failed run = %d, want 3600", got)
	}
	if got := roleTrust(t, e); !equal(got, trust) {
		t.Errorf("trust policy after the failed run:\n got  %s\n want %s", mustJSON(got), mustJSON(trust))
	}
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-role", sessions(3600))), false); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if p := planFor(t, e, loadSpec(t, "setup-guide-role", sessions(3600))); len(p.Changes) != 0 {
		t.Errorf("not converged: %d changes, first %s %s", len(p.Changes), p.Changes[0].Type, p.Changes[0].Name)
	}
}

// roleTrust reads the canonical trust policy of the example's role.
func roleTrust(t *testing.T, e *Engine) any {
	t.Helper()
	out, err := e.C.IAM.GetRole(context.Background(), &iam.GetRoleInput{RoleName: aws.String("teramot-access")})
	if err != nil {
		t.Fatal(err)
	}
	text, err := url.QueryUnescape(aws.ToString(out.Role.AssumeRolePolicyDocument))
	if err != nil {
		t.Fatal(err)
	}
	return mustParse(t, text)
}
