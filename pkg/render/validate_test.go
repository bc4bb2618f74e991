package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestValidatePolicySizes(t *testing.T) {
	manyActions := func(n int) []string {
		var as []string
		for i := range n {
			as = append(as, fmt.Sprintf("s3:GetObjectVersionTaggingNumber%04d", i))
		}
		return as
	}
	tests := []struct {
		name    string
		role    bool
		modify  func(s *spec.Spec)
		subject string // address whose header the diagnostic points at; "" for none
		detail  string
	}{
		{"guide fits", true, func(*spec.Spec) {}, "", ""},
		{"identity policy just under", false, func(s *spec.Spec) {
			s.Grants[0].ExtraActions = set(manyActions(140), 69) // 140*39 = 5,460 plus the rest (BucketAccess: the names are not known object actions)
		}, "", ""},
		{"identity policy too large", false, func(s *spec.Spec) {
			s.Grants[0].ExtraActions = set(manyActions(170), 69)
		}, "grant.teramot", `managed policy "teramot-s3-access"`},
		{"trust policy too large", true, func(s *spec.Spec) {
			s.Grants[0].Role.TrustedPrincipal = set("arn:aws:iam::210987654321:role/"+strings.Repeat("r", 1900), 72)
		}, "grant.teramot", `trust policy of role "teramot-access"`},
		{"bucket policy too large", false, func(s *spec.Spec) {
			b := s.Buckets[0]
			for i := range 120 {
				b.Statements = append(b.Statements, &spec.Statement{
					Block: block(fmt.Sprintf("bucket.data.statement.S%d", i), 100+i), Sid: fmt.Sprintf("S%d", i),
					Effect: set("Allow", 100+i), Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::444455556666:role/reader"}}}, 100+i),
					Actions: set([]string{"s3:GetObject"}, 100+i), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/reports/*"}, 100+i),
				})
			}
		}, "bucket.data", "bucket policy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(tt.role)
			tt.modify(s)
			diags := Validate(mustRender(t, s), s)
			if tt.subject == "" {
				if len(diags) != 0 {
					t.Fatalf("unexpected diagnostics: %s", diags.Error())
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags)
			}
			d := diags[0]
			if spec.RuleID(d) != "TMC506" {
				t.Errorf("rule ID = %q, want TMC506", spec.RuleID(d))
			}
			var want *spec.Block
			if tt.subject == "bucket.data" {
				want = &s.Buckets[0].Block
			} else {
				want = &s.Grants[0].Block
			}
			if d.Subject == nil || *d.Subject != want.DeclRange {
				t.Errorf("subject = %v, want %v", d.Subject, want.DeclRange)
			}
			if !strings.Contains(d.Detail, tt.detail) {
				t.Errorf("detail %q does not mention %q", d.Detail, tt.detail)
			}
		})
	}
}

func TestValidateGeneratedSidClash(t *testing.T) {
	s := guideModel(false)
	st := &spec.Statement{Block: block("bucket.data.statement.DenyInsecureTransport", 42), Sid: "DenyInsecureTransport",
		Effect: set("Deny", 43), Principals: set(spec.Principals{Wildcard: true}, 44),
		Actions: set([]string{"s3:DeleteObject"}, 45), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/*"}, 46)}
	s.Buckets[0].Statements = []*spec.Statement{st}
	diags := Validate(mustRender(t, s), s)
	if len(diags) != 1 || spec.RuleID(diags[0]) != "TMC508" || *diags[0].Subject != st.DeclRange {
		t.Fatalf("want one TMC508 at the statement block, got %v", diags)
	}
}

// Two statement blocks with one Sid are pkg/spec's to report; Validate only
// reports a clash with a generated Sid, so validate says it once.
func TestValidateLeavesUserSidDuplicatesToSpec(t *testing.T) {
	s := guideModel(false)
	mk := func(line int) *spec.Statement {
		return &spec.Statement{Block: block("bucket.data.statement.Reports", line), Sid: "Reports",
			Effect: set("Allow", line+1), Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::444455556666:root"}}}, line+2),
			Actions: set([]string{"s3:GetObject"}, line+3), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/*"}, line+4)}
	}
	s.Buckets[0].Statements = []*spec.Statement{mk(42), mk(52)}
	if diags := Validate(mustRender(t, s), s); len(diags) != 0 {
		t.Fatalf("want no diagnostic, got %v", diags)
	}
}
