package apply

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// assertUniqueSids fails when two statements of the canonical policy p
// share a Sid (IAM rejects such a document with MalformedPolicyDocument).
func assertUniqueSids(t *testing.T, what string, p any) {
	t.Helper()
	seen := map[string]bool{}
	for _, s := range statements(p) {
		sid := str(s["Sid"])
		if sid != "" && seen[sid] {
			t.Errorf("%s has Sid %q twice: %s", what, sid, mustJSON(p))
		}
		seen[sid] = true
	}
}

// TestNarrowUniqueSids: the reviewer's inputs (D5). Every narrowed document
// has unique Sids, grants exactly the expected access, and narrowing it
// again changes nothing.
func TestNarrowUniqueSids(t *testing.T) {
	const legacy = `arn:aws:s3:::legacy-data`
	tests := []struct {
		name, old, want string
		bucket          bool
		// narrowed is the expected result; "want" stands for the rendered
		// document itself.
		narrowed string
		// less says whether the narrowed document grants less than old
		// (false: the revoke phase writes nothing).
		less bool
	}{
		{name: "legacy one statement per action loses delete (A0)",
			old: `[{"Sid":"AllowGet","Effect":"Allow","Action":"s3:GetObject","Resource":"` + legacy + `/*"},
				{"Sid":"AllowPut","Effect":"Allow","Action":"s3:PutObject","Resource":"` + legacy + `/*"},
				{"Sid":"AllowDelete","Effect":"Allow","Action":"s3:DeleteObject","Resource":"` + legacy + `/*"},
				{"Sid":"AllowList","Effect":"Allow","Action":"s3:ListBucket","Resource":"` + legacy + `"}]`,
			want: `[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"` + legacy + `/*"},
				{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"` + legacy + `"}]`,
			narrowed: "want", less: true},
		{name: "two prefixes lose delete (A)",
			old: `[{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::delta-data/a/*"},
				{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::delta-data/b/*"},
				{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::delta-data"}]`,
			want: `[{"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::delta-data/*"},
				{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::delta-data"}]`,
			narrowed: `[{"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::delta-data/a/*","arn:aws:s3:::delta-data/b/*"]},
				{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::delta-data"}]`, less: true},
		{name: "intersections differing in action and resource: one keeps the Sid",
			old: `[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
				{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"},
				{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}]`,
			want: `[{"Sid":"Data","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]`,
			narrowed: `[{"Sid":"Data","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
				{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]`, less: true},
		{name: "a Deny that only exempts more under its Sid: the live one holds alone (B)", bucket: true,
			old: `[{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*",
					"Condition":{"StringNotEquals":{"aws:PrincipalServiceName":"logging.s3.amazonaws.com","s3:x-amz-server-side-encryption":"AES256"}}},
				{"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*"}]`,
			want: `[{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*",
					"Condition":{"StringNotEquals":{"aws:PrincipalServiceName":["cloudtrail.amazonaws.com","logging.s3.amazonaws.com"],"s3:x-amz-server-side-encryption":"AES256"}}},
				{"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*"}]`,
			narrowed: `[{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*",
					"Condition":{"StringNotEquals":{"aws:PrincipalServiceName":"logging.s3.amazonaws.com","s3:x-amz-server-side-encryption":"AES256"}}},
				{"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::delta-logs/*"}]`,
			less: false},
		{name: "Sid-only rename revokes nothing (C6)",
			old:      `[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]`,
			want:     `[{"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]`,
			narrowed: "want", less: false},
		{name: "moved trail prefix: the service keeps the old location (D15)", bucket: true,
			old: `[{"Sid":"AllowCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/a/AWSLogs/111122223333/*"},
				{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::logs/*"}]`,
			want: `[{"Sid":"AllowCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/a2/AWSLogs/111122223333/*"},
				{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"}]`,
			narrowed: `[{"Sid":"AllowCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/a/AWSLogs/111122223333/*"},
				{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"}]`,
			less: true},
	}
	doc := func(stmts string) any { return mustParse(t, `{"Version":"2012-10-17","Statement":`+stmts+`}`) }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, want := doc(tc.old), doc(tc.want)
			exp := want
			if tc.narrowed != "want" {
				exp = doc(tc.narrowed)
			}
			n := narrowPolicy
			if tc.bucket {
				n = narrowBucketPolicy
			}
			got := n(old, want, "aws")
			if !equal(got, exp) {
				t.Errorf("narrowed:\n got  %s\n want %s", mustJSON(got), mustJSON(exp))
			}
			assertUniqueSids(t, "narrowed policy", got)
			if again := n(got, want, "aws"); !equal(again, got) {
				t.Errorf("not idempotent:\n once  %s\n twice %s", mustJSON(got), mustJSON(again))
			}
			if less := grantsLess(got, old); less != tc.less {
				t.Errorf("grantsLess = %v, want %v", less, tc.less)
			}
		})
	}
}

