package apply

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// trailWarnings are the warnings of p about a trail the spec does not
// declare, by either check (warnLogSources, warnUndeclaredTrails).
func trailWarnings(p *Plan) []string {
	var out []string
	for _, w := range p.Warnings {
		if strings.Contains(w, "aws cloudtrail stop-logging") || strings.Contains(w, "could not list the trails") {
			out = append(out, w)
		}
	}
	return out
}

// listAllTrails counts the DescribeTrails calls without names from call
// number from on.
func listAllTrails(f *fake, from int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return count(f.calls[from:], "DescribeTrails *")
}

// TestTrailRemovedFromSpecWarnsLater (review op3 M4 part 2): a trail
// removed from the spec loses its delivery statement in the log bucket's
// policy; the plan that removes it warns (warnLogSources), and so does
// every later plan, once the live policy no longer names it: one
// warning, with the stop-logging and update-trail commands, not two in the
// first plan.
func TestTrailRemovedFromSpecWarnsLater(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	if _, err := converge(t, e, loadSpec(t, "setup-guide-user", nil)); err != nil {
		t.Fatal(err)
	}
	noTrail := loadSpec(t, "setup-guide-user", func(s *spec.Spec) { s.Trails = nil })
	for i, stage := range []string{"the plan that removes the trail", "a later plan"} {
		p := planFor(t, e, noTrail)
		e.WarnOtherAttachments(context.Background(), p)
		got := trailWarnings(p)
		if len(got) != 1 {
			t.Fatalf("%s: trail warnings %q, want one", stage, got)
		}
		want := "aws cloudtrail stop-logging --region us-east-1 --name teramot-data"
		if i == 1 {
			want = "trail teramot-data (region us-east-1) delivers its logs to bucket acme-teramot-logs, which the spec declares, but the spec does not declare the trail"
		}
		if !strings.Contains(got[0], want) {
			t.Errorf("%s: warning lacks %q:\n%s", stage, want, got[0])
		}
		if i == 1 && !strings.Contains(got[0], "aws cloudtrail update-trail --region us-east-1 --name teramot-data --s3-bucket-name BUCKET") {
			t.Errorf("%s: warning lacks the update-trail command:\n%s", stage, got[0])
		}
		if _, err := e.Apply(context.Background(), p, false); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := f.trails["teramot-data"]; !ok {
		t.Error("apply deleted the trail the spec no longer declares")
	}
}

// TestUndeclaredTrailReads: the trails are listed only when the spec
// declares a log bucket that exists, with one DescribeTrails (no names)
// per region the spec uses, whatever the number of log buckets: a
// converged plan of the setup guide makes one such call more than before,
// the price of seeing a trail that delivers to its log bucket undeclared
// (docs/apply.md, "Trails the spec does not declare"). A spec without a
// log bucket, and a fresh plan, make none. Trails that are declared, or
// deliver elsewhere, are not warned about; a failed listing is a warning.
func TestUndeclaredTrailReads(t *testing.T) {
	undeclared := func(f *fake, bucket string) {
		f.trails["partner-trail"] = &fakeTrail{in: &cloudtrail.CreateTrailInput{Name: aws.String("partner-trail"), S3BucketName: aws.String(bucket)},
			home: "eu-west-1"}
	}
	for _, tc := range []struct {
		name      string
		spec      string
		applied   bool
		setup     func(f *fake)
		afterRead func(f *fake) // between the live read and the warnings
		wantCalls int
		wantWarn  string // "" for none
	}{
		{name: "converged, nothing undeclared", spec: "setup-guide-user", applied: true, setup: func(*fake) {}, wantCalls: 1},
		{name: "undeclared trail into the log bucket", spec: "setup-guide-user", applied: true, wantCalls: 1,
			setup:    func(f *fake) { undeclared(f, "acme-teramot-logs") },
			wantWarn: "trail partner-trail (region eu-west-1) delivers its logs to bucket acme-teramot-logs"},
		{name: "undeclared trail elsewhere", spec: "setup-guide-user", applied: true, wantCalls: 1,
			setup: func(f *fake) { undeclared(f, "someone-elses-bucket") }},
		{name: "listing denied", spec: "setup-guide-user", applied: true, wantCalls: 1, setup: func(*fake) {},
			afterRead: func(f *fake) {
				f.faults["DescribeTrails"] = []error{apiErr("AccessDeniedException", "not authorized to perform cloudtrail:DescribeTrails")}
			},
			wantWarn: "could not list the trails of region us-east-1 (api error AccessDeniedException"},
		{name: "fresh plan", spec: "setup-guide-user", setup: func(f *fake) { undeclared(f, "acme-teramot-logs") }},
		{name: "no log bucket", spec: "minimal", applied: true, setup: func(f *fake) { undeclared(f, "teramot-minimal-example") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			items := loadSpec(t, tc.spec, nil)
			if tc.applied {
				if _, err := converge(t, e, items); err != nil {
					t.Fatal(err)
				}
			}
			tc.setup(f)
			from := len(f.calls)
			p := planFor(t, e, items)
			if tc.afterRead != nil {
				tc.afterRead(f)
			}
			e.WarnOtherAttachments(context.Background(), p)
			if n := listAllTrails(f, from); n != tc.wantCalls {
				t.Errorf("%d DescribeTrails without names, want %d", n, tc.wantCalls)
			}
			got := trailWarnings(p)
			switch {
			case tc.wantWarn == "" && len(got) != 0:
				t.Errorf("trail warnings %q, want none", got)
			case tc.wantWarn != "" && (len(got) != 1 || !strings.Contains(got[0], tc.wantWarn)):
				t.Errorf("trail warnings %q, want one holding %q", got, tc.wantWarn)
			}
		})
	}
}

// TestUndeclaredTrailPermissions: a spec with a log bucket and no trail
// needs cloudtrail:DescribeTrails for plan (warnUndeclaredTrails); one
// without a log bucket or trail does not.
func TestUndeclaredTrailPermissions(t *testing.T) {
	const logBucket = `bucket "l" {
  name   = "tmc-perm-logs"
  region = "us-east-1"
}
`
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"log bucket", `bucket "d" {
  name   = "tmc-perm-data"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.l.name
  }
}
` + logBucket, true},
		{"no log bucket", logBucket, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(tc.src), 0o600); err != nil {
				t.Fatal(err)
			}
			loaded, diags := spec.Load(dir, spec.Options{})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			out, _ := render.Render(loaded.Spec)
			p, err := Permissions(loaded.Spec, out, "plan")
			if err != nil {
				t.Fatal(err)
			}
			got := slices.ContainsFunc(p.Permissions, func(pm Permission) bool {
				return pm.Action == "cloudtrail:DescribeTrails" && pm.Resource == "*"
			})
			if got != tc.want {
				t.Errorf("plan allows cloudtrail:DescribeTrails on *: %v, want %v", got, tc.want)
			}
		})
	}
}
