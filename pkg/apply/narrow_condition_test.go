package apply

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIntersectConditions checks the condition block a narrowed statement
// carries: both sides must hold, never more than either grants.
func TestIntersectConditions(t *testing.T) {
	const ext = `"StringEquals":{"sts:ExternalId":"tmc-old-external-id"}`
	tests := []struct {
		name, a, b string
		// want is the expected canonical block; "none" when nothing can
		// satisfy both sides.
		want string
	}{
		{"equal", `{` + ext + `}`, `{` + ext + `}`, `{` + ext + `}`},
		{"none on either side", `{}`, `{}`, `{}`},
		{"condition added: the new block", `{}`, `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`,
			`{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}`},
		{"condition removed: the old block", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, `{}`,
			`{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}`},
		{"key added to an operator", `{` + ext + `}`, `{"StringEquals":{"sts:ExternalId":"tmc-old-external-id","aws:PrincipalOrgID":"o-abc"}}`,
			`{"StringEquals":{"aws:principalorgid":["o-abc"],"sts:externalid":["tmc-old-external-id"]}}`},
		{"mixed: old and new keys both apply", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, `{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}`,
			`{"IpAddress":{"aws:sourceip":["203.0.113.0/24"]},"StringEquals":{"aws:principalorgid":["o-abc"]}}`},
		{"fewer values: the common ones", `{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}`, `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`,
			`{"IpAddress":{"aws:sourceip":["203.0.113.0/24"]}}`},
		{"smaller CIDR block", `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`, `{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}`,
			`{"IpAddress":{"aws:sourceip":["10.1.0.0/16"]}}`},
		{"single address inside a block", `{"IpAddress":{"aws:SourceIp":"10.1.2.3"}}`, `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`,
			`{"IpAddress":{"aws:sourceip":["10.1.2.3"]}}`},
		{"disjoint CIDR blocks", `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`, `{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}`, "none"},
		{"rotated external id", `{` + ext + `}`, `{"StringEquals":{"sts:ExternalId":"tmc-new-external-id"}}`, "none"},
		{"StringLike pattern narrowed", `{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::210987654321:role/*"}}`,
			`{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::210987654321:role/reader"}}`,
			`{"StringLike":{"aws:principalarn":["arn:aws:iam::210987654321:role/reader"]}}`},
		{"StringEquals takes * literally", `{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::210987654321:role/*"}}`,
			`{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::210987654321:role/reader"}}`, "none"},
		{"negated operator: values united", `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`, `{"StringNotEquals":{"aws:SourceVpce":"vpce-2"}}`,
			`{"StringNotEquals":{"aws:sourcevpce":["vpce-1","vpce-2"]}}`},
		{"negated operators of other names: both kept", `{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`, `{"NotIpAddressIfExists":{"aws:SourceIp":"192.0.2.0/24"}}`,
			`{"NotIpAddress":{"aws:sourceip":["10.0.0.0/8"]},"NotIpAddressIfExists":{"aws:sourceip":["192.0.2.0/24"]}}`},
		{"qualified operator", `{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}`, `{"ForAllValues:StringEquals":{"aws:TagKeys":["b","c"]}}`,
			`{"ForAllValues:StringEquals":{"aws:tagkeys":["b"]}}`},
	}
	canon := func(t *testing.T, text string) any {
		t.Helper()
		doc := mustParse(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":`+text+`}]}`)
		return statements(doc)[0]["Condition"]
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := intersectConditions(canon(t, tc.a), canon(t, tc.b))
			if tc.want == "none" {
				if ok {
					t.Errorf("intersectConditions = %s, want nothing (no request satisfies both)", mustJSON(got))
				}
				return
			}
			if !ok {
				t.Fatalf("intersectConditions found nothing, want %s", tc.want)
			}
			var want map[string]any
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatal(err)
			}
			// Compare in canonical form (key names lower-cased, value sets).
			if diff := cmp.Diff(canonCond(t, want), canonCond(t, got)); diff != "" {
				t.Errorf("intersectConditions (-want +got):\n%s", diff)
			}
			// Symmetric: the order of the two sides does not matter.
			back, _ := intersectConditions(canon(t, tc.b), canon(t, tc.a))
			if diff := cmp.Diff(canonCond(t, got), canonCond(t, back)); diff != "" {
				t.Errorf("not symmetric (-a,b +b,a):\n%s", diff)
			}
		})
	}
}

