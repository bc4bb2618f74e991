package apply

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// itemsFromHCL loads, renders and plans the items of a one-file spec.
func itemsFromHCL(t *testing.T, src string) []*Item {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("render: %s", diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// trailSpec is a data bucket d, a log bucket l and one trail logging to l
// with the given extra trail attributes.
func trailSpec(extra string) string {
	return `aws { account_id = "123456789012" }
bucket "d" {
  name   = "tmc-tv-data"
  region = "us-east-1"
}
bucket "l" {
  name   = "tmc-tv-logs"
  region = "us-east-1"
}
trail "tmc-tv-trail" {
  bucket     = bucket.d
  log_bucket = bucket.l.name
` + extra + `}
`
}

// TestMotoTrailSettingRemoved: removing log_prefix or kms_key_arn from a
// trail must clear them on the live trail (UpdateTrail leaves an omitted
// parameter unchanged), so the apply converges in one run and the trail
// no longer writes under the old prefix.
func TestMotoTrailSettingRemoved(t *testing.T) {
	key := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	tests := []struct {
		name, before string
		field        func(*cloudtrail.DescribeTrailsOutput) *string
	}{
		{"log_prefix", `  log_prefix = "old"` + "\n", func(o *cloudtrail.DescribeTrailsOutput) *string { return o.TrailList[0].S3KeyPrefix }},
		{"kms_key_arn", `  kms_key_arn = "` + key + `"` + "\n", func(o *cloudtrail.DescribeTrailsOutput) *string { return o.TrailList[0].KmsKeyId }},
	}
	m := testenv.StartMoto(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m.Reset(t)
			e := connectMoto(t, m)
			ctx := context.Background()
			if _, err := e.Apply(ctx, planFor(t, e, itemsFromHCL(t, trailSpec(tc.before))), false); err != nil {
				t.Fatalf("first apply: %v", err)
			}
			describe := func() *cloudtrail.DescribeTrailsOutput {
				out, err := e.C.CloudTrailForRegion("us-east-1").DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{"tmc-tv-trail"}})
				if err != nil || len(out.TrailList) != 1 {
					t.Fatalf("describe trail: %v (%d trails)", err, len(out.TrailList))
				}
				return out
			}
			if got := aws.ToString(tc.field(describe())); got == "" {
				t.Fatalf("%s not set after the first apply", tc.name)
			}
			items := itemsFromHCL(t, trailSpec(""))
			if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
				t.Fatalf("apply without %s: %v", tc.name, err)
			}
			if got := aws.ToString(tc.field(describe())); got != "" {
				t.Errorf("%s after the removal = %q, want it cleared", tc.name, got)
			}
			if p := planFor(t, e, items); len(p.Changes) != 0 {
				t.Errorf("not converged: %d changes, first %s %s (%s)", len(p.Changes), p.Changes[0].Type, p.Changes[0].Name, p.Changes[0].Reason)
			}
		})
	}
}

// TestMotoTrailManagementEvents: management_events = false reaches the
// trail's event selector, and turning it back on converges too.
func TestMotoTrailManagementEvents(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	for _, tc := range []struct {
		extra string
		want  bool
	}{
		{"  management_events = false\n", false},
		{"", true},
	} {
		items := itemsFromHCL(t, trailSpec(tc.extra))
		if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
			t.Fatalf("apply (management events %v): %v", tc.want, err)
		}
		out, err := e.C.CloudTrailForRegion("us-east-1").GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("tmc-tv-trail")})
		if err != nil || len(out.EventSelectors) != 1 {
			t.Fatalf("event selectors: %v (%d)", err, len(out.EventSelectors))
		}
		if got := aws.ToBool(out.EventSelectors[0].IncludeManagementEvents); got != tc.want {
			t.Errorf("IncludeManagementEvents = %v, want %v", got, tc.want)
		}
		if p := planFor(t, e, items); len(p.Changes) != 0 {
			t.Errorf("not converged: %d changes, first %s %s (%s)", len(p.Changes), p.Changes[0].Type, p.Changes[0].Name, p.Changes[0].Reason)
		}
	}
}
