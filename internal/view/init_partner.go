package view

import (
	"fmt"
	"io"
)

// WriteInitNoPartner says that the spec init wrote at mainHCL trusts no
// partner account yet (init ran without -partner-account-id), that
// validate, lint, render, plan and the CI workflow fail until it does,
// and how to give the account.
func WriteInitNoPartner(w io.Writer, mainHCL string) {
	fmt.Fprintf(w, `
Before the next steps, name your partner: the variable partner_account_id
(the account the cross-account role trusts) has no default, so validate,
lint, render, plan and the CI workflow fail until you give it. Write
  default = "<the partner's 12-digit account id>"
in its block in %s (the CI workflow needs it there), or pass
-var partner_account_id=ID or set TERAMOTC_VAR_partner_account_id=ID.
`, mainHCL)
}
