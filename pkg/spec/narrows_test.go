package spec

import "testing"

// TestNarrows mirrors lib/common.rego's narrowing_condition: only equality
// and ARN operators (optionally ForAnyValue:) on fixed values of non-public
// keys, and IpAddress on aws:SourceIp no broader than /8 or /32, make a
// "*" principal non-public (TMC107).
func TestNarrows(t *testing.T) {
	tests := []struct {
		name, op, key string
		values        []string
		want          bool
	}{
		{"org id", "StringEquals", "aws:PrincipalOrgID", []string{"o-abc123"}, true},
		{"lower-case operator", "stringequals", "aws:PrincipalOrgID", []string{"o-abc123"}, true},
		{"arn like", "ArnLike", "aws:SourceArn", []string{"arn:aws:s3:::logs"}, true},
		{"for any value", "ForAnyValue:StringLike", "aws:SourceVpce", []string{"vpce-1a2b3c4d"}, true},
		{"ip range", "IpAddress", "aws:SourceIp", []string{"10.0.0.0/8", "2001:db8::/32"}, true},
		{"single ip", "IpAddress", "aws:SourceIp", []string{"198.51.100.7"}, true},
		{"wildcard value", "StringLike", "aws:PrincipalOrgID", []string{"o-*"}, false},
		{"policy variable", "StringEquals", "aws:SourceAccount", []string{"${aws:PrincipalAccount}"}, false},
		{"empty value", "StringEquals", "aws:SourceAccount", []string{""}, false},
		{"no values", "StringEquals", "aws:SourceAccount", nil, false},
		{"negated", "StringNotEquals", "aws:PrincipalOrgID", []string{"o-abc123"}, false},
		{"if exists", "StringEqualsIfExists", "aws:PrincipalOrgID", []string{"o-abc123"}, false},
		{"for all values", "ForAllValues:StringEquals", "aws:PrincipalOrgID", []string{"o-abc123"}, false},
		{"numeric", "NumericEquals", "aws:SourceAccount", []string{"111122223333"}, false},
		{"public key", "StringEquals", "s3:prefix", []string{"home/"}, false},
		{"string on ip", "StringEquals", "aws:SourceIp", []string{"198.51.100.7"}, false},
		{"wide ipv4", "IpAddress", "aws:SourceIp", []string{"64.0.0.0/4"}, false},
		{"wide ipv6", "IpAddress", "aws:SourceIp", []string{"2001:db8::/16"}, false},
		{"not an address", "IpAddress", "aws:SourceIp", []string{"office"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Condition{
				Test:     Attr[string]{Value: tt.op, Set: true},
				Variable: Attr[string]{Value: tt.key, Set: true},
				Values:   Attr[[]string]{Value: tt.values, Set: true},
			}
			if got := narrows(c); got != tt.want {
				t.Errorf("narrows(%s %s %q) = %v, want %v", tt.op, tt.key, tt.values, got, tt.want)
			}
		})
	}
}

// TestPublicStatementMergesConditions judges the condition blocks as they
// render: blocks with the same test and variable are one entry whose values
// are ORed, so one wildcard value among them makes the entry non-narrowing.
func TestPublicStatementMergesConditions(t *testing.T) {
	cond := func(op, key string, values ...string) *Condition {
		return &Condition{
			Test:     Attr[string]{Value: op, Set: true},
			Variable: Attr[string]{Value: key, Set: true},
			Values:   Attr[[]string]{Value: values, Set: true},
		}
	}
	tests := []struct {
		name  string
		conds []*Condition
		want  bool
	}{
		{"one fixed block", []*Condition{cond("StringLike", "aws:PrincipalAccount", "210987654321")}, false},
		{"fixed and wildcard on one key", []*Condition{
			cond("StringLike", "aws:PrincipalAccount", "210987654321"),
			cond("StringLike", "aws:PrincipalAccount", "*")}, true},
		{"two fixed blocks on one key", []*Condition{
			cond("StringEquals", "aws:PrincipalAccount", "210987654321"),
			cond("StringEquals", "aws:PrincipalAccount", "123456789012")}, false},
		{"wildcard on another key", []*Condition{
			cond("StringEquals", "aws:PrincipalAccount", "210987654321"),
			cond("StringLike", "aws:PrincipalArn", "*")}, false},
		{"same key, other test", []*Condition{
			cond("StringEquals", "aws:PrincipalAccount", "210987654321"),
			cond("StringLike", "aws:PrincipalAccount", "*")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Statement{
				Effect:     Attr[string]{Value: "Allow", Set: true},
				Principals: Attr[Principals]{Value: Principals{Wildcard: true}, Set: true},
				Conditions: tt.conds,
			}
			if got := isPublicStatement(s); got != tt.want {
				t.Errorf("isPublicStatement = %v, want %v", got, tt.want)
			}
			if len(tt.conds[0].Values.Value) != 1 {
				t.Errorf("merging changed the first condition block's values: %q", tt.conds[0].Values.Value)
			}
		})
	}
}
