package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMatchActions(t *testing.T) {
	tests := []struct {
		pattern   string
		wantCount int // -1: do not check
		wantFirst string
		wantKnown bool
	}{
		{"s3:GetObject", 1, "s3:GetObject", true},
		{"S3:getobject", 1, "s3:GetObject", true},
		{"s3:GetObjectVersion*", 8, "s3:GetObjectVersion", true},
		{"s3:?etObject", 1, "s3:GetObject", true},
		{"s3:Put*", -1, "s3:PutAccelerateConfiguration", true},
		{"s3:Nope*", 0, "", true},
		{"kms:Decrypt", 1, "kms:Decrypt", true},
		{"sts:AssumeRole", 1, "sts:AssumeRole", true},
		{"iam:PassRole", 0, "", false},
		{"GetObject", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			got, known := MatchActions(tt.pattern)
			if known != tt.wantKnown {
				t.Fatalf("known = %v, want %v", known, tt.wantKnown)
			}
			if tt.wantCount >= 0 && len(got) != tt.wantCount {
				t.Errorf("%d matches %v, want %d", len(got), got, tt.wantCount)
			}
			if tt.wantFirst != "" && (len(got) == 0 || got[0] != tt.wantFirst) {
				t.Errorf("matches %v, want first %q", got, tt.wantFirst)
			}
		})
	}
	all, known := MatchActions("*")
	if !known || len(all) < 200 {
		t.Errorf("* matches %d actions", len(all))
	}
	if diff := cmp.Diff([]string{"kms", "s3", "sts"}, ActionServices()); diff != "" {
		t.Errorf("services:\n%s", diff)
	}
}

func TestWildcardMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true}, {"a*c", "abbc", true}, {"a*c", "abcd", false}, {"a?c", "abc", true},
		{"*b*", "abc", true}, {"a**", "a", true}, {"", "a", false}, {"ab", "a", false},
	}
	for _, tt := range tests {
		if got := wildcardMatch(tt.pattern, tt.s); got != tt.want {
			t.Errorf("wildcardMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
