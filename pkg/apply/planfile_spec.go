package apply

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SpecPath returns the spec the plan file (named name) was made from, for
// apply to plan again. It must be what plan takes: a directory or a .hcl
// file (a regular file, and its target named .hcl when it is a link).
// Anything else is refused without reading it: whoever can edit the file
// could otherwise have apply parse any file (a .env) and quote its lines
// in diagnostics. Its errors are *Problem.
func (sp *SavedPlan) SpecPath(name string) (string, error) {
	again := "Apply the plan file on a machine where that spec is, or run \"teramotc plan -out=FILE\" again and apply the new file."
	st, err := os.Stat(sp.Spec)
	if err != nil {
		return "", &Problem{Err: err,
			Summary: fmt.Sprintf("plan file %s was made from %s, which cannot be read: %s", name, shown(sp.Spec), pathReason(err)),
			Detail:  again}
	}
	if st.IsDir() {
		return sp.Spec, nil
	}
	if st.Mode().IsRegular() && isHCLName(sp.Spec) {
		if real, err := filepath.EvalSymlinks(sp.Spec); err == nil && isHCLName(real) {
			return sp.Spec, nil
		}
	}
	return "", &Problem{
		Summary: fmt.Sprintf("plan file %s names spec %s, which is neither a directory nor a .hcl file", name, shown(sp.Spec)),
		Detail: "\"teramotc plan -out\" saves the spec directory or .hcl file it planned, so the file was edited; apply did not read that path. " +
			"Do not apply this file: run \"teramotc plan -out=FILE\" again and apply the new file."}
}

func isHCLName(p string) bool { return strings.HasSuffix(filepath.Base(p), ".hcl") }
