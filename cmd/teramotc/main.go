// Command teramotc compiles, lints, renders and applies S3 data-sharing specs.
package main

import (
	"os"

	"github.com/teramot/teramotc/internal/cli"
	_ "github.com/teramot/teramotc/internal/hugeheap" // huge pages for a cold lint's heap
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
