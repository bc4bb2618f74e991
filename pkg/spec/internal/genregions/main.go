// Command genregions writes pkg/spec/regions.txt from the partitions.json of
// the AWS SDK version in go.mod (run by go generate ./pkg/spec).
//
// Usage: genregions OUTFILE
package main

import (
	"fmt"
	"os"

	"github.com/teramot/teramotc/pkg/spec/internal/regiondata"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genregions OUTFILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genregions:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	path, err := regiondata.SDKPath()
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	regions, err := regiondata.Parse(data)
	if err != nil {
		return err
	}
	return os.WriteFile(out, regiondata.Format(regions), 0o644)
}
