package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestMotoTrailRemovedFromSpec (review op3 M4 part 2) on moto's
// CloudTrail: a trail removed from the spec is warned about in the plan
// that removes its delivery statement and, once applied, in the next plan
// too, from the trail listing (DescribeTrails without names) rather than
// from the bucket policy, which no longer names it.
func TestMotoTrailRemovedFromSpec(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	e := connectMoto(t, m)
	if _, err := e.Apply(ctx, planFor(t, e, itemsFromHCL(t, trailSpec(""))), false); err != nil {
		t.Fatalf("apply with the trail: %v", err)
	}
	// The spec without the trail; the data bucket logs into the log
	// bucket, so that stays a log bucket.
	noTrail := itemsFromHCL(t, `aws { account_id = "123456789012" }
bucket "d" {
  name   = "tmc-tv-data"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.l.name
  }
}
bucket "l" {
  name   = "tmc-tv-logs"
  region = "us-east-1"
}
`)
	for i, stage := range []string{"the plan that removes the trail", "a later plan"} {
		e = connectMoto(t, m)
		p := planFor(t, e, noTrail)
		e.WarnOtherAttachments(ctx, p)
		got := trailWarnings(p)
		if len(got) != 1 || !strings.Contains(got[0], "aws cloudtrail stop-logging --region us-east-1 --name tmc-tv-trail") {
			t.Fatalf("%s: trail warnings %q, want one naming stop-logging", stage, got)
		}
		if i == 1 && !strings.Contains(got[0], "trail tmc-tv-trail (region us-east-1) delivers its logs to bucket tmc-tv-logs") {
			t.Errorf("%s: warning %q, want the one from the trail listing", stage, got[0])
		}
		if _, err := e.Apply(ctx, p, false); err != nil {
			t.Fatalf("%s: apply: %v", stage, err)
		}
	}
}
