package spec

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// node is one value other expressions can refer to: a local, a bucket (its
// name and region), or the aws block (the partition in bucket ARNs).
type node struct {
	key   string // "local.x", "bucket.y", "aws"
	rng   hcl.Range
	exprs []hcl.Expression
	eval  func()
}

// evalGraph evaluates locals, bucket names and regions and the aws block in
// dependency order, reporting reference cycles.
func (l *loader) evalGraph() {
	l.localVals = map[string]cty.Value{}
	l.localDefs = map[string]*hcl.Attribute{}
	l.bucketDef = map[string]*bucketDecl{}
	l.partition = "aws"
	var nodes []*node
	byKey := map[string]*node{}
	add := func(n *node) {
		nodes = append(nodes, n)
		byKey[n.key] = n
	}
	if n := l.awsNode(); n != nil {
		add(n)
	}
	for _, b := range l.top.locals {
		attrs, diags := b.Body.JustAttributes()
		l.diags = append(l.diags, diags...)
		for _, attr := range sortedAttrs(attrs) {
			if prev := l.localDefs[attr.Name]; prev != nil {
				l.errorf(attr.NameRange.Ptr(), "Duplicate local value",
					"local.%s was already defined at %s. Each local name must be unique in a spec.", attr.Name, prev.Range)
				continue
			}
			l.localDefs[attr.Name] = attr
			attr := attr
			add(&node{key: "local." + attr.Name, rng: attr.Range, exprs: []hcl.Expression{attr.Expr}, eval: func() {
				v, _ := l.eval(attr.Expr)
				l.localVals[attr.Name] = v
			}})
		}
	}
	for _, b := range l.top.buckets {
		label := b.Labels[0]
		if prev := l.bucketDef[label]; prev != nil {
			l.errorf(b.LabelRanges[0].Ptr(), "Duplicate bucket block",
				"A bucket labelled %q was already declared at %s. Bucket labels must be unique in a spec.",
				label, prev.block.DefRange)
			continue
		}
		d := l.newBucketDecl(b)
		l.bucketDef[label] = d
		d.evalRef()
		for _, attr := range []string{"name", "region"} {
			n := &node{key: "bucket." + label + "." + attr, rng: b.DefRange, eval: func() { d.evalAttr(attr) }}
			if a := d.content.Attributes[attr]; a != nil {
				n.rng, n.exprs = a.Range, []hcl.Expression{a.Expr}
			}
			add(n)
		}
	}
	l.runGraph(nodes, byKey)
}

// runGraph visits nodes depth-first in declaration order, evaluating each
// after its dependencies.
func (l *loader) runGraph(nodes []*node, byKey map[string]*node) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(n *node, via hcl.Range)
	visit = func(n *node, via hcl.Range) {
		switch state[n.key] {
		case done:
			return
		case visiting:
			i := len(stack) - 1
			for i > 0 && stack[i] != n.key {
				i--
			}
			cycle := append(append([]string{}, stack[i:]...), n.key)
			l.errorf(via.Ptr(), "Reference cycle",
				"These values refer to each other in a loop: %s. Break the cycle by writing one of them as a literal.",
				strings.Join(cycle, " -> "))
			return
		}
		state[n.key] = visiting
		stack = append(stack, n.key)
		for _, e := range l.deps(n, byKey) {
			visit(e.to, e.via)
		}
		stack = stack[:len(stack)-1]
		state[n.key] = done
		n.eval()
	}
	for _, n := range nodes {
		visit(n, n.rng)
	}
}

// edge is a dependency of a node, with the range of the reference.
type edge struct {
	to  *node
	via hcl.Range
}

func (l *loader) deps(n *node, byKey map[string]*node) []edge {
	var out []edge
	seen := map[string]bool{}
	addKey := func(k string, via hcl.Range) {
		if d := byKey[k]; d != nil && !seen[k] {
			seen[k] = true
			out = append(out, edge{d, via})
		}
	}
	if strings.HasPrefix(n.key, "bucket.") && strings.HasSuffix(n.key, ".name") {
		addKey("aws", n.rng) // the partition is part of the bucket's ARN
	}
	for _, e := range n.exprs {
		for _, t := range e.Variables() {
			for _, k := range refKeys(t) {
				addKey(k, t.SourceRange())
			}
		}
	}
	return out
}

// refKeys returns the graph nodes a traversal depends on: bucket.X.name
// and bucket.X.arn need the bucket's name, bucket.X.region its region,
// bucket.X.label nothing, and bucket.X both.
func refKeys(t hcl.Traversal) []string {
	if len(t) < 2 {
		return nil
	}
	a, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	switch root := t.RootName(); root {
	case "local":
		return []string{"local." + a.Name}
	case "bucket":
		prefix := "bucket." + a.Name + "."
		attr := ""
		if len(t) > 2 {
			if at, ok := t[2].(hcl.TraverseAttr); ok {
				attr = at.Name
			}
		}
		switch attr {
		case "name", "arn":
			return []string{prefix + "name"}
		case "region":
			return []string{prefix + "region"}
		case "label":
			return nil
		}
		return []string{prefix + "name", prefix + "region"}
	}
	return nil
}

func (l *loader) decodeLocalsModel() {
	for _, name := range sortedKeysByRange(l.localDefs) {
		a := l.localDefs[name]
		l.spec.Locals = append(l.spec.Locals, &Local{Name: name, Range: a.Range})
	}
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return rangeLess(out[i].Range, out[j].Range) })
	return out
}

func sortedKeysByRange(m map[string]*hcl.Attribute) []string {
	out := keys(m)
	sort.Slice(out, func(i, j int) bool { return rangeLess(m[out[i]].Range, m[out[j]].Range) })
	return out
}

func rangeLess(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// blockOf returns the model's Block for an HCL block.
func blockOf(b *hcl.Block, address string) Block {
	blk := Block{Address: address, DeclRange: b.DefRange, Range: b.DefRange}
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		blk.Range = hcl.RangeBetween(b.TypeRange, sb.SrcRange)
	}
	return blk
}
