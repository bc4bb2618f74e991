package cli

import (
	"runtime"
	"strings"

	opaversion "github.com/open-policy-agent/opa/v1/version"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
)

func init() {
	register(&Command{
		Name:     "version",
		Synopsis: "Show the version of teramotc, Go and OPA",
		Usage: `
Usage: teramotc version [-json]

Prints the teramotc version and the Go and OPA versions it was built with.

Flags:
  -json  print a JSON object instead of text: format_version ("1.0"),
         version, go, opa and platform
`,
		Run: runVersion,
	})
}

func runVersion(env *Env, args []string) int {
	fs := newFlagSet(env, "version")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(rest) > 0 {
		return usageError(env, "version", "version takes no arguments, got %s", strings.Join(rest, " "))
	}
	return view.WriteVersion(env.Stdout, view.VersionInfo{
		FormatVersion: "1.0",
		Version:       version.Version,
		Go:            runtime.Version(),
		OPA:           opaversion.Version,
		Platform:      runtime.GOOS + "/" + runtime.GOARCH,
	}, *asJSON)
}
