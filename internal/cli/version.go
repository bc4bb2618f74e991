package cli

import (
	"encoding/json"
	"fmt"
	"runtime"

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
  -json  print a JSON object instead of text
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
		fmt.Fprintf(env.Stderr, "Error: version takes no arguments, got %q\n", rest)
		return view.ExitError
	}
	info := struct {
		Version  string `json:"version"`
		Go       string `json:"go"`
		OPA      string `json:"opa"`
		Platform string `json:"platform"`
	}{version.Version, runtime.Version(), opaversion.Version, runtime.GOOS + "/" + runtime.GOARCH}
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
