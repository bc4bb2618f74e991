package apply

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// PlanInputs records how a saved plan's inputs were given, so that the
// command printed to apply it, and apply's refusals, can name them: whether
// lint was skipped, and where the variables' values came from. It holds
// names and paths, never a value: plan files are shared.
type PlanInputs struct {
	// SkipLint is true when the plan was made with -skip-lint.
	SkipLint bool `json:"skip_lint"`
	// Vars names the variables whose value came from -var.
	Vars []string `json:"vars"`
	// VarFiles are the -var-file paths, as given and in their order.
	VarFiles []string `json:"var_files"`
	// Env names the TERAMOTC_VAR_<name> environment variables whose value
	// was used.
	Env []string `json:"env"`
	// Policies are the -policy directories the lint gate ran, as given and
	// in their order; omitted when there were none (and absent in plan
	// files made before it was recorded).
	Policies []string `json:"policies,omitempty"`
	// Config is the configuration file the lint gate read, as given:
	// -config FILE, else TERAMOTC_CONFIG. It is omitted when there was
	// none (the gate read the .teramotc.hcl in the spec's directory) and
	// in plan files made before it was recorded.
	Config string `json:"config,omitempty"`
	// SpecFiles maps each spec file's base name to the SHA-256 of its
	// text as printed, secrets masked (RecordSpecFiles); absent in plan
	// files made before it was recorded.
	SpecFiles map[string]string `json:"spec_files,omitempty"`
}

// InputsOf returns the inputs of a plan of s, loaded with the -var-file
// paths varFiles, lint skipped or not. A variable's source (spec.Variable's
// Source) says whether its value came from -var or TERAMOTC_VAR_<name>:
// those overridden by a later argument are not needed to plan again.
func InputsOf(s *spec.Spec, varFiles []string, skipLint bool) *PlanInputs {
	in := &PlanInputs{SkipLint: skipLint, Vars: []string{}, VarFiles: append([]string{}, varFiles...), Env: []string{}}
	if s == nil {
		return in
	}
	for _, v := range s.Variables {
		switch v.Source {
		case "var":
			in.Vars = append(in.Vars, v.Name)
		case "env":
			in.Env = append(in.Env, spec.EnvPrefix+v.Name)
		}
	}
	return in
}

// MarshalJSON writes the arrays as [] when empty: arrays are never null.
func (in PlanInputs) MarshalJSON() ([]byte, error) {
	type plain PlanInputs
	cp := plain(in)
	for _, l := range []*[]string{&cp.Vars, &cp.VarFiles, &cp.Env} {
		if *l == nil {
			*l = []string{}
		}
	}
	return json.Marshal(cp)
}

// LintSkipped says whether the plan was made with -skip-lint (false for
// plan files that do not record it).
func (in *PlanInputs) LintSkipped() bool { return in != nil && in.SkipLint }

// HasVars says whether any variable value came from -var, -var-file or
// the environment.
func (in *PlanInputs) HasVars() bool {
	return in != nil && len(in.Vars)+len(in.VarFiles)+len(in.Env) > 0
}

// args lists the inputs as a reader would type them, values left out:
// -var-file PATH, -var NAME=..., TERAMOTC_VAR_NAME.
func (in *PlanInputs) args() []string {
	if in == nil {
		return nil
	}
	var out []string
	for _, f := range in.VarFiles {
		out = append(out, "-var-file "+quoteJSON(f))
	}
	for _, v := range in.Vars {
		out = append(out, "-var "+v+"=...")
	}
	return append(out, in.Env...)
}

// missingIn lists the inputs of in that now lacks, as args does.
func (in *PlanInputs) missingIn(now *PlanInputs) []string {
	if now == nil {
		now = &PlanInputs{}
	}
	return slices.DeleteFunc(in.args(), func(a string) bool { return slices.Contains(now.args(), a) })
}

// staleDesired is the refusal of a saved plan whose desired state differs
// from the fresh plan's. was is what the plan was made with and now what
// apply was given (nil when not known): when either holds variables, the
// difference may be theirs, so it names them, before telling to plan again.
//
// When both record the spec's files (RecordSpecFiles), it says which
// differs: the files it names, else the variables' values.
func staleDesired(was, now *PlanInputs, again string) *Problem {
	p := &Problem{Err: ErrStalePlan, Summary: "the spec (or its variables) changed since the plan was made", Detail: again}
	files, known := changedSpecFiles(was, now)
	if len(files) > 0 {
		word := "file"
		if len(files) > 1 {
			word = "files"
		}
		p.Summary = fmt.Sprintf("the spec's %s %s changed since the plan was made", word, quoteFiles(files))
		p.Detail = "The plan was made from other contents of the spec. Apply the plan file with the spec as it was, or plan again. " + again
		return p
	}
	if known {
		p.Summary = "the variables' values differ from the plan's (the spec's files are unchanged)"
	}
	if !was.HasVars() && !now.HasVars() {
		if known {
			p.Summary = "the spec renders otherwise than when the plan was made, though its files are unchanged"
			p.Detail = "A file the spec reads, another teramotc release, or an edit of a secret value the file hashes leave out " +
				"(an external id) may be the cause. " + again
		}
		return p
	}
	var b strings.Builder
	if was.HasVars() {
		fmt.Fprintf(&b, "The plan was made with %s: give apply the same -var, -var-file and TERAMOTC_VAR_* values as plan", strings.Join(was.args(), ", "))
		if miss := was.missingIn(now); now != nil && len(miss) > 0 {
			fmt.Fprintf(&b, " (not given now: %s)", strings.Join(miss, ", "))
		}
		b.WriteString(", or plan again. ")
	}
	if extra := now.missingIn(was); was != nil && len(extra) > 0 {
		fmt.Fprintf(&b, "Apply was given %s, which plan was not: drop them, or plan again with them. ", strings.Join(extra, ", "))
	}
	if b.Len() == 0 {
		return p
	}
	if !known {
		p.Summary = "the spec or its variables' values differ from the plan's"
	}
	p.Detail = b.String() + again
	return p
}
