package cli

import (
	"encoding/json"
	"fmt"
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
	info := struct {
		FormatVersion string `json:"format_version"`
		Version       string `json:"version"`
		Go            string `json:"go"`
		OPA           string `json:"opa"`
		Platform      string `json:"platform"`
	}{"1.0", version.Version, runtime.Version(), opaversion.Version, runtime.GOOS + "/" + runtime.GOARCH}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(info); err != nil {
			return view.ExitError
		}
		return view.ExitOK
	}
	fmt.Fprintf(env.Stdout, "teramotc v%s\non %s, built with %s, OPA %s\n", info.Version, info.Platform, info.Go, info.OPA)
	return view.ExitOK
}
