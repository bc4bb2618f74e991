package render

import (
	"strings"
	"testing"
)

// TestTrailPrefixAgrees: the trail's S3KeyPrefix and the log bucket's
// CloudTrail write statement use the same prefix, even for a prefix with
// slashes at its ends (validation rejects those; the renderer must still
// not disagree with itself).
func TestTrailPrefixAgrees(t *testing.T) {
	tests := []struct{ name, prefix, wantKey, wantResource string }{
		{"plain", "teramot", "teramot", "arn:aws:s3:::acme-teramot-logs/teramot/AWSLogs/111122223333/*"},
		{"nested", "audit/teramot", "audit/teramot", "arn:aws:s3:::acme-teramot-logs/audit/teramot/AWSLogs/111122223333/*"},
		{"slashes at the ends", "/audit/", "audit", "arn:aws:s3:::acme-teramot-logs/audit/AWSLogs/111122223333/*"},
		{"none", "", "", "arn:aws:s3:::acme-teramot-logs/AWSLogs/111122223333/*"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := guideModel(false)
			s.Trails[0].LogPrefix = set(tc.prefix, 83)
			out := mustRender(t, s)
			trail := decoded(t, doc(out, "trails/teramot-data/trail.json")).(map[string]any)
			got, _ := trail["S3KeyPrefix"].(string)
			if got != tc.wantKey {
				t.Errorf("S3KeyPrefix = %q, want %q", got, tc.wantKey)
			}
			pol := decoded(t, doc(out, "buckets/acme-teramot-logs/bucket-policy.json")).(map[string]any)
			var resource string
			for _, st := range pol["Statement"].([]any) {
				if m := st.(map[string]any); m["Sid"] == "AllowCloudTrailWrite" {
					resource, _ = m["Resource"].(string)
				}
			}
			if resource != tc.wantResource {
				t.Errorf("AllowCloudTrailWrite Resource = %q, want %q", resource, tc.wantResource)
			}
		})
	}
}

// TestTrailManagementEvents: management_events = false turns off the second
// copy of management events in the trail's event selector.
func TestTrailManagementEvents(t *testing.T) {
	for _, want := range []bool{true, false} {
		s := guideModel(false)
		s.Trails[0].ManagementEvents = set(want, 86)
		d := doc(mustRender(t, s), "trails/teramot-data/event-selectors.json")
		sel := decoded(t, d).(map[string]any)["EventSelectors"].([]any)[0].(map[string]any)
		if got := sel["IncludeManagementEvents"]; got != want {
			t.Errorf("management_events = %v: IncludeManagementEvents = %v", want, got)
		}
		if got := d.Provenance["/EventSelectors/0/IncludeManagementEvents"].Start.Line; got != 86 {
			t.Errorf("IncludeManagementEvents comes from line %d, want 86", got)
		}
		if !strings.Contains(string(Marshal(d)), `"IncludeManagementEvents"`) {
			t.Error("IncludeManagementEvents missing from the rendered file")
		}
	}
}
