package rules

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// conftest's --all-namespaces (bench/compare.sh runs the built-in policies
// under it) queries every rule whose name starts with deny, warn or
// violation in every package, and refuses a function of that name. Only the
// rule packages' own `deny` sets may carry such a name.
var conftestRuleName = regexp.MustCompile(`(?m)^(deny|warn|violation)(_\w+)?\s*(\(|:=|=|contains|if|\{)`)

func TestLibraryNamesLeaveConftestAlone(t *testing.T) {
	err := fs.WalkDir(builtinFS, "policies/lib", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(builtinFS, path)
		if err != nil {
			return err
		}
		for _, m := range conftestRuleName.FindAllString(string(src), -1) {
			t.Errorf("%s: library rule %q starts like a conftest rule; rename it", path, strings.TrimSpace(m))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
