package apply

import (
	"context"
	"strings"
	"testing"

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
	brokenTrail := func(s *spec.Spec) {
		tr := *s.Trails[0]
		tr.Label, tr.Address = "broken", "trail.broken"
		tr.LogBucket.Value, tr.LogBucketRef, tr.LogPrefix.Value = "teramot-missing-logs", "", "broken"
		s.Trails = append(s.Trails, &tr)
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
