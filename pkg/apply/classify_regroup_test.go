package apply

import (
	"strings"
	"testing"
)

// TestPolicyRiskRegroup: statements grouped differently (a legacy policy of
// one statement per action against the rendered one) are not "widens
// access" when the new document grants nothing the old one did not.
func TestPolicyRiskRegroup(t *testing.T) {
	const obj = `"Resource":"arn:aws:s3:::b/data/*"`
	legacy := mustParse(t, `{"Version":"2012-10-17","Statement":[
		{"Sid":"Get","Effect":"Allow","Action":"s3:GetObject",`+obj+`},
		{"Sid":"Put","Effect":"Allow","Action":"s3:PutObject",`+obj+`},
		{"Sid":"Del","Effect":"Allow","Action":"s3:DeleteObject",`+obj+`}]}`)
	tests := []struct {
		name, want, risk, reason string
	}{
		{"same grants, regrouped",
			`{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],` + obj + `}]}`,
			RiskNeutral, "regroups statements and grants the same"},
		{"regrouped, one action dropped",
			`{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],` + obj + `}]}`,
			RiskTighten, "regroups statements and grants nothing new"},
		{"regrouped with a new action",
			`{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:GetObjectTagging"],` + obj + `}]}`,
			RiskLoosen, "widen"},
		{"regrouped on a wider resource",
			`{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::b/*"}]}`,
			RiskLoosen, "widen"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			risk, reason := policyRisk(legacy, mustParse(t, tc.want))
			if risk != tc.risk || !strings.Contains(reason, tc.reason) {
				t.Errorf("policyRisk = %s %q, want %s containing %q", risk, reason, tc.risk, tc.reason)
			}
		})
	}
}
