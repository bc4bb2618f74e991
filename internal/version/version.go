// Package version holds teramotc's version, set at build time with
// -ldflags "-X github.com/teramot/teramotc/internal/version.Version=v1.2.3".
package version

// Version is the release version of this build.
var Version = "0.1.0-dev"

// InformationURI is the project's home page, used in SARIF and docs links.
const InformationURI = "https://github.com/teramot/teramotc"
