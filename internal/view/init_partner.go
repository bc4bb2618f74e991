package view

import (
	"fmt"
	"io"
	"strings"
)

// WriteInitMissing says which variables of the spec init wrote at mainHCL
// have no default because init was not given them: the partner account
// the role trusts (partner, no -partner-account-id) and the external id
// the partner issued (externalID, no -partner-external-id). validate, lint,
// render, plan and the CI workflow fail until each is given; it says how.
func WriteInitMissing(w io.Writer, mainHCL string, partner, externalID bool) {
	type missing struct{ name, what, example, ci string }
	var vars []missing
	if partner {
		vars = append(vars, missing{"partner_account_id", "the account the cross-account role trusts", "<the partner's 12-digit account id>", ""})
	}
	if externalID {
		vars = append(vars, missing{"external_id", "the external id the partner issued for your account", "<the external id the partner gave you>",
			" (to keep it out of git, give it to CI from a\n  repository secret: docs/ci.md)"})
	}
	if len(vars) == 0 {
		return
	}
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.name
	}
	subject, verb, it := "the variable "+names[0], "has", "it"
	if len(vars) > 1 {
		subject, verb, it = "the variables "+strings.Join(names, " and "), "have", "them"
	}
	fmt.Fprintf(w, "\nBefore the next steps: %s %s no default, so\n", subject, verb)
	fmt.Fprintf(w, "validate, lint, render, plan and the CI workflow fail until you give %s.\n", it)
	for _, v := range vars {
		fmt.Fprintf(w, "- %s (%s): write\n    default = %q\n", v.name, v.what, v.example)
		fmt.Fprintf(w, "  in its block in %s (the CI workflow needs it there), or pass\n", mainHCL)
		fmt.Fprintf(w, "  -var %[1]s=VALUE or set TERAMOTC_VAR_%[1]s=VALUE%[2]s.\n", v.name, v.ci)
	}
}
