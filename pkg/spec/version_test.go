package spec

import "testing"

func TestVersionSatisfies(t *testing.T) {
	tests := []struct {
		have, constraint string
		want, wantErr    bool
	}{
		{"0.1.0-dev", ">= 0.1", true, false},
		{"0.2.0+dirty", ">= 0.3", false, false},
		{"0.2.0+dirty", ">= 0.2", true, false},
		{"0.1.1-0.20261127010203-abcdef012345", ">= 0.1.1", true, false},
		{"0.1.1-0.20261127010203-abcdef012345+dirty", ">= 0.2", false, false},
		{"0.1.0", "= 0.1.0", true, false},
		{"0.1.0", "0.1.0", true, false},
		{"0.1.0", "!= 0.1.0", false, false},
		{"0.2.5", ">= 0.1, < 0.3", true, false},
		{"0.3.0", ">= 0.1, < 0.3", false, false},
		{"1.4.0", "~> 1.2", true, false},
		{"2.0.0", "~> 1.2", false, false},
		{"1.2.9", "~> 1.2.3", true, false},
		{"1.3.0", "~> 1.2.3", false, false},
		{"v1.0.0", "> 0.9", true, false},
		{"0.1.0", "<= 0.0.9", false, false},
		{"0.1.0", "latest", false, true},
		{"0.1.0", ">= 1.x", false, true},
		{"0.1.0", "", false, true},
		{"unknown", ">= 99", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.have+" "+tt.constraint, func(t *testing.T) {
			got, err := versionSatisfies(tt.have, tt.constraint)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("= %v, want %v", got, tt.want)
			}
		})
	}
}