// TestServicePhaseUniqueSids: the service-grants phase adds the rendered
// service Allows to a document that still holds the live ones; one Sid
// must not name both.
func TestServicePhaseUniqueSids(t *testing.T) {
	items := loadSpec(t, "setup-guide-user", nil)
	var it *Item
	for _, x := range items {
		if x.Type == TBucketPolicy && x.Name == "acme-teramot-logs" {
			it = x
		}
	}
	if it == nil {
		t.Fatal("no log bucket policy")
	}
	live := newLive()
	var stmts []any
	for _, s := range statements(it.Desired) {
		s = maps.Clone(s)
		if s["Sid"] == "AllowCloudTrailWrite" {
			s["Resource"] = []any{"arn:aws:s3:::acme-teramot-logs/old/AWSLogs/111122223333/*"}
			s["Condition"] = map[string]any{"StringEquals": map[string]any{"s3:x-amz-acl": []any{"bucket-owner-full-control"}}}
		}
		stmts = append(stmts, s)
	}
	live.set(it.Key(), mustParse(t, mustJSON(map[string]any{"Version": "2012-10-17", "Statement": stmts})))
	for _, ph := range []string{phaseRevoke, phaseDeny, phaseService} {
		_, want := policyPhase(it, live, ph, "aws")
		if want == nil {
			continue
		}
		assertUniqueSids(t, ph+" phase", want)
		if !allowsService(want, "cloudtrail.amazonaws.com", "arn:aws:s3:::acme-teramot-logs/old/AWSLogs/111122223333/x.json.gz") {
			t.Errorf("%s phase denies CloudTrail its live location: %s", ph, mustJSON(want))
		}
	}
}

// allowsService reports whether an Allow of the canonical policy p lets
// the service put the object (conditions aside).
func allowsService(p any, service, object string) bool {
	for _, s := range statements(p) {
		pr, _ := s["Principal"].(map[string]any)
		if s["Effect"] != "Allow" || !slices.Contains(stringSet(pr["Service"], nil), service) {
			continue
		}
		act, res := false, false
		for _, a := range stringSet(s["Action"], nil) {
			act = act || covers(a, "s3:putobject")
		}
		for _, r := range stringSet(s["Resource"], nil) {
			res = res || covers(r, object)
		}
		if act && res {
			return true
		}
	}
	return false
}

