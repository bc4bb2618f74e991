package cli

import (
	"os"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/spec"
)

// specOperands drops, when several specs are given ("teramotc lint
// specs/*"), the operands that are regular files but not .hcl files, such
// as a README.md beside the spec directories, with a warning for each. A
// single operand is kept, and so is every operand when none would be left,
// so that loading says why it is not a spec.
func specOperands(env *Env, paths []string) []string {
	if len(paths) < 2 {
		return paths
	}
	var kept []string
	var skipped []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() && !spec.IsSpecFileName(p) {
			skipped = append(skipped, p)
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == 0 {
		return paths
	}
	for _, p := range skipped {
		view.WriteSkippedOperand(env.Stderr, p)
	}
	return kept
}