func canonCond(t *testing.T, c map[string]any) any {
	t.Helper()
	var out any
	if err := json.Unmarshal([]byte(mustJSON(canonCondition(c))), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCIDRCovers(t *testing.T) {
	tests := []struct {
		p, q string
		want bool
	}{
		{"10.0.0.0/8", "10.1.0.0/16", true},
		{"10.1.0.0/16", "10.0.0.0/8", false},
		{"10.0.0.0/8", "10.255.255.255", true},
		{"10.0.0.0/8", "11.0.0.0/8", false},
		{"10.0.0.1/8", "10.2.0.0/16", true}, // host bits are masked
		{"2001:db8::/32", "2001:db8:1::/48", true},
		{"2001:db8::/32", "10.0.0.0/8", false},
		{"not-an-ip", "not-an-ip", true},
		{"not-an-ip", "10.0.0.0/8", false},
	}
	for _, tc := range tests {
		if got := cidrCovers(tc.p, tc.q); got != tc.want {
			t.Errorf("cidrCovers(%q, %q) = %v, want %v", tc.p, tc.q, got, tc.want)
		}
	}
}

// TestClassifyNarrowing: a changed Allow that grants part of what the live
// one did (stricter conditions, fewer actions) is a tightening, as the
// revoke stage treats it; shorter role sessions tighten too.
func TestClassifyNarrowing(t *testing.T) {
	const trust = `{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole"`
	ext := func(id string) string { return `,"Condition":{"StringEquals":{"sts:ExternalId":"` + id + `"}}` }
	ip := `,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`
	role := func(seconds float64, stmt string) map[string]any {
		return map[string]any{"MaxSessionDuration": seconds, "AssumeRolePolicyDocument": policyOf(t, stmt)}
	}
	tests := []struct {
		name         string
		before, want map[string]any
		risk, reason string
	}{
		{"condition added", role(3600, trust+`}`), role(3600, trust+ext("a")+`}`), RiskTighten, "1 statement narrows access: narrows Allow T"},
		{"condition removed", role(3600, trust+ext("a")+`}`), role(3600, trust+`}`), RiskLoosen, "1 statement widens access: widens Allow T (conditions)"},
		{"external id rotated", role(3600, trust+ext("a")+`}`), role(3600, trust+ext("b")+`}`), RiskLoosen, "1 statement widens access: changes Allow T (conditions)"},
		{"conditions swapped", role(3600, trust+ext("a")+`}`), role(3600, trust+ip+`}`), RiskLoosen, "1 statement widens access: changes Allow T (conditions)"},
		{"action removed", role(3600, `{"Sid":"T","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["sts:AssumeRole","sts:TagSession"]}`),
			role(3600, trust+`}`), RiskTighten, "1 statement narrows access: narrows Allow T"},
		{"shorter sessions", role(7200, trust+`}`), role(3600, trust+`}`), RiskTighten, "sessions last at most 3600 s instead of 7200 s"},
		{"shorter sessions and a narrower trust", role(7200, trust+`}`), role(3600, trust+ext("a")+`}`), RiskTighten,
			"1 statement narrows access: narrows Allow T; sessions last at most 3600 s instead of 7200 s"},
		{"shorter sessions, wider trust", role(7200, trust+ext("a")+`}`), role(3600, trust+`}`), RiskLoosen, "1 statement widens access: widens Allow T (conditions)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			risk, reason := classify(&Item{Type: TIAMRole}, tc.before, tc.want)
			if diff := cmp.Diff([]string{tc.risk, tc.reason}, []string{risk, reason}); diff != "" {
				t.Errorf("classify (-want +got):\n%s", diff)
			}
		})
	}
}
