// Command gen writes N deterministic, varied benchmark specs (see
// internal/benchgen): go run ./bench/gen -n 2000 -o DIR.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/teramot/teramotc/internal/benchgen"
)

func main() {
	n := flag.Int("n", 2000, "number of specs")
	out := flag.String("o", "", "output directory (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -o DIR is required")
		os.Exit(2)
	}
	if _, err := benchgen.Write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
