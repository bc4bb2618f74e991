package spec

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// EvalTimeout bounds the evaluation and validation of one spec. HCL
// expressions can describe very large computations (nested for expressions
// over big collections); a spec from an untrusted pull request must not
// hang the tool.
var EvalTimeout = 30 * time.Second

// evaluateWithin evaluates and validates the spec, giving up after timeout.
// It returns the diagnostics so far and whether the spec was evaluated
// (false on timeout or an internal error, both reported as diagnostics).
//
// On timeout the evaluation goroutine is abandoned: it owns the loader from
// then on, and the caller must use only the returned diagnostics.
func (l *loader) evaluateWithin(timeout time.Duration) (hcl.Diagnostics, bool) {
	before := append(hcl.Diagnostics{}, l.diags...)
	done := make(chan *hcl.Diagnostic, 1)
	go func() {
		defer func() {
			r := recover()
			texts := l.sensitiveVarTexts()
			texts.redact(l.diags)
			if r != nil {
				d := &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Internal error",
					Detail: fmt.Sprintf("teramotc failed while evaluating this spec (%v). This is a bug: "+
						"please report it with the spec that causes it.\n\n%s", r, debug.Stack()),
				}
				texts.redact(hcl.Diagnostics{d})
				done <- d
				return
			}
			done <- nil
		}()
		l.evaluate()
		l.validate()
		explainMetaArguments(l.diags)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case d := <-done:
		l.masks = l.sensitiveRanges() // the evaluation is over: the loader is ours again
		if d != nil {
			return append(l.diags, d), false
		}
		return l.diags, true
	case <-timer.C:
		return append(before, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Spec evaluation too slow",
			Detail: fmt.Sprintf("Evaluating this spec took longer than %s, the most teramotc allows. "+
				"Look for for expressions over very large collections.", timeout),
		}), false
	}
}
