package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/google/go-cmp/cmp"
)

// TestImportSidlessStatements imports bucket policies whose statements
// have no Sid: each gets its own label (Imported1, Imported2, ... in
// document order, skipping live Sids), the imported spec loads (no
// duplicate statement id), a Sid-less TLS deny becomes require_tls, and
// the plan's only change adds the Sids, classified neutral.
func TestImportSidlessStatements(t *testing.T) {
	const arn = "arn:aws:s3:::" + importBucketName
	allow := func(sid, action string) string {
		s := `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"` + action + `","Resource":"` + arn + `/*"}`
		if sid != "" {
			s = `{"Sid":"` + sid + `",` + s[1:]
		}
		return s
	}
	tls := `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["` + arn + `","` + arn + `/*"],` +
		`"Condition":{"Bool":{"aws:SecureTransport":"false"}}}`
	tests := []struct {
		name   string
		stmts  []string
		labels []string // statement labels, in spec order
		tls    bool
		notes  []string
		change bool
	}{
		{"two without Sid", []string{allow("", "s3:GetObject"), allow("", "s3:PutObject")},
			[]string{"Imported1", "Imported2"}, false, []string{"labels them Imported1, Imported2"}, true},
		{"labels skip live Sids", []string{allow("", "s3:GetObject"), allow("Imported1", "s3:PutObject"), allow("", "s3:DeleteObject")},
			[]string{"Imported2", "Imported1", "Imported3"}, false, []string{"labels them Imported2, Imported3"}, true},
		{"Sid-less TLS deny is require_tls", []string{tls, allow("Read", "s3:GetObject")},
			[]string{"Read"}, true, []string{"is imported as require_tls = true"}, true},
		{"all with Sids: no change", []string{allow("Read", "s3:GetObject")}, []string{"Read"}, false, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, e := importFake(t, nil)
			f.buckets[importBucketName].policy = aws.String(`{"Version":"2012-10-17","Statement":[` + strings.Join(tc.stmts, ",") + `]}`)
			im, p := planImported(t, e)
			src := string(im.HCL)
			var labels []string
			for _, line := range strings.Split(src, "\n") {
				if l, ok := strings.CutPrefix(strings.TrimSpace(line), `statement "`); ok {
					labels = append(labels, l[:strings.Index(l, `"`)])
				}
			}
			if diff := cmp.Diff(tc.labels, labels); diff != "" {
				t.Errorf("statement labels (-want +got):\n%s\n%s", diff, src)
			}
			if got := strings.Contains(src, "require_tls = true"); got != tc.tls {
				t.Errorf("require_tls = true written: %v, want %v\n%s", got, tc.tls, src)
			}
			notes := strings.Join(im.Notes, "\n")
			for _, want := range tc.notes {
				if !strings.Contains(notes, want) || !strings.Contains(notes, "classified neutral") {
					t.Errorf("notes lack %q (and 'classified neutral'):\n%s", want, notes)
				}
			}
			if len(tc.notes) == 0 && len(im.Notes) > 0 {
				t.Errorf("unexpected notes: %q", im.Notes)
			}
			var got []string
			for _, c := range p.Changes {
				got = append(got, c.Action+" "+c.Type+" ["+c.Risk+"]")
				if c.Type == TBucketPolicy && !strings.Contains(c.Reason, "only change") {
					t.Errorf("bucket-policy change reason %q does not say only Sids change", c.Reason)
				}
			}
			var want []string
			if tc.change {
				want = []string{"update " + TBucketPolicy + " [" + RiskNeutral + "]"}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("planned changes (-want +got):\n%s\n%s", diff, src)
			}
		})
	}
}

// TestImportTrailSelectors imports a trail whose event selector leaves
// out management events (the spec writes management_events = false, and
// the plan leaves the trail alone) and one without event selectors
// (no panic; no data events).
func TestImportTrailSelectors(t *testing.T) {
	tests := []struct {
		name      string
		selectors []cttypes.EventSelector
		want      []string // in the spec
		absent    []string
	}{
		{"management events off", []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeAll, IncludeManagementEvents: aws.Bool(false),
			DataResources: []cttypes.DataResource{{Type: aws.String("AWS::S3::Object"), Values: []string{"arn:aws:s3:::" + importBucketName + "/"}}}}},
			[]string{"management_events = false", "read_events = true", "write_events = true"}, nil},
		{"management events on", []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeWriteOnly, IncludeManagementEvents: aws.Bool(true),
			DataResources: []cttypes.DataResource{{Type: aws.String("AWS::S3::Object"), Values: []string{"arn:aws:s3:::" + importBucketName + "/"}}}}},
			[]string{"read_events = false", "write_events = true"}, []string{"management_events"}},
		{"no event selectors", nil, []string{"read_events = false", "write_events = false"}, []string{"management_events"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, e := importFake(t, nil)
			f.trails["audit"] = &fakeTrail{in: &cloudtrail.CreateTrailInput{Name: aws.String("audit"), S3BucketName: aws.String("acme-logs"),
				IsMultiRegionTrail: aws.Bool(true), EnableLogFileValidation: aws.Bool(true), IncludeGlobalServiceEvents: aws.Bool(true)}, selectors: tc.selectors, logging: true}
			im, err := e.Import(context.Background(), ImportOptions{Bucket: importBucketName, Trail: "audit"})
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(string(im.HCL)), " ")
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("imported spec lacks %s:\n%s", w, im.HCL)
				}
			}
			for _, w := range tc.absent {
				if strings.Contains(flat, w) {
					t.Errorf("imported spec has %s:\n%s", w, im.HCL)
				}
			}
			items := importedItems(t, im, nil)
			live, err := e.Read(context.Background(), items)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range e.MakePlan(items, live).Changes {
				if c.Type == TTrail || c.Type == TEventSelectors {
					t.Errorf("imported trail plans %s %s [%s] %s\n before: %s\n after: %s", c.Action, c.Type, c.Risk, c.Reason, mustJSON(c.Before), mustJSON(c.After))
				}
			}
		})
	}
}

// TestImportGeneratedSidsThatDiffer imports statements that have the Sids
// of the statements require_tls and require_encrypted_uploads render but
// say something else (TLS denied on objects only, uploads denied without
// any SSE header): they become statement blocks with
// those labels and the settings stay false, so the imported spec plans no
// change (before, the settings were set and apply replaced the live
// statements with the spec's).
func TestImportGeneratedSidsThatDiffer(t *testing.T) {
	const objects = "arn:aws:s3:::" + importBucketName + "/*"
	tls := `{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"` + objects + `","Condition":{"Bool":{"aws:SecureTransport":"false"}}}`
	upload := `{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"` + objects + `","Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}}`
	f, e := importFake(t, nil)
	f.buckets[importBucketName].policy = aws.String(`{"Version":"2012-10-17","Statement":[` + tls + "," + upload + `]}`)
	im, p := planImported(t, e)
	flat := strings.Join(strings.Fields(string(im.HCL)), " ")
	for _, w := range []string{"require_tls = false", "require_encrypted_uploads = false", `statement "DenyInsecureTransport"`, `statement "DenyUnencryptedUploads"`} {
		if !strings.Contains(flat, w) {
			t.Errorf("imported spec lacks %s:\n%s", w, im.HCL)
		}
	}
	for _, c := range p.Changes {
		t.Errorf("imported spec plans %s %s [%s] %s", c.Action, c.Type, c.Risk, c.Reason)
	}
}
