package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/teramot/teramotc/pkg/apply"
)

// WritePlanText prints a plan in Terraform's vocabulary: one block per
// change with + (create) or ~ (update), attribute lines old -> new, and
// policy documents diffed statement by statement. Sensitive values show
// as (sensitive). It ends with the "Plan: ..." summary line.
func WritePlanText(w io.Writer, p *apply.Plan, color bool) {
	p = p.Redacted()
	if len(p.Changes) == 0 {
		writeNoChanges(w, p)
		return
	}
	fmt.Fprintf(w, "teramotc will perform the following actions in account %s%s, in this order:\n", escapeControls(p.Account), AtEndpoint(p.Endpoint))
	for _, c := range p.Changes {
		fmt.Fprintln(w)
		writeChangeText(w, c, color)
	}
	fmt.Fprintln(w)
	for _, warn := range p.Warnings {
		fmt.Fprintf(w, "Warning: %s.\n", escapeControls(warn))
	}
	fmt.Fprintln(w, PlanSummary(p))
}

// writeNoChanges ends a plan without changes. Its warnings (access the
// spec does not declare, which apply never removes) are printed, and then
// it does not claim that the live state matches the spec. A custom
// endpoint is named on the next line, as the header of a plan with
// changes names it, so that "No changes" from an emulator never reads as
// AWS being in sync.
func writeNoChanges(w io.Writer, p *apply.Plan) {
	if len(p.Warnings) == 0 {
		fmt.Fprintln(w, "No changes. The live state matches the spec.")
	} else {
		for _, warn := range p.Warnings {
			fmt.Fprintf(w, "Warning: %s.\n", escapeControls(warn))
		}
		fmt.Fprintln(w, "No changes to write, but see the warnings above: apply leaves what they name as it is.")
	}
	if p.Endpoint != "" {
		fmt.Fprintf(w, "The live state was read%s.\n", AtEndpoint(p.Endpoint))
	}
}

// AtEndpoint names a custom endpoint for the plan's header and apply's
// completion line, " at endpoint URL (not AWS)", its password replaced by
// "xxxxx" as plan files keep it; "" when there is none (AWS), so that a
// leftover AWS_ENDPOINT_URL of an emulator never reads like a change to
// AWS.
func AtEndpoint(endpoint string) string {
	if endpoint == "" {
		return ""
	}
	return " at endpoint " + escapeControls(apply.EndpointWithoutPassword(endpoint)) + " (not AWS)"
}

// PlanSummary is the last line of a plan.
func PlanSummary(p *apply.Plan) string {
	add, change := p.Counts()
	return fmt.Sprintf("Plan: %d to add, %d to change, %d to destroy.", add, change, p.Removals())
}

func changeTitle(c *apply.Change) string {
	name := c.Name
	if c.Owner != "" {
		name += " of " + c.Owner
	}
	verb := "will be updated in place"
	switch {
	case c.Action == apply.ActionCreate:
		verb = "will be created"
	case c.Action == apply.ActionDelete && c.Type == apply.TAttachment:
		verb = "will be detached"
	case c.Action == apply.ActionDelete:
		verb = "will be removed"
	case c.Type == apply.TAccessKey:
		verb = "will be deactivated" // a revoked grant's keys: the only update of access keys
	}
	risk := c.Risk
	if c.Destructive {
		risk += ", DESTRUCTIVE"
	}
	what := fmt.Sprintf("%s %q", c.Type, name)
	if c.Type == apply.TAccessKey && c.Owner != "" {
		// Its name is the user's: "access-key for user/NAME", not "NAME of user/NAME".
		what = c.Type + " for " + c.Owner
	}
	t := fmt.Sprintf("# %s: %s %s [%s, step %d]", c.Address, what, verb, risk, c.Step)
	if c.Reason != "" {
		t += " (" + c.Reason + ")"
	}
	if c.Unsupported != "" {
		t += " [unsupported by the endpoint: skipped]"
	}
	return t
}

func writeChangeText(w io.Writer, c *apply.Change, color bool) {
	sym := symbol(c.Action)
	// Every string of a change may come from a crafted plan file (show):
	// control characters are escaped in each line printed.
	fmt.Fprintf(w, "  %s\n", paint(escapeControls(changeTitle(c)), "1", color))
	fmt.Fprintf(w, "  %s %s {\n", paint(sym, symColor(sym), color), escapeControls(fmt.Sprintf("%s %q", c.Type, c.Name)))
	// Values print in the shape and with the field names of the rendered
	// documents, converted after masking (Redacted above).
	lines := diffLines(apply.Display(c.Type, c.Before), apply.Display(c.Type, c.After))
	if c.SensitiveChanged && !hiddenWhole(c.After) {
		// Masked values changed (an external id): say so, without them.
		lines = append(lines, "~ (sensitive value changed)")
	}
	for _, l := range lines {
		fmt.Fprintf(w, "      %s\n", paintLine(escapeControls(l), color))
	}
	fmt.Fprintln(w, "    }")
}

