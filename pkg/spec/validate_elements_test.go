package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBadPrincipals mirrors statement_elements.rego (TMC509): what S3
// rejects as a bucket-policy principal.
func TestBadPrincipals(t *testing.T) {
	tests := []struct {
		name string
		m    map[string][]string
		ok   bool
	}{
		{"no principal", map[string][]string{}, false},
		{"type without identifiers", map[string][]string{"AWS": nil}, false},
		{"bare name", map[string][]string{"AWS": {"bob"}}, false},
		{"empty service", map[string][]string{"Service": {""}}, false},
		{"short account", map[string][]string{"AWS": {"12345"}}, false},
		{"account id", map[string][]string{"AWS": {"444455556666"}}, true},
		{"role arn", map[string][]string{"AWS": {"arn:aws:iam::444455556666:role/r"}}, true},
		{"unique id", map[string][]string{"AWS": {"AROAJQABLZS4A3QDU576Q"}}, true},
		{"wildcard", map[string][]string{"AWS": {"*"}}, true},
		{"service", map[string][]string{"Service": {"logging.s3.amazonaws.com"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := badPrincipals(Principals{Map: tt.m}); ok != tt.ok {
				t.Errorf("badPrincipals(%v) ok = %v, want %v", tt.m, ok, tt.ok)
			}
		})
	}
}

func TestForeignResources(t *testing.T) {
	tests := []struct {
		name, partition string
		resources, want []string
	}{
		{"own bucket and objects", "aws", []string{"arn:aws:s3:::b1", "arn:aws:s3:::b1/*", "arn:aws:s3:::b1/${aws:username}/*"}, nil},
		{"star and wildcard bucket", "", []string{"*", "arn:aws:s3:::b*/*"}, nil},
		{"other bucket", "aws", []string{"arn:aws:s3:::b1/*", "arn:aws:s3:::other/*"}, []string{"arn:aws:s3:::other/*"}},
		{"bucket name prefix", "aws", []string{"arn:aws:s3:::b10/*"}, []string{"arn:aws:s3:::b10/*"}},
		{"not an arn", "aws", []string{"b1/*"}, []string{"b1/*"}},
		{"iam arn", "aws", []string{"arn:aws:iam::1:role/x"}, []string{"arn:aws:iam::1:role/x"}},
		{"other partition", "aws-cn", []string{"arn:aws:s3:::b1/*", "arn:aws-cn:s3:::b1/*"}, []string{"arn:aws:s3:::b1/*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, foreignResources(tt.resources, "b1", tt.partition)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
