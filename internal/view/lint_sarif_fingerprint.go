package view

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/teramot/teramotc/pkg/rules"
)

// sarifFingerprints returns the partialFingerprints value of every finding
// of r, suppressed ones included, so that a finding keeps its fingerprint
// whether or not the suppressed ones are listed. Two findings whose keys
// are the same (see lintFingerprintKey) are told apart by their order:
// the first keeps the plain hash, the n-th hashes the key with n.
func (r *LintReport) sarifFingerprints() map[*rules.Finding]string {
	all := make([]*rules.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f != nil {
			all = append(all, f)
		}
	}
	SortFindings(all)
	bodies := map[string]*hclsyntax.Body{}
	body := func(name string) *hclsyntax.Body {
		b, ok := bodies[name]
		if !ok {
			b = syntaxBody(r.Files[name])
			bodies[name] = b
		}
		return b
	}
	seen := map[string]int{}
	out := make(map[*rules.Finding]string, len(all))
	for _, f := range all {
		name := r.sarifPath(f.Range.Filename)
		key := lintFingerprintKey(f, name, body(f.Range.Filename))
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		out[f] = lintHash(key)
	}
	return out
}

// lintFingerprintKey identifies a finding across runs without its line or
// its message (which may list other blocks): the rule id, the file (name:
// relative to the repository root when known), the block address, and the
// place of the finding's range in the file's syntax (see syntaxPath). The
// message stands in for the place only when the source is unknown.
func lintFingerprintKey(f *rules.Finding, name string, body *hclsyntax.Body) string {
	place, ok := syntaxPath(body, f.Range)
	if !ok {
		place = "message:" + strings.ToLower(lintOneLine(f.Message))
	}
	return strings.Join([]string{ruleID(f), filepath.ToSlash(name), f.Address, place}, "\x00")
}

func lintHash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// syntaxPath names where rng starts in the syntax of file: the blocks
// (type and labels, with an index among unlabelled siblings of one type),
// attribute and object keys or tuple indexes holding it, such as
// `grant.partner/iam_user/name` or `bucket.data/tags/{owner}`. A range
// between items (a comment) is named after the item that follows it,
// `before:bucket.data`, or `end` of its body. ok is false without the
// syntax of the file.
func syntaxPath(body *hclsyntax.Body, rng hcl.Range) (string, bool) {
	if body == nil || rng.Start.Line < 1 {
		return "", false
	}
	return bodyPath(body, rng.Start.Byte), true
}

// syntaxBody is the HCL syntax of file: its parsed body, else (lint keeps
// only the bytes of the files it reports on) its source parsed again,
// which masking secrets leaves the same length and shape. It is nil
// without source or when the source does not parse.
func syntaxBody(file *hcl.File) *hclsyntax.Body {
	if file == nil {
		return nil
	}
	if b, ok := file.Body.(*hclsyntax.Body); ok {
		return b
	}
	if len(file.Bytes) == 0 {
		return nil
	}
	f, diags := hclsyntax.ParseConfig(file.Bytes, "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	b, _ := f.Body.(*hclsyntax.Body)
	return b
}

func bodyPath(body *hclsyntax.Body, at int) string {
	type item struct {
		rng  hcl.Range
		name string
		attr *hclsyntax.Attribute
		blk  *hclsyntax.Block
	}
	var items []item
	for _, a := range body.Attributes {
		items = append(items, item{rng: a.SrcRange, name: a.Name, attr: a})
	}
	count := map[string]int{}
	for _, b := range body.Blocks {
		count[blockName(b)]++
	}
	index := map[string]int{}
	for _, b := range body.Blocks {
		name := blockName(b)
		if len(b.Labels) == 0 && count[name] > 1 {
			name += "[" + strconv.Itoa(index[name]) + "]"
			index[blockName(b)]++
		}
		items = append(items, item{rng: b.Range(), name: name, blk: b})
	}
	var next *item
	for i := range items {
		it := &items[i]
		if at >= it.rng.Start.Byte && at < it.rng.End.Byte {
			switch {
			case it.blk != nil:
				if at < it.blk.OpenBraceRange.End.Byte {
					return it.name
				}
				return it.name + "/" + bodyPath(it.blk.Body, at)
			default:
				return it.name + exprPath(it.attr.Expr, at)
			}
		}
		if it.rng.Start.Byte >= at && (next == nil || it.rng.Start.Byte < next.rng.Start.Byte) {
			next = it
		}
	}
	if next == nil {
		return "end"
	}
	return "before:" + next.name
}

func blockName(b *hclsyntax.Block) string {
	return strings.Join(append([]string{b.Type}, b.Labels...), ".")
}

// exprPath follows object keys and tuple indexes down to at.
func exprPath(e hclsyntax.Expression, at int) string {
	in := func(r hcl.Range) bool { return at >= r.Start.Byte && at < r.End.Byte }
	switch e := e.(type) {
	case *hclsyntax.ObjectConsExpr:
		for _, it := range e.Items {
			key := objectKeyText(it.KeyExpr)
			if in(it.KeyExpr.Range()) {
				return "/{" + key + "}"
			}
			if in(it.ValueExpr.Range()) {
				return "/{" + key + "}" + exprPath(it.ValueExpr, at)
			}
		}
	case *hclsyntax.TupleConsExpr:
		for i, v := range e.Exprs {
			if in(v.Range()) {
				return "/[" + strconv.Itoa(i) + "]" + exprPath(v, at)
			}
		}
	}
	return ""
}

// objectKeyText is a key's name or literal, else its position-free kind.
func objectKeyText(e hclsyntax.Expression) string {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
			return name
		}
		e = k.Wrapped
	}
	if v, diags := e.Value(nil); !diags.HasErrors() && v.Type().IsPrimitiveType() && v.IsKnown() && !v.IsNull() {
		if s, err := convert.Convert(v, cty.String); err == nil {
			return s.AsString()
		}
	}
	return "?"
}