func symbol(action string) string {
	switch action {
	case apply.ActionCreate:
		return "+"
	case apply.ActionDelete:
		return "-"
	}
	return "~"
}

func symColor(sym string) string {
	switch sym {
	case "+":
		return "32"
	case "-":
		return "31"
	}
	return "33"
}

func paint(s, code string, color bool) string {
	if !color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// paintLine colours the symbol of a change line (+, - or ~ after the
// indentation of nested attributes).
func paintLine(l string, color bool) string {
	i := len(l) - len(strings.TrimLeft(l, " "))
	if i == len(l) || !strings.ContainsRune("+-~", rune(l[i])) {
		return l
	}
	return l[:i] + paint(l[i:i+1], symColor(l[i:i+1]), color) + l[i+1:]
}

func hiddenWhole(v any) bool {
	s, ok := v.(string)
	return ok && s == apply.Redacted
}

// WriteApplyHint prints, after a saved plan, the command that applies
// it: lead says where the plan comes from ("Saved the plan to F." or
// "This plan was made from SPEC."). The command carries the flags apply
// needs to make the same plan: -allow-destructive when a change is
// DESTRUCTIVE (saying why), -skip-lint when the plan skipped lint, the
// connection the plan was made with (applyConnectFlags), the lint gate's
// -config and -policy paths, each -var-file as given and each -var with
// "..." for its value (never printed), followed by a reminder to give the
// values, the role's external id and TERAMOTC_VAR_* variables plan had.
// in is nil for plan files that do not record them; conn is the
// recorded connection (ConnectOptions.Recorded). fromFile says conn and
// the plan's endpoint were read from a plan file (show), which anyone who
// could edit the file chose: the connection flags are then not put in the
// command but named on a line of their own, to be checked first.
func WriteApplyHint(w io.Writer, p *apply.Plan, in *apply.PlanInputs, conn apply.ConnectOptions, fromFile bool, lead, path string) {
	var flags []string
	why := ""
	if len(p.Destructive()) > 0 {
		flags = append(flags, "-allow-destructive")
		why = " It has a DESTRUCTIVE change, so apply needs -allow-destructive; review that change first."
	}
	if in.LintSkipped() {
		flags = append(flags, "-skip-lint")
		why += " It was made with -skip-lint, so apply needs it too."
	}
	connFlags, connNotes := applyConnectFlags(p, conn)
	if !fromFile {
		flags = append(flags, connFlags...)
	}
	var vars, env []string
	if in != nil {
		if in.Config != "" {
			flags = append(flags, "-config", shellWord(in.Config))
		}
		for _, d := range in.Policies {
			flags = append(flags, "-policy", shellWord(d))
		}
		for _, f := range in.VarFiles {
			flags = append(flags, "-var-file", shellWord(f))
		}
		for _, v := range in.Vars {
			flags = append(flags, "-var", shellWord(v+"=..."))
			vars = append(vars, v)
		}
		env = in.Env
	}
	fmt.Fprintf(w, "\n%s%s To perform exactly these actions, run:\n  %s\n",
		escapeControls(lead), why, escapeControls(strings.Join(append(append([]string{"teramotc", "apply"}, flags...), shellWord(path)), " ")))
	if fromFile && len(connFlags) > 0 {
		fmt.Fprintf(w, "Add the connection the plan was made with, as the file records it (check it above first; apply refuses another): %s\n",
			escapeControls(strings.Join(connFlags, " ")))
	}
	for _, n := range connNotes {
		fmt.Fprintln(w, escapeControls(n))
	}
	if len(vars) > 0 {
		fmt.Fprintf(w, "Replace each ... with the value the variable had for plan (%s): apply refuses a plan whose values differ.\n",
			escapeControls(strings.Join(vars, ", ")))
	}
	if len(env) > 0 {
		fmt.Fprintf(w, "Set %s as for plan.\n", escapeControls(strings.Join(env, ", ")))
	}
}

// shellWord quotes s for a POSIX shell when it holds anything but letters,
// digits and -_./:,+@%.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:,+@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
