package spec

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// functions returns the function table of a spec rooted at root: the
// go-cty standard library under Terraform's names, try/can, and file
// functions confined to root. Nothing non-deterministic (uuid, timestamp) is
// offered, so a spec always evaluates to the same model.
func functions(root string) map[string]function.Function {
	fns := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"base64decode":    base64DecodeFunc,
		"base64encode":    base64EncodeFunc,
		"can":             tryfunc.CanFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"endswith":        endsWithFunc,
		"flatten":         stdlib.FlattenFunc,
		"floor":           stdlib.FloorFunc,
		"format":          boundedFormat(stdlib.FormatFunc),
		"formatlist":      boundedFormat(stdlib.FormatListFunc),
		"indent":          stdlib.IndentFunc,
		"index":           indexFunc,
		"join":            stdlib.JoinFunc,
		"jsondecode":      stdlib.JSONDecodeFunc,
		"jsonencode":      stdlib.JSONEncodeFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"log":             stdlib.LogFunc,
		"lookup":          stdlib.LookupFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pow":             stdlib.PowFunc,
		"range":           stdlib.RangeFunc, // at most 1024 values
		"regex":           stdlib.RegexFunc,
		"regexall":        stdlib.RegexAllFunc,
		"replace":         replaceFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"sha256":          sha256Func,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"split":           stdlib.SplitFunc,
		"startswith":      startsWithFunc,
		"strlen":          stdlib.StrlenFunc,
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"title":           stdlib.TitleFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"try":             tryfunc.TryFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,
	}
	fns["file"] = fileFunc(root)
	fns["templatefile"] = templateFileFunc(root, fns)
	return fns
}

func stringFunc(name string, fn func(args []string) (cty.Value, error), params ...string) function.Function {
	ps := make([]function.Parameter, len(params))
	for i, p := range params {
		ps[i] = function.Parameter{Name: p, Type: cty.String}
	}
	return function.New(&function.Spec{
		Description: name,
		Params:      ps,
		Type:        func([]cty.Value) (cty.Type, error) { return cty.DynamicPseudoType, nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			ss := make([]string, len(args))
			for i, a := range args {
				ss[i] = a.AsString()
			}
			return fn(ss)
		},
	})
}

var startsWithFunc = stringFunc("startswith", func(a []string) (cty.Value, error) {
	return cty.BoolVal(strings.HasPrefix(a[0], a[1])), nil
}, "str", "prefix")

var endsWithFunc = stringFunc("endswith", func(a []string) (cty.Value, error) {
	return cty.BoolVal(strings.HasSuffix(a[0], a[1])), nil
}, "str", "suffix")

var sha256Func = stringFunc("sha256", func(a []string) (cty.Value, error) {
	sum := sha256.Sum256([]byte(a[0]))
	return cty.StringVal(hex.EncodeToString(sum[:])), nil
}, "str")

var base64EncodeFunc = stringFunc("base64encode", func(a []string) (cty.Value, error) {
	return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(a[0]))), nil
}, "str")

var base64DecodeFunc = stringFunc("base64decode", func(a []string) (cty.Value, error) {
	b, err := base64.StdEncoding.DecodeString(a[0])
	if err != nil {
		return cty.NilVal, fmt.Errorf("the argument is not valid base64")
	}
	if !utf8.Valid(b) {
		return cty.NilVal, fmt.Errorf("the decoded bytes are not valid UTF-8 text")
	}
	return cty.StringVal(string(b)), nil
}, "str")

// replaceFunc is Terraform's replace: a substring, or a regular expression
// when the search string is wrapped in slashes.
var replaceFunc = stringFunc("replace", func(a []string) (cty.Value, error) {
	str, substr, repl := a[0], a[1], a[2]
	if len(substr) > 1 && strings.HasPrefix(substr, "/") && strings.HasSuffix(substr, "/") {
		re, err := regexp.Compile(substr[1 : len(substr)-1])
		if err != nil {
			return cty.NilVal, fmt.Errorf("invalid regular expression: %s", err)
		}
		return cty.StringVal(re.ReplaceAllString(str, repl)), nil
	}
	return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
}, "str", "substr", "replace")

// coalesceFunc is Terraform's coalesce: the first argument that is neither
// null nor an empty string.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowNull: true},
	Type:     func([]cty.Value) (cty.Type, error) { return cty.DynamicPseudoType, nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var kept []cty.Value
		for _, a := range args {
			if a.IsKnown() && !a.IsNull() && a.Type() == cty.String && a.AsString() == "" {
				continue
			}
			kept = append(kept, a)
		}
		if len(kept) == 0 {
			return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
		}
		return stdlib.CoalesceFunc.Call(kept)
	},
})

// indexFunc is Terraform's index: the position of value in list.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func([]cty.Value) (cty.Type, error) { return cty.Number, nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if !list.Type().IsListType() && !list.Type().IsTupleType() {
			return cty.NilVal, fmt.Errorf("the first argument must be a list")
		}
		i := 0
		for it := list.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			if eq := e.Equals(args[1]); eq.IsKnown() && eq.True() {
				return cty.NumberIntVal(int64(i)), nil
			}
		}
		return cty.NilVal, fmt.Errorf("the value is not in the list")
	},
})

func readRootFile(root, p string) (string, error) {
	full, err := rootPath(root, p)
	if err != nil {
		return "", err
	}
	// Stat before opening: opening a FIFO blocks until a writer comes.
	if info, err := os.Stat(full); err == nil && !info.Mode().IsRegular() {
		return "", fmt.Errorf("%q is not a regular file", p)
	}
	f, err := os.Open(full)
	if err != nil {
		return "", fmt.Errorf("cannot read %q", p)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxStringLength+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %q", p)
	}
	if len(b) > MaxStringLength {
		return "", fmt.Errorf("%q is larger than %d bytes", p, MaxStringLength)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%q is not UTF-8 text", p)
	}
	return string(b), nil
}

func fileFunc(root string) function.Function {
	return stringFunc("file", func(a []string) (cty.Value, error) {
		s, err := readRootFile(root, a[0])
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s), nil
	}, "path")
}

func templateFileFunc(root string, fns map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: func([]cty.Value) (cty.Type, error) { return cty.DynamicPseudoType, nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			src, err := readRootFile(root, p)
			if err != nil {
				return cty.NilVal, err
			}
			vars := args[1]
			if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
				return cty.NilVal, fmt.Errorf("the vars argument must be an object or a map")
			}
			expr, diags := hclsyntax.ParseTemplate([]byte(src), p, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("template %q: %s", p, diags[0].Summary)
			}
			ctxVars := map[string]cty.Value{}
			for it := vars.ElementIterator(); it.Next(); {
				k, v := it.Element()
				ctxVars[k.AsString()] = v
			}
			inner := map[string]function.Function{}
			for k, f := range fns {
				if k != "templatefile" { // no recursion
					inner[k] = f
				}
			}
			v, diags := expr.Value(&hcl.EvalContext{Variables: ctxVars, Functions: inner})
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("template %q: %s: %s", p, diags[0].Summary, diags[0].Detail)
			}
			return v, nil
		},
	})
}
