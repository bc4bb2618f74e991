package rules

import (
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// MaxPolicySize is the largest Rego file FormatPolicy formats: 4 MiB, far
// above any hand-written policy.
const MaxPolicySize = 4 << 20

// FormatPolicy formats the Rego v1 source of the file name with OPA's
// formatter, as "opa fmt" does. A source that does not parse gives a
// *PolicyError with the syntax errors, at their positions.
func FormatPolicy(name string, src []byte) ([]byte, error) {
	m := &Module{File: name, Source: src}
	if len(src) > MaxPolicySize {
		return nil, policyError(nil, "Policy file too large",
			"%s is %d bytes; teramotc formats Rego files of at most %d bytes. Split it into smaller files.", name, len(src), MaxPolicySize)
	}
	out, err := format.SourceWithOpts(name, src, format.Opts{
		RegoVersion:   ast.RegoV1,
		ParserOptions: &ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1},
	})
	if err == nil {
		return out, nil
	}
	var errs ast.Errors
	if errors.As(err, &errs) {
		return nil, regoError(errs, []*Module{m}, false)
	}
	return nil, moduleError(m, nil, "Cannot format the policy", "%s: %s Correct the policy, or report the problem if it parses with opa parse.",
		name, sentence(err.Error()))
}
