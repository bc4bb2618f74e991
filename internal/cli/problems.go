package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

// problem is a command-line error as users see it, shaped like Terraform's
// diagnostics: a terse summary, then a full sentence saying what to do.
// It is apply.Problem's counterpart for the command's own errors (flags,
// files it writes): the flag package carries it as text (Error), which
// apply.Problem, an error of the library, does not do. Errors of package
// apply are printed through failProblem.
type problem struct {
	summary, detail string
}

// Error joins summary and detail with a blank line, the way report prints
// them; the flag package embeds it in its own message, which
// reportParseError takes apart again.
func (p *problem) Error() string { return p.summary + "\n\n" + p.detail }

// report prints p to stderr as "Error: summary", a blank line and the
// detail, and returns ExitError.
func report(env *Env, p *problem) int {
	return view.WriteError(env.Stderr, p.summary, p.detail)
}

// failProblem reports err as "Error: summary" and what to do: every
// error of package apply that a user can act on is an *apply.Problem.
// Any other error reaching here is a bug, and says so. Under
// TERAMOTC_LOG=debug the error a problem explains follows.
func failProblem(r *reporter, err error) {
	failMasked(r, err, func(s string) string { return s })
}

// failPlanProblem is failProblem for the errors of checks about a plan's
// changes (apply's key directory check, say): their text is masked with
// the plan's sensitive values (Plan.Mask), as the plan itself is printed,
// since it may name a user or bucket whose name is sensitive.
func failPlanProblem(r *reporter, plan *apply.Plan, err error) {
	failMasked(r, err, plan.Mask)
}

func failMasked(r *reporter, err error, mask func(string) string) {
	var p *apply.Problem
	if !errors.As(err, &p) {
		r.fail(mask(err.Error()), bugDetail)
		return
	}
	r.fail(mask(p.Summary), mask(p.Detail))
	if p.Err != nil && r.debug() {
		view.WriteDebug(r.env.Stderr, mask(p.Err.Error()))
	}
}

// bugDetail is the detail of an error that is teramotc's fault.
const bugDetail = "This is a bug in teramotc; please report it with the spec that causes it."

// reason is the cause of a file-system error without Go's operation and
// path prefix ("mkdir out: not a directory" gives "not a directory"). When
// the error is about another path than the one the caller names (a parent
// directory, a file inside it), that path is kept, and a file in the way
// of a directory is named.
func reason(err error, path string) string {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	// A file where a directory is wanted: not a directory, or, from mkdir
	// (os.Root's MkdirAll), file exists.
	if errors.Is(pe.Err, syscall.ENOTDIR) || errors.Is(pe.Err, fs.ErrExist) && strings.HasPrefix(pe.Op, "mkdir") {
		switch f := fileInTheWay(pe.Path); f {
		case "":
		case filepath.Clean(path):
			return pe.Err.Error() // path itself is the file
		default:
			return f + " is a file, not a directory"
		}
	}
	if pe.Path == path {
		return pe.Err.Error()
	}
	return pe.Path + ": " + pe.Err.Error()
}

// fileInTheWay returns the shortest leading part of p that exists and is
// not a directory, or "".
func fileInTheWay(p string) string {
	var parts []string
	for p = filepath.Clean(p); ; p = filepath.Dir(p) {
		parts = append(parts, p)
		if d := filepath.Dir(p); d == p {
			break
		}
	}
	for _, part := range slices.Backward(parts) {
		if info, err := os.Stat(part); err == nil && !info.IsDir() {
			return part
		}
	}
	return ""
}

// makeDir creates dir and its parents. Its problem names the directory and
// says what is in the way; hint is the sentence saying what to do.
func makeDir(dir, hint string) *problem {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return &problem{dir + " is a file, not a directory", hint}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &problem{fmt.Sprintf("cannot create directory %s: %s", dir, reason(err, dir)), hint}
	}
	return nil
}

// unknownValue reports a value of kind what ("format", "shell") that is
// none of allowed, suggesting the nearest, and returns ExitError.
func unknownValue(env *Env, cmd, what, value string, allowed []string) int {
	return report(env, &problem{
		summary: fmt.Sprintf("unknown %s %q.%s", what, value, didYouMean(value, allowed)),
		detail:  fmt.Sprintf("Choose one of: %s. Run \"teramotc %s -help\" for usage.", strings.Join(allowed, ", "), cmd),
	})
}
