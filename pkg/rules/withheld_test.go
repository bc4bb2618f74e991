package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestExplainWithheld(t *testing.T) {
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn"} {
		if !withheldBuiltins()[name] {
			t.Errorf("%s is not withheld from policies", name)
		}
	}
	for _, name := range []string{"count", "sprintf", "regex.match", "time.parse_rfc3339_ns"} {
		if withheldBuiltins()[name] {
			t.Errorf("%s is withheld from policies", name)
		}
	}
	tests := []struct {
		name  string
		msg   string
		allow bool
		want  string
	}{
		{"network", "undefined function http.send", false, "http.send is not available to policies"},
		{"flag named", "undefined function net.lookup_ip_addr", false, "-allow-network-builtins"},
		{"allowed", "undefined function http.send", true, "undefined function http.send"},
		{"really undefined", "undefined function acme.lookup", false, "undefined function acme.lookup"},
		{"other error", "var x is unsafe", false, "var x is unsafe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := explainWithheld(ast.Errors{ast.NewError(ast.TypeErr, nil, "%s", tc.msg)}, tc.allow)
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", err, tc.want)
			}
		})
	}
	plain := fmt.Errorf("not a compile error")
	if explainWithheld(plain, false) != plain {
		t.Error("a non-ast error was changed")
	}
}
