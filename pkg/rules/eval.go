package rules

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// evalHook, when set by a test, runs inside every evaluation; inflight
// counts the evaluations running at that moment, split says whether this
// one evaluates the rules in two parts at once.
var (
	evalHook func(inflight int32, split bool)
	inflight atomic.Int32
)

// Evaluate runs every rule of the set on one inspect document (see
// pkg/inspect) and returns the findings, sorted by range and rule id. It
// stops with an error when ctx is done.
func (s *Set) Evaluate(ctx context.Context, input map[string]any) ([]*Finding, error) {
	v, err := ast.InterfaceToValue(input)
	if err != nil {
		return nil, fmt.Errorf("converting the input document: %w", err)
	}
	return s.EvaluateValue(ctx, v)
}

// EvaluateValue is Evaluate on a document already built as an OPA value
// (inspect.Value), which saves converting it.
func (s *Set) EvaluateValue(ctx context.Context, input ast.Value) ([]*Finding, error) {
	return s.evaluate(ctx, input, false, nil)
}

// evaluate runs every rule on input, or only the rules sel enables when
// that is worth a query of its own (selection.go): with split, the two
// parts of the rules (query.go) at once on two goroutines, which is what a
// lint of one spec on a machine with two cores or more wants.
func (s *Set) evaluate(ctx context.Context, input ast.Value, split bool, sel *selection) ([]*Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
	}
	n := inflight.Add(1)
	defer inflight.Add(-1)
	if evalHook != nil {
		evalHook(n, split)
	}
	select {
	case <-s.prepared:
	case <-ctx.Done():
		return nil, fmt.Errorf("evaluating policies: %w", ctx.Err())
	}
	if s.queryErr != nil {
		return nil, fmt.Errorf("evaluating policies: %w", s.queryErr)
	}
	q, err := s.queriesFor(ctx, sel)
	if err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
	}
	fallback := fallbackRange(input)
	var out []*Finding
	if !split {
		out, err = collect(ctx, q.queries[0], q.rules, input, fallback)
	} else {
		var other []*Finding
		var otherErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			other, otherErr = collect(ctx, q.queries[2], q.parts[1], input, fallback)
		}()
		out, err = collect(ctx, q.queries[1], q.parts[0], input, fallback)
		<-done
		out, err = append(out, other...), errors.Join(err, otherErr)
	}
	if err != nil {
		return nil, err
	}
	SortFindings(out)
	return out, nil
}

// collect evaluates query q, whose deny sets belong to rules in order, and
// decodes their findings.
func collect(ctx context.Context, q rego.PreparedEvalQuery, rules []*Rule, input ast.Value, fallback hcl.Range) ([]*Finding, error) {
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("evaluating policies: the query returned no result")
	}
	sets, _ := rs[0].Bindings["x"].([]any)
	if len(sets) != len(rules) {
		return nil, fmt.Errorf("evaluating policies: the query returned %d deny sets for %d rules", len(sets), len(rules))
	}
	var out []*Finding
	for i, r := range rules {
		set, _ := sets[i].([]any)
		for _, v := range set {
			f, err := decodeFinding(r, v, fallback)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// decodeFinding reads one element of a deny set: {"msg", "range",
// "address"}, or a bare message string, which is placed at fallback.
func decodeFinding(r *Rule, v any, fallback hcl.Range) (*Finding, error) {
	f := &Finding{Rule: r, Range: fallback}
	switch x := v.(type) {
	case string:
		f.Message = x
	case map[string]any:
		msg, ok := x["msg"].(string)
		if !ok {
			return nil, fmt.Errorf("rule %s (%s): a deny element has no string \"msg\": %v", r.ID, r.Package, v)
		}
		f.Message = msg
		f.Address, _ = x["address"].(string)
		// A finding may carry a severity lower than its rule's (TMC404's KMS
		// part is a notice of a warning rule); it can never raise it.
		if sv, ok := x["severity"].(string); ok && Severity(sv).Valid() {
			f.lowered = Severity(sv)
			f.lowerSeverity()
		}
		if rv, ok := x["range"]; ok && rv != nil {
			rng, ok := decodeRange(rv)
			if !ok {
				return nil, fmt.Errorf("rule %s (%s): the \"range\" of %q is not a range object {filename, start, end}", r.ID, r.Package, msg)
			}
			f.Range = rng
		}
	default:
		return nil, fmt.Errorf("rule %s (%s): a deny element must be an object {msg, range} or a string, not %v", r.ID, r.Package, v)
	}
	return f, nil
}

func decodeRange(v any) (hcl.Range, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return hcl.Range{}, false
	}
	file, ok := m["filename"].(string)
	if !ok {
		return hcl.Range{}, false
	}
	start, ok1 := decodePos(m["start"])
	end, ok2 := decodePos(m["end"])
	if !ok1 || !ok2 {
		return hcl.Range{}, false
	}
	return hcl.Range{Filename: file, Start: start, End: end}, true
}

func decodePos(v any) (hcl.Pos, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return hcl.Pos{}, false
	}
	line, ok1 := num(m["line"])
	col, ok2 := num(m["column"])
	b, _ := num(m["byte"])
	return hcl.Pos{Line: line, Column: col, Byte: b}, ok1 && ok2
}

func num(v any) (int, bool) {
	switch x := v.(type) {
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	case float64:
		return int(x), true
	case int:
		return x, true
	case int64:
		return int(x), true
	}
	return 0, false
}

// fallbackRange is line 1 of the spec's first file, for findings without a
// range.
func fallbackRange(input ast.Value) hcl.Range {
	obj, ok := input.(ast.Object)
	if !ok {
		return hcl.Range{}
	}
	var files *ast.Array
	if t := obj.Get(ast.InternedTerm("files")); t != nil {
		files, _ = t.Value.(*ast.Array)
	}
	if files == nil || files.Len() == 0 {
		return hcl.Range{}
	}
	name, _ := files.Elem(0).Value.(ast.String)
	return hcl.Range{Filename: string(name), Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 1}}
}

// SortFindings sorts findings by file, line, column, rule id and message.
func SortFindings(fs []*Finding) {
	slices.SortStableFunc(fs, func(a, b *Finding) int {
		return cmp.Or(
			cmp.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(a.Rule.ID, b.Rule.ID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// lowerSeverity applies the finding's own severity when it is lower than its
// rule's, on a copy of the rule.
func (f *Finding) lowerSeverity() {
	if f.lowered == "" || f.Rule == nil || f.lowered.Rank() >= f.Rule.Severity.Rank() {
		return
	}
	lowered := *f.Rule
	lowered.Severity = f.lowered
	f.Rule = &lowered
}
