package spec

import (
	"fmt"
	"strconv"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Bounds on functions that could otherwise allocate without limit on
// hostile input (specs are linted on untrusted pull requests).
// (range() is bounded by go-cty itself, at 1024 values.)
const maxFormatWidth = 10000

var formatWidthRe = newLazyRegexp(`%[-+# 0]*(\[[0-9]+\])?([0-9]*)(?:\.([0-9]*))?`)

// boundedFormat wraps format or formatlist, refusing field widths and
// precisions over maxFormatWidth.
func boundedFormat(fn function.Function) function.Function {
	return function.New(&function.Spec{
		Params:   fn.Params(),
		VarParam: fn.VarParam(),
		Type:     func(args []cty.Value) (cty.Type, error) { return fn.ReturnTypeForValues(args) },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if f := args[0]; f.IsKnown() && !f.IsNull() && f.Type() == cty.String {
				for _, m := range formatWidthRe.FindAllStringSubmatch(f.AsString(), -1) {
					for _, n := range m[2:] {
						if v, err := strconv.Atoi(n); n != "" && (err != nil || v > maxFormatWidth) {
							return cty.NilVal, fmt.Errorf("format widths and precisions are limited to %d", maxFormatWidth)
						}
					}
				}
			}
			return fn.Call(args)
		},
	})
}
