// Package version holds teramotc's version. A release build sets it with
// -ldflags "-X github.com/teramot/teramotc/internal/version.Version=1.2.3";
// a build made by `go install github.com/teramot/teramotc/cmd/teramotc@v1.2.3`,
// which cannot pass -ldflags, takes it from the module version Go records in
// the binary (a tag, or a pseudo-version such as v0.1.1-0.20261127010203-abcdef012345).
package version

import (
	"runtime/debug"
	"strings"
)

// devVersion is Version when neither -ldflags nor the module version says
// otherwise: a build from a checkout that Go could not stamp.
const devVersion = "0.1.0-dev"

// Version is the release version of this build, without a "v" prefix
// ("1.2.3"; printed as "teramotc v1.2.3").
var Version = devVersion

// InformationURI is the project's home page, used in SARIF and docs links.
const InformationURI = "https://github.com/teramot/teramotc"

func init() {
	Version = resolve(Version, debug.ReadBuildInfo)
}

// resolve returns set when -ldflags changed it from devVersion, else the
// main module's version that readBuildInfo reports when it is a real one
// (not "(devel)", Go's word for an unversioned build, nor empty), else set;
// without a leading "v" in every case.
func resolve(set string, readBuildInfo func() (*debug.BuildInfo, bool)) string {
	set = strings.TrimPrefix(set, "v")
	if set != devVersion {
		return set
	}
	info, ok := readBuildInfo()
	if !ok || info == nil {
		return set
	}
	switch v := info.Main.Version; v {
	case "", "(devel)":
		return set
	default:
		return strings.TrimPrefix(v, "v")
	}
}
