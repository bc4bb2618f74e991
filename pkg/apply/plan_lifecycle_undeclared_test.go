package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// TestPlanUndeclaredLifecycleFake (review op3 M1), with the fake clients:
// the warning about live deleting rules of a bucket that declares none,
// and the warning with the command to check by hand when the read fails
// (never treated as no rules).
func TestPlanUndeclaredLifecycleFake(t *testing.T) {
	const bucket = "teramot-minimal-example"
	rule := func(id string, status types.ExpirationStatus, exp *types.LifecycleExpiration, nc *types.NoncurrentVersionExpiration) types.LifecycleRule {
		return types.LifecycleRule{ID: aws.String(id), Status: status, Filter: &types.LifecycleRuleFilter{Prefix: aws.String("")},
			Expiration: exp, NoncurrentVersionExpiration: nc}
	}
	tests := []struct {
		name  string
		rules []types.LifecycleRule
		fault error
		want  []string // substrings of the one warning; none: no warning
	}{
		{name: "no lifecycle configuration"},
		{name: "disabled rule", rules: []types.LifecycleRule{rule("A", types.ExpirationStatusDisabled, &types.LifecycleExpiration{Days: aws.Int32(30)}, nil)}},
		{name: "expiring and noncurrent rules", rules: []types.LifecycleRule{
			rule("ExpireLogs", types.ExpirationStatusEnabled, &types.LifecycleExpiration{Days: aws.Int32(365)}, nil),
			rule("Old", types.ExpirationStatusEnabled, nil, &types.NoncurrentVersionExpiration{NoncurrentDays: aws.Int32(7)})},
			want: []string{`rule "ExpireLogs" deletes objects after 365 days; rule "Old" deletes noncurrent versions after 7 days`,
				"aws s3api delete-bucket-lifecycle --bucket " + bucket}},
		{name: "read fails", fault: apiErr("InternalError", "boom"),
			want: []string{"could not read the lifecycle configuration of bucket " + bucket, "aws s3api get-bucket-lifecycle-configuration --bucket " + bucket}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			_, _, items := minimalWithOwnership(t, "")
			if _, err := converge(t, e, items); err != nil {
				t.Fatal(err)
			}
			f.mu.Lock()
			f.buckets[bucket].lifecycle = tc.rules
			if tc.fault != nil {
				f.faults["GetBucketLifecycleConfiguration"] = []error{tc.fault, tc.fault, tc.fault, tc.fault, tc.fault, tc.fault, tc.fault, tc.fault}
			}
			f.mu.Unlock()
			p := planFor(t, e, items)
			e.WarnOtherAttachments(context.Background(), p)
			if len(p.Changes) != 0 {
				t.Fatalf("changes: %d, want none", len(p.Changes))
			}
			if len(tc.want) == 0 {
				if len(p.Warnings) != 0 {
					t.Fatalf("warnings %q, want none", p.Warnings)
				}
				return
			}
			if len(p.Warnings) != 1 {
				t.Fatalf("warnings %q, want one", p.Warnings)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.Warnings[0], w) {
					t.Errorf("warning lacks %q:\n%s", w, p.Warnings[0])
				}
			}
		})
	}
}
