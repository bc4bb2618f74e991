package view

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
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
		fmt.Fprintln(w, "No changes. The live state matches the spec.")
		return
	}
	fmt.Fprintf(w, "teramotc will perform the following actions in account %s, in this order:\n", escapeControls(p.Account))
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

// PlanSummary is the last line of a plan.
func PlanSummary(p *apply.Plan) string {
	add, change := p.Counts()
	return fmt.Sprintf("Plan: %d to add, %d to change, 0 to destroy.", add, change)
}

func changeTitle(c *apply.Change) string {
	name := c.Name
	if c.Owner != "" {
		name += " of " + c.Owner
	}
	verb := "will be updated in place"
	if c.Action == apply.ActionCreate {
		verb = "will be created"
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
	lines := diffLines(c.Before, c.After)
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
	if action == apply.ActionCreate {
		return "+"
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

func paintLine(l string, color bool) string {
	if l == "" {
		return l
	}
	return paint(l[:1], symColor(l[:1]), color) + l[1:]
}

func hiddenWhole(v any) bool {
	s, ok := v.(string)
	return ok && s == apply.Redacted
}

// diffLines returns the attribute lines of a change, each starting with
// +, - or ~.
func diffLines(before, after any) []string {
	if hiddenWhole(after) {
		if before == nil {
			return []string{"+ (sensitive value)"}
		}
		return []string{"~ (sensitive value)"}
	}
	a, _ := after.(map[string]any)
	b, _ := before.(map[string]any)
	if _, isPolicy := a["Statement"]; isPolicy {
		return policyLines(b, a)
	}
	var out []string
	for _, k := range sortedKeys(a, b) {
		av, inA := a[k]
		bv, inB := b[k]
		switch {
		case !inB && isPolicy(av):
			out = append(out, "+ "+k+" {")
			for _, l := range policyLines(nil, asMap(av)) {
				out = append(out, "    "+l)
			}
			out = append(out, "  }")
		case !inB:
			out = append(out, prefixed("+", k, av)...)
		case !inA:
			out = append(out, prefixed("-", k, bv)...)
		case jsonText(av) != jsonText(bv):
			if isPolicy(av) {
				out = append(out, "~ "+k+" {")
				for _, l := range policyLines(asMap(bv), asMap(av)) {
					out = append(out, "    "+l)
				}
				out = append(out, "  }")
				continue
			}
			out = append(out, fmt.Sprintf("~ %s = %s -> %s", k, jsonText(bv), jsonText(av)))
		}
	}
	return out
}

func prefixed(sym, k string, v any) []string {
	return []string{fmt.Sprintf("%s %s = %s", sym, k, jsonText(v))}
}

// policyLines diffs two policies statement by statement, keyed by Sid.
func policyLines(before, after map[string]any) []string {
	bs, as := stmtsBySid(before), stmtsBySid(after)
	keys := map[string]bool{}
	for k := range bs {
		keys[k] = true
	}
	for k := range as {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var out []string
	for _, k := range sorted {
		b, inB := bs[k]
		a, inA := as[k]
		switch {
		case inA && !inB:
			out = append(out, indentJSON("+ statement "+k+" ", a)...)
		case inB && !inA:
			out = append(out, indentJSON("- statement "+k+" ", b)...)
		case jsonText(a) != jsonText(b):
			out = append(out, indentJSON("- statement "+k+" ", b)...)
			out = append(out, indentJSON("+ statement "+k+" ", a)...)
		}
	}
	return out
}

func stmtsBySid(p map[string]any) map[string]any {
	out := map[string]any{}
	list, _ := p["Statement"].([]any)
	for i, s := range list {
		sm, _ := s.(map[string]any)
		sid, _ := sm["Sid"].(string)
		if sid == "" {
			sid = fmt.Sprintf("#%d", i+1)
		}
		out[sid] = s
	}
	return out
}

func indentJSON(head string, v any) []string {
	b, _ := json.MarshalIndent(v, "", "  ")
	lines := strings.Split(string(b), "\n")
	sym := head[:1]
	out := []string{head + lines[0]}
	for _, l := range lines[1:] {
		out = append(out, sym+"   "+l)
	}
	return out
}

func sortedKeys(ms ...map[string]any) []string {
	set := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			set[k] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func isPolicy(v any) bool {
	_, ok := asMap(v)["Statement"]
	return ok
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// WriteApplyHint prints, after a saved plan, the command that applies
// it: lead says where the plan comes from ("Saved the plan to F." or
// "This plan was made from SPEC."). A plan with a DESTRUCTIVE change
// is refused without -allow-destructive, so the command carries it and
// says why.
func WriteApplyHint(w io.Writer, p *apply.Plan, lead, path string) {
	flag, why := "", ""
	if len(p.Destructive()) > 0 {
		flag = "-allow-destructive "
		why = " It has a DESTRUCTIVE change, so apply needs -allow-destructive; review that change first."
	}
	fmt.Fprintf(w, "\n%s%s To perform exactly these actions, run:\n  teramotc apply %s%s\n",
		escapeControls(lead), why, flag, escapeControls(path))
}
