package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: "github.com/teramot/teramotc", Version: v}}, true
		}
	}
	noInfo := func() (*debug.BuildInfo, bool) { return nil, false }
	tests := []struct {
		name, set string
		read      func() (*debug.BuildInfo, bool)
		want      string
	}{
		{"go install of a tag", devVersion, info("v0.2.0"), "0.2.0"},
		{"go install of a commit", devVersion, info("v0.1.1-0.20261127010203-abcdef012345"), "0.1.1-0.20261127010203-abcdef012345"},
		{"build of a modified checkout", devVersion, info("v0.2.0+dirty"), "0.2.0+dirty"},
		{"ldflags win over the module version", "1.2.3", info("v0.2.0"), "1.2.3"},
		{"ldflags with a v", "v1.2.3", info("v0.2.0"), "1.2.3"},
		{"unversioned build", devVersion, info("(devel)"), devVersion},
		{"empty module version", devVersion, info(""), devVersion},
		{"no build info", devVersion, noInfo, devVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolve(tt.set, tt.read); got != tt.want {
				t.Errorf("resolve(%q) = %q, want %q", tt.set, got, tt.want)
			}
		})
	}
}
