// Command genactions writes pkg/spec/actions/<service>.txt and
// actions/s3.resources from
// pkg/rules/policies/lib/actions.rego (run by go generate ./pkg/spec).
//
// Usage: genactions ACTIONS.rego OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/teramot/teramotc/pkg/spec/internal/actiondata"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: genactions ACTIONS.rego OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "genactions:", err)
		os.Exit(1)
	}
}

func run(src, dir string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	lists, err := actiondata.Parse(data)
	if err != nil {
		return err
	}
	for _, svc := range actiondata.Services {
		if err := os.WriteFile(filepath.Join(dir, svc+".txt"), actiondata.Format(svc, lists[svc]), 0o644); err != nil {
			return err
		}
	}
	res, err := actiondata.S3Resources(data)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "s3.resources"), actiondata.FormatS3Resources(res), 0o644)
}
