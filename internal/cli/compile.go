package cli

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// compiled is one spec after loading, rendering and the rendered-document
// checks. Out is nil when the spec has errors that stop rendering.
type compiled struct {
	Path   string
	Loaded *spec.Loaded
	Out    *render.Output
}

// compileSpec loads the spec at path and, when it has no errors, renders it
// and checks the rendered documents (TMC506). Every diagnostic is returned,
// warnings included.
func compileSpec(path string, opts spec.Options) (*compiled, hcl.Diagnostics) {
	loaded, diags := spec.Load(path, opts)
	c := &compiled{Path: path, Loaded: loaded}
	if loaded == nil || loaded.Spec == nil || diags.HasErrors() {
		return c, diags
	}
	out, rdiags := render.Render(loaded.Spec)
	diags = append(diags, rdiags...)
	if rdiags.HasErrors() {
		return c, diags
	}
	diags = append(diags, render.Validate(out, loaded.Spec)...)
	if !diags.HasErrors() {
		c.Out = out
	}
	return c, diags
}

// files returns the parsed files of the spec, for source snippets.
func (c *compiled) files() map[string]*hcl.File {
	if c.Loaded == nil {
		return nil
	}
	return c.Loaded.Files
}

// mergeFiles merges the file maps of several specs.
func mergeFiles(cs []*compiled) map[string]*hcl.File {
	files := map[string]*hcl.File{}
	for _, c := range cs {
		for name, f := range c.files() {
			files[name] = f
		}
	}
	return files
}

// oneSpecArg returns the single spec path of commands that take at most
// one ("." when none is given).
func oneSpecArg(env *Env, cmd string, args []string) (string, bool) {
	switch len(args) {
	case 0:
		return ".", true
	case 1:
		return args[0], true
	}
	usageError(env, cmd, "%s takes one spec path, got %d: %s", cmd, len(args), strings.Join(args, " "))
	return "", false
}

// failDiags prints diags to stderr in text form (the result of a command
// that could not produce its output) and returns the exit code.
func failDiags(env *Env, diags hcl.Diagnostics, files map[string]*hcl.File) int {
	view.WriteDiagnostics(env.Stderr, diags, files, env.ErrColor)
	if diags.HasErrors() {
		return view.ExitError
	}
	return view.ExitOK
}

// usageError prints a usage error to stderr and returns ExitError.
func usageError(env *Env, cmd, format string, a ...any) int {
	return view.WriteUsageError(env.Stderr, cmd, fmt.Sprintf(format, a...))
}
