package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// withheldMessage is in the message of every call to a withheld built-in.
const withheldMessage = "is not available to policies"

// explainWithheld rewrites the compile errors of calls to built-ins that
// Capabilities(false) withholds ("undefined function http.send") into an
// explanation naming the flag that allows them. Other errors are unchanged.
// err is returned as is when it is not an ast.Errors.
func explainWithheld(err error, allowNetwork bool) error {
	var errs ast.Errors
	if allowNetwork || !errors.As(err, &errs) {
		return err
	}
	withheld := withheldBuiltins()
	for _, e := range errs {
		name, ok := strings.CutPrefix(e.Message, "undefined function ")
		if !ok || !withheld[name] {
			continue
		}
		e.Message = fmt.Sprintf("%s "+withheldMessage+": it can reach the network or the runtime "+
			"or is not deterministic, and lint must be safe to run on untrusted pull requests. "+
			"Remove the call, or pass -allow-network-builtins if you trust every policy", name)
	}
	return err
}

// withheldBuiltins is the set of built-in names that Capabilities(false)
// removes.
func withheldBuiltins() map[string]bool {
	kept := map[string]bool{}
	for _, b := range Capabilities(false).Builtins {
		kept[b.Name] = true
	}
	out := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if !kept[b.Name] {
			out[b.Name] = true
		}
	}
	return out
}
