package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSourceSids(t *testing.T) {
	tests := []struct {
		name    string
		sources []string
		want    []string
	}{
		{"a single source keeps the plain Sid", []string{"acme-share"}, []string{"Allow"}},
		{"several name their source", []string{"acme-archive", "acme-share"},
			[]string{"AllowAcmeArchive", "AllowAcmeShare"}},
		{"dots, digits and underscores", []string{"logs.v2", "my_trail-9"}, []string{"AllowLogsV2", "AllowMyTrail9"}},
		{"names that read the same are numbered", []string{"a-b", "a.b", "ab"}, []string{"AllowAB", "AllowAB2", "AllowAb"}},
		{"long names are cut", []string{"a123456789-123456789-123456789-123456789-123456789-123456789-123456789", "b"},
			[]string{"AllowA" + "12345678912345678912345678912345678912345678912345678912345678", "AllowB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sourceSids("Allow", tt.sources)); diff != "" {
				t.Errorf("sourceSids(%q) (-want +got):\n%s", tt.sources, diff)
			}
		})
	}
}

// TestSourceSidsStable: adding a source renames no other source's
// statement once there are several (a plan would show it removed).
func TestSourceSidsStable(t *testing.T) {
	before := sourceSids("AllowAccessLogDelivery", []string{"acme-b", "acme-d"})
	after := sourceSids("AllowAccessLogDelivery", []string{"acme-a", "acme-b", "acme-c", "acme-d"})
	if before[0] != after[1] || before[1] != after[3] {
		t.Errorf("adding sources renamed %q to %q", before, []string{after[1], after[3]})
	}
}
