package apply

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestNoSTSWarnedByPlan: an S3-compatible endpoint without STS is told by
// the preflight before any progress handler exists, so every plan says it.
func TestNoSTSWarnedByPlan(t *testing.T) {
	f := newFake()
	f.faults["GetCallerIdentity"] = []error{apiErr("InvalidAction", "the server has no STS")}
	c := &Clients{S3ForRegion: func(string) S3API { return f }, IAM: f, STS: f,
		CloudTrailForRegion: func(string) CloudTrailAPI { return f }, Endpoint: "http://127.0.0.1:9000"}
	e, err := NewEngine(context.Background(), c)
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	items := loadSpec(t, "minimal", nil)
	for i := range 2 {
		p := planFor(t, e, items)
		if !slices.ContainsFunc(p.Warnings, func(w string) bool {
			return strings.Contains(w, "http://127.0.0.1:9000 does not answer sts:GetCallerIdentity") &&
				strings.Contains(w, "only S3 resources can be managed there")
		}) {
			t.Errorf("plan %d warnings = %q, want the missing STS", i+1, p.Warnings)
		}
	}
}
