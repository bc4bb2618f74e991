package apply

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/teramot/teramotc/pkg/spec"
)

const (
	testPolicyARN = "arn:aws:iam::111122223333:policy/teramot-s3-access"
	dataBucket    = "teramot-data-acme"
)

func permissions(p ...string) func(*spec.Spec) {
	return func(s *spec.Spec) { s.Grants[0].Permissions.Value = p }
}

// missingTrailBucket points the trail at a log bucket that does not exist,
// so that the audit stage fails (UpdateTrail answers as CloudTrail does).
func missingTrailBucket(f *fake) func(*spec.Spec) {
	f.faults["UpdateTrail"] = []error{apiErr("S3BucketDoesNotExistException", "S3 bucket teramot-missing-logs does not exist")}
	return func(s *spec.Spec) {
		s.Trails[0].LogBucket.Value = "teramot-missing-logs"
		s.Trails[0].LogBucketRef = ""
	}
}

func both(fs ...func(*spec.Spec)) func(*spec.Spec) {
	return func(s *spec.Spec) {
		for _, f := range fs {
			if f != nil {
				f(s)
			}
		}
	}
}

// TestRevokeFirst converges a spec, changes it (and the live state), and
// applies again with an audit stage that fails: every change that removes
// access must already be in force, before the first guardrail write, and
// nothing must have been widened.
func TestRevokeFirst(t *testing.T) {
	tests := []struct {
		name    string
		example string
		first   func(*spec.Spec)
		second  func(*spec.Spec)
		drift   func(f *fake) // live changes made outside teramotc
		// revoke are the writes expected before the guardrails.
		revoke []string
		// steps are the plan steps of the changes of these types.
		steps map[string]int
		// note is expected in the reason of those changes.
		note string
		// after checks the live state after the failed apply.
		after func(t *testing.T, f *fake)
		// converged checks the live state after a rerun without the fault.
		converged func(t *testing.T, f *fake)
	}{
		{
			name: "identity policy loses list", example: "setup-guide-role",
			first: permissions("read", "list"), second: permissions("read"),
			revoke: []string{"CreatePolicyVersion " + testPolicyARN},
			steps:  map[string]int{TManagedPolicy: StepRevoke}, note: "only removes access: applied at step 2",
			after: func(t *testing.T, f *fake) {
				policyHas(t, f, "s3:GetObject", true)
				policyHas(t, f, "s3:ListBucket", false)
			},
		},
		{
			name: "identity policy swaps list for write", example: "setup-guide-user",
			first: permissions("read", "list"), second: permissions("read", "write"),
			revoke: []string{"CreatePolicyVersion " + testPolicyARN},
			steps:  map[string]int{TManagedPolicy: StepRevoke}, note: "removals applied at step 2, additions at step 8",
			after: func(t *testing.T, f *fake) {
				policyHas(t, f, "s3:GetObject", true)
				policyHas(t, f, "s3:ListBucket", false)
				policyHas(t, f, "s3:PutObject", false) // the widening waits for the grant stage
			},
			converged: func(t *testing.T, f *fake) {
				policyHas(t, f, "s3:PutObject", true)
				policyHas(t, f, "s3:ListBucket", false)
			},
		},
		{
			name: "identity policy only widens", example: "setup-guide-role",
			first: permissions("read"), second: permissions("read", "list"),
			steps: map[string]int{TManagedPolicy: StepGrant},
			after: func(t *testing.T, f *fake) { policyHas(t, f, "s3:ListBucket", false) },
		},
		{
			name: "trust policy external id rotated", example: "setup-guide-role",
			second: func(s *spec.Spec) { s.Grants[0].Role.ExternalID.Value = "tmc-rotated-external-id" },
			revoke: []string{"UpdateAssumeRolePolicy teramot-access"},
			steps:  map[string]int{TIAMRole: StepRevoke}, note: "removals applied at step 2, additions at step 7",
			after: func(t *testing.T, f *fake) {
				trust := f.iam.roles["teramot-access"].trust
				for _, s := range statements(mustParse(t, trust)) {
					if s["Effect"] == "Allow" {
						t.Errorf("trust policy still allows after the failed run: %s", trust)
					}
				}
			},
			converged: func(t *testing.T, f *fake) {
				if trust := f.iam.roles["teramot-access"].trust; !strings.Contains(trust, "tmc-rotated-external-id") || strings.Contains(trust, "Deny") {
					t.Errorf("trust policy not converged: %s", trust)
				}
			},
		},
		{
			name: "bucket policy loses an Allow", example: "setup-guide-user",
			drift: func(f *fake) {
				var doc map[string]any
				if err := json.Unmarshal([]byte(*f.buckets[dataBucket].policy), &doc); err != nil {
					panic(err)
				}
				doc["Statement"] = append(doc["Statement"].([]any), map[string]any{"Sid": "OldPartner", "Effect": "Allow",
					"Principal": map[string]any{"AWS": "arn:aws:iam::999999999999:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::teramot-data-acme/*"})
				f.buckets[dataBucket].policy = aws.String(mustJSON(doc))
			},
			revoke: []string{"PutBucketPolicy " + dataBucket},
			steps:  map[string]int{TBucketPolicy: StepRevoke},
			after: func(t *testing.T, f *fake) {
				if p := *f.buckets[dataBucket].policy; strings.Contains(p, "OldPartner") || !strings.Contains(p, "DenyInsecureTransport") {
					t.Errorf("bucket policy after the failed run: %s", p)
				}
			},
		},
		{
			name: "trust policy gains its external id condition", example: "setup-guide-role",
			drift:  editTrust(func(st map[string]any) { delete(st, "Condition") }),
			revoke: []string{"UpdateAssumeRolePolicy teramot-access"},
			steps:  map[string]int{TIAMRole: StepRevoke}, note: "only removes access: applied at step 2",
			after: func(t *testing.T, f *fake) {
				// The new statement is the narrowing: no Deny, no gap.
				trust := f.iam.roles["teramot-access"].trust
				if strings.Contains(trust, "Deny") || !strings.Contains(trust, "sts:ExternalId") {
					t.Errorf("trust policy after the failed run: %s", trust)
				}
			},
		},
		{
			name: "trust policy drops a drifted source-IP condition", example: "setup-guide-role",
			drift: editTrust(func(st map[string]any) {
				st["Condition"].(map[string]any)["IpAddress"] = map[string]any{"aws:SourceIp": "203.0.113.0/24"}
			}),
			steps: map[string]int{TIAMRole: StepIdentity},
			after: func(t *testing.T, f *fake) {
				if trust := f.iam.roles["teramot-access"].trust; !strings.Contains(trust, "203.0.113.0/24") {
					t.Errorf("the widening was written before the identity step: %s", trust)
				}
			},
			converged: func(t *testing.T, f *fake) {
				if trust := f.iam.roles["teramot-access"].trust; strings.Contains(trust, "203.0.113.0/24") {
					t.Errorf("trust policy not converged: %s", trust)
				}
			},
		},
		{
			name: "bucket policy condition narrowed", example: "setup-guide-user",
			first: partnerStatement("10.0.0.0/8"), second: partnerStatement("10.1.0.0/16"),
			revoke: []string{"PutBucketPolicy " + dataBucket},
			steps:  map[string]int{TBucketPolicy: StepRevoke}, note: "only removes access: applied at step 2",
			after: func(t *testing.T, f *fake) {
				if p := *f.buckets[dataBucket].policy; !strings.Contains(p, "10.1.0.0/16") || strings.Contains(p, "10.0.0.0/8") || !strings.Contains(p, `"Partner"`) {
					t.Errorf("bucket policy after the failed run: %s", p)
				}
			},
		},
		{
			name: "role sessions shortened", example: "setup-guide-role",
			first: sessions(7200), second: sessions(3600),
			revoke: []string{"UpdateRole teramot-access"},
			steps:  map[string]int{TIAMRole: StepRevoke}, note: "only removes access: applied at step 2",
			after: func(t *testing.T, f *fake) { maxSession(t, f, 3600) },
		},
		{
			name: "role sessions lengthened", example: "setup-guide-role",
			first: sessions(3600), second: sessions(7200),
			steps:     map[string]int{TIAMRole: StepIdentity},
			after:     func(t *testing.T, f *fake) { maxSession(t, f, 3600) },
			converged: func(t *testing.T, f *fake) { maxSession(t, f, 7200) },
		},
		{
			name: "external id rotated and sessions shortened", example: "setup-guide-role",
			first: sessions(7200), second: both(sessions(3600), func(s *spec.Spec) { s.Grants[0].Role.ExternalID.Value = "tmc-rotated-external-id" }),
			revoke: []string{"UpdateAssumeRolePolicy teramot-access", "UpdateRole teramot-access"},
			steps:  map[string]int{TIAMRole: StepRevoke}, note: "removals applied at step 2, additions at step 7",
			after: func(t *testing.T, f *fake) { maxSession(t, f, 3600) },
			converged: func(t *testing.T, f *fake) {
				maxSession(t, f, 3600)
				if trust := f.iam.roles["teramot-access"].trust; !strings.Contains(trust, "tmc-rotated-external-id") {
					t.Errorf("trust policy not converged: %s", trust)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			if _, err := converge(t, e, loadSpec(t, tc.example, tc.first)); err != nil {
				t.Fatalf("first apply: %v", err)
			}
			if tc.drift != nil {
				tc.drift(f)
			}
			// Turn a guardrail off too, so that the guardrail stage writes.
			f.buckets[dataBucket].pab.BlockPublicPolicy = aws.Bool(false)
			items := loadSpec(t, tc.example, both(tc.first, tc.second, missingTrailBucket(f)))
			p := planFor(t, e, items)
			for typ, want := range tc.steps {
				found := false
				for _, c := range p.Changes {
					if c.Type == typ && (typ != TBucketPolicy || c.Name == dataBucket) {
						found = true
						if c.Step != want {
							t.Errorf("plan step of %s %s = %d, want %d (%s)", c.Type, c.Name, c.Step, want, c.Reason)
						}
						if !strings.Contains(c.Reason, tc.note) {
							t.Errorf("reason of %s %s = %q, want it to say %q", c.Type, c.Name, c.Reason, tc.note)
						}
					}
				}
				if !found {
					t.Errorf("no planned %s change", typ)
				}
			}
			f.calls = nil
			_, err := e.Apply(context.Background(), p, false)
			if err == nil || !strings.Contains(err.Error(), `stage "audit" failed`) {
				t.Fatalf("apply error = %v, want the audit stage to fail", err)
			}
			guard := callIndex(f.calls, "PutPublicAccessBlock "+dataBucket)
			if guard < 0 {
				t.Fatalf("no guardrail write; calls:\n%s", strings.Join(f.calls, "\n"))
			}
			for _, r := range tc.revoke {
				if i := callIndex(f.calls, r); i < 0 || i > guard {
					t.Errorf("%q at #%d, want before PutPublicAccessBlock (#%d); calls:\n%s", r, i, guard, strings.Join(f.calls, "\n"))
				}
			}
			for _, c := range f.calls[:guard] {
				if op := strings.Fields(c)[0]; isWrite(op) && callIndex(tc.revoke, c) < 0 && !strings.HasPrefix(c, "PutBucketPolicy") {
					t.Errorf("%s written before the guardrails", c)
				}
			}
			for _, c := range f.calls {
				if strings.HasPrefix(c, "Attach") {
					t.Errorf("%s after a failed audit stage", c)
				}
			}
			tc.after(t, f)

			delete(f.faults, "UpdateTrail")
			if _, err := e.Apply(context.Background(), planFor(t, e, items), false); err != nil {
				t.Fatalf("rerun: %v", err)
			}
			if tc.converged != nil {
				tc.converged(t, f)
			}
			assertConverged(t, f, e, items)
		})
	}
}

func sessions(seconds int) func(*spec.Spec) {
	return func(s *spec.Spec) { s.Grants[0].Role.MaxSessionDuration.Value = seconds }
}

func maxSession(t *testing.T, f *fake, want int32) {
	t.Helper()
	if got := f.iam.roles["teramot-access"].maxSession; got != want {
		t.Errorf("MaxSessionDuration = %d, want %d", got, want)
	}
}

// editTrust changes every statement of the live trust policy (drift).
func editTrust(edit func(map[string]any)) func(*fake) {
	return func(f *fake) {
		var doc map[string]any
		if err := json.Unmarshal([]byte(f.iam.roles["teramot-access"].trust), &doc); err != nil {
			panic(err)
		}
		for _, st := range doc["Statement"].([]any) {
			edit(st.(map[string]any))
		}
		f.iam.roles["teramot-access"].trust = mustJSON(doc)
	}
}

// partnerStatement sets the bucket-policy statement letting a partner
// read from the given source addresses.
func partnerStatement(cidr string) func(*spec.Spec) {
	return func(s *spec.Spec) {
		var kept []*spec.Statement
		for _, st := range s.Buckets[0].Statements {
			if st.Sid != "Partner" {
				kept = append(kept, st)
			}
		}
		s.Buckets[0].Statements = append(kept, &spec.Statement{
			Sid:        "Partner",
			Principals: spec.Attr[spec.Principals]{Value: spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::210987654321:root"}}}, Set: true},
			Actions:    spec.Attr[[]string]{Value: []string{"s3:GetObject"}, Set: true},
			Resources:  spec.Attr[[]string]{Value: []string{"arn:aws:s3:::" + dataBucket + "/*"}, Set: true},
			Conditions: []*spec.Condition{{
				Test:     spec.Attr[string]{Value: "IpAddress", Set: true},
				Variable: spec.Attr[string]{Value: "aws:SourceIp", Set: true},
				Values:   spec.Attr[[]string]{Value: []string{cidr}, Set: true},
			}},
		})
	}
}

func isWrite(op string) bool {
	for _, p := range []string{"Put", "Create", "Update", "Attach", "Delete", "Start"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return false
}

func callIndex(calls []string, c string) int {
	for i, x := range calls {
		if x == c {
			return i
		}
	}
	return -1
}

func mustParse(t *testing.T, text string) any {
	t.Helper()
	doc, err := ParsePolicy(text)
	if err != nil {
		t.Fatal(err)
	}
	c, err := CanonicalPolicy(doc, "aws")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// policyHas checks whether the managed policy's default version allows
// action.
func policyHas(t *testing.T, f *fake, action string, want bool) {
	t.Helper()
	vs := f.iam.policies[testPolicyARN]
	doc := vs[len(vs)-1]
	got := false
	for _, s := range statements(mustParse(t, doc)) {
		if s["Effect"] != "Allow" {
			continue
		}
		for _, a := range stringSet(s["Action"], nil) {
			if strings.EqualFold(a, action) {
				got = true
			}
		}
	}
	if got != want {
		t.Errorf("managed policy allows %s = %v, want %v: %s", action, got, want, doc)
	}
}

// TestNarrowPolicy checks the revoke-phase document: it grants only what
// both the live and the rendered policy grant.
func TestNarrowPolicy(t *testing.T) {
	const obj, bkt = `"Resource":"arn:aws:s3:::b/p/*"`, `"Resource":"arn:aws:s3:::b"`
	tests := []struct {
		name, old, want string
		// narrowed is the expected result; "old" or "want" stand for the
		// live or rendered document itself.
		narrowed string
	}{
		{"statement removed", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `},{"Sid":"L","Effect":"Allow","Action":"s3:ListBucket",` + bkt + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`, "want"},
		{"action removed", `[{"Sid":"O","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`, "want"},
		{"nothing removed", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],` + obj + `}]`, "old"},
		{"action swapped keeps the common part", `[{"Sid":"O","Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`},
		{"wildcard narrowed to a literal", `[{"Sid":"O","Effect":"Allow","Action":"s3:Get*",` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`, "want"},
		{"principal removed", `[{"Sid":"T","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::210987654321:root","arn:aws:iam::999999999999:root"]},"Action":"sts:AssumeRole"}]`,
			`[{"Sid":"T","Effect":"Allow","Principal":{"AWS":"210987654321"},"Action":"sts:AssumeRole"}]`, "want"},
		{"condition changed: old access denied", `[{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"old"}}}]`,
			`[{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"new"}}}]`,
			`[{"Sid":"T","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"old"}}}]`},
		{"condition added: narrowed to the new statement", `[{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole"}]`,
			`[{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"new"}}}]`, "want"},
		{"condition values narrowed: the new statement", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]}}}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}}]`, "want"},
		{"condition removed: kept as live until its stage", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`, "old"},
		{"conditions swapped: both apply", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]`},
		{"condition narrowed and action added: the common part", `[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:GetObject",` + obj + `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]`},
		{"added deny applied, removed deny kept", `[{"Sid":"D1","Effect":"Deny","Principal":"*","Action":"s3:*",` + bkt + `}]`,
			`[{"Sid":"D2","Effect":"Deny","Principal":"*","Action":"s3:PutObject",` + obj + `}]`,
			`[{"Sid":"D1","Effect":"Deny","Principal":"*","Action":"s3:*",` + bkt + `},{"Sid":"D2","Effect":"Deny","Principal":"*","Action":"s3:PutObject",` + obj + `}]`},
		{"overlapping patterns dropped", `[{"Sid":"O","Effect":"Allow","Action":"s3:Get*",` + obj + `}]`,
			`[{"Sid":"O","Effect":"Allow","Action":"s3:*Object",` + obj + `}]`,
			`[{"Sid":"O","Effect":"Deny","Action":"s3:Get*",` + obj + `}]`},
	}
	doc := func(stmts string) any { return mustParse(t, `{"Version":"2012-10-17","Statement":`+stmts+`}`) }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, want := doc(tc.old), doc(tc.want)
			exp := map[string]any{"old": old, "want": want}[tc.narrowed]
			if exp == nil {
				exp = doc(tc.narrowed)
			}
			got := narrowPolicy(old, want, "aws")
			if !equal(got, exp) {
				t.Errorf("narrowPolicy:\n got  %s\n want %s", mustJSON(got), mustJSON(exp))
			}
			if again := narrowPolicy(got, want, "aws"); !equal(again, got) {
				t.Errorf("not idempotent:\n once  %s\n twice %s", mustJSON(got), mustJSON(again))
			}
		})
	}
}

func TestCovers(t *testing.T) {
	tests := []struct {
		p, q string
		want bool
	}{
		{"s3:*", "s3:getobject", true},
		{"s3:get*", "s3:getobject", true},
		{"s3:get*", "s3:get*", true},
		{"s3:*object", "s3:get*", false},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::b/p/*", true},
		{"arn:aws:s3:::b/p/*", "arn:aws:s3:::b/*", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxcyyb", false},
		{"s3:getobjec?", "s3:getobject", false},
		{"*", "anything", true},
		{"s3:getobject", "s3:getobject", true},
	}
	for _, tc := range tests {
		if got := covers(tc.p, tc.q); got != tc.want {
			t.Errorf("covers(%q, %q) = %v, want %v", tc.p, tc.q, got, tc.want)
		}
	}
}