// TestRevokeUniqueSidsApply runs the reviewer's D5 scenarios through the
// engine against the fake, which rejects duplicate Sids as AWS does: the
// revocation is in force after an apply whose audit stage fails, and a
// rerun converges.
func TestRevokeUniqueSidsApply(t *testing.T) {
	const obj = "arn:aws:s3:::" + dataBucket + "/*"
	legacy := `{"Version":"2012-10-17","Statement":[
		{"Sid":"AllowGet","Effect":"Allow","Action":"s3:GetObject","Resource":"` + obj + `"},
		{"Sid":"AllowPut","Effect":"Allow","Action":"s3:PutObject","Resource":"` + obj + `"},
		{"Sid":"AllowDelete","Effect":"Allow","Action":"s3:DeleteObject","Resource":"` + obj + `"},
		{"Sid":"AllowList","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::` + dataBucket + `"}]}`
	prefixes := `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::` + dataBucket + `/a/*"},
		{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::` + dataBucket + `/b/*"},
		{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::` + dataBucket + `"}]}`
	tests := []struct {
		name, live string
		perms      []string
		has, lacks []string
	}{
		{"legacy policy loses delete", legacy, []string{"read", "write", "list"}, []string{"s3:GetObject", "s3:PutObject", "s3:ListBucket"}, []string{"s3:DeleteObject"}},
		{"two prefixes lose delete", prefixes, []string{"read", "list"}, []string{"s3:GetObject", "s3:ListBucket"}, []string{"s3:DeleteObject"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if _, err := converge(t, e, loadSpec(t, "setup-guide-user", nil)); err != nil {
				t.Fatalf("first apply: %v", err)
			}
			f.iam.policies[testPolicyARN] = append(f.iam.policies[testPolicyARN], tc.live)
			items := loadSpec(t, "setup-guide-user", both(permissions(tc.perms...), missingTrailBucket(f)))
			p := planFor(t, e, items)
			for _, c := range p.Changes {
				if c.Type == TManagedPolicy && c.Step != StepRevoke {
					t.Errorf("plan step of the managed policy = %d, want %d (%s)", c.Step, StepRevoke, c.Reason)
				}
			}
			if _, err := e.Apply(context.Background(), p, false); err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
				t.Fatalf("apply error = %v, want the audit stage to fail", err)
			}
			for _, a := range tc.has {
				policyHas(t, f, a, true)
			}
			for _, a := range tc.lacks {
				policyHas(t, f, a, false)
			}
			delete(f.faults, "UpdateTrail")
			if _, err := converge(t, e, items); err != nil {
				t.Fatalf("rerun: %v", err)
			}
			assertConverged(t, f, e, items)
		})
	}
}

// TestNoRevokeWithoutRevocation (C6): a Sid-only rename of the managed
// policy and a log bucket whose Deny changes in a way the live Deny already
// enforces write nothing at the revoke stage and are not planned at step 2.
func TestNoRevokeWithoutRevocation(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	if _, err := converge(t, e, loadSpec(t, "setup-guide-user", nil)); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	vs := f.iam.policies[testPolicyARN]
	f.iam.policies[testPolicyARN] = append(vs, strings.Replace(vs[len(vs)-1], `"ObjectAccess"`, `"LegacyObjects"`, 1))
	logs := f.buckets["acme-teramot-logs"]
	// The live Deny exempts only S3 log delivery (the spec exempts
	// CloudTrail too) and CloudTrail has no statements yet.
	var stmts []any
	for _, s := range statements(mustParse(t, *logs.policy)) {
		switch s["Sid"] {
		case "AllowCloudTrailAclCheck", "AllowCloudTrailWrite":
			continue
		case "DenyUnencryptedUploads":
			s = maps.Clone(s)
			s["Condition"] = map[string]any{"StringNotEquals": map[string]any{"aws:principalservicename": []any{"logging.s3.amazonaws.com"},
				"s3:x-amz-server-side-encryption": []any{"AES256"}}}
		}
		stmts = append(stmts, s)
	}
	logs.policy = aws.String(mustJSON(prettyActions(map[string]any{"Version": "2012-10-17", "Statement": stmts})))
	items := loadSpec(t, "setup-guide-user", nil)
	p := planFor(t, e, items)
	if len(p.Changes) != 2 {
		t.Fatalf("planned %d changes, want 2", len(p.Changes))
	}
	for _, c := range p.Changes {
		if c.Step == StepRevoke || strings.Contains(c.Reason, "step 2") {
			t.Errorf("%s %s planned at step %d (%s), want no revoke step", c.Type, c.Name, c.Step, c.Reason)
		}
	}
	rec := recordProgress(e)
	f.calls = nil
	if _, err := e.Apply(context.Background(), p, false); err != nil {
		t.Fatal(err)
	}
	for _, ev := range rec.events {
		if ev.Phase == phaseRevoke {
			t.Errorf("%s %s written in the revoke phase", ev.Change.Type, ev.Change.Name)
		}
	}
	if n := len(f.calls); n == 0 || callIndex(f.calls, "CreatePolicyVersion "+testPolicyARN) < 0 {
		t.Errorf("the rename was not written; calls:\n%s", strings.Join(f.calls, "\n"))
	}
	assertConverged(t, f, e, items)
}
