package spec

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

func (l *loader) decodeLifecycleRule(blk *hcl.Block, parent string) *LifecycleRule {
	content, diags := blk.Body.Content(lifecycleRuleSchema)
	l.diags = append(l.diags, diags...)
	id := blk.Labels[0]
	addr := parent + ".lifecycle_rule." + id
	a := l.attrs(content.Attributes, blk.DefRange, nil)
	r := &LifecycleRule{
		Block:                     blockOf(blk, addr),
		ID:                        id,
		Enabled:                   a.boolean("enabled", true),
		Prefix:                    a.str("prefix", ""),
		Transitions:               []*Transition{},
		ExpirationDays:            a.integer("expiration_days", 0),
		NoncurrentExpirationDays:  a.integer("noncurrent_expiration_days", 0),
		AbortIncompleteUploadDays: a.integer("abort_incomplete_upload_days", 0),
	}
	for i, tb := range content.Blocks {
		tc, diags := tb.Body.Content(transitionSchema)
		l.diags = append(l.diags, diags...)
		ta := l.attrs(tc.Attributes, tb.DefRange, nil)
		ta.required(tb, "a transition block", "days", "storage_class")
		t := &Transition{
			Block:        blockOf(tb, addr+".transition["+itoa(i)+"]"),
			Days:         ta.integer("days", 0),
			StorageClass: ta.str("storage_class", ""),
		}
		l.checkEnum(t.StorageClass, "storage_class", storageClasses)
		r.Transitions = append(r.Transitions, t)
	}
	l.checkKeyPrefixStart(r.Prefix, "prefix", "lifecycle")
	return r
}

var storageClasses = []string{"STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"}

func (l *loader) decodeStatement(blk *hcl.Block, parent string) *Statement {
	content, diags := blk.Body.Content(statementSchema)
	l.diags = append(l.diags, diags...)
	sid := blk.Labels[0]
	addr := parent + ".statement." + sid
	a := l.attrs(content.Attributes, blk.DefRange, nil)
	a.required(blk, "a statement block", "principals", "resources")
	s := &Statement{
		Block:      blockOf(blk, addr),
		Sid:        sid,
		Effect:     a.str("effect", "Allow"),
		Principals: l.decodePrincipals(a),
		Actions:    a.strList("actions"),
		NotActions: a.strList("not_actions"),
		Resources:  a.strList("resources"),
		Conditions: []*Condition{},
	}
	l.checkEnum(s.Effect, "effect", []string{"Allow", "Deny"})
	switch acts, nots := content.Attributes["actions"], content.Attributes["not_actions"]; {
	case acts != nil && nots != nil:
		l.errorf(nots.NameRange.Ptr(), "Invalid statement actions",
			"A statement has exactly one of actions and not_actions; this one has both (actions at %s). "+
				"Remove not_actions, or write a second statement for it.", acts.NameRange)
	case acts == nil && nots == nil && !l.misspeltIn(bodyRange(blk), "actions") && !l.misspeltIn(bodyRange(blk), "not_actions"):
		l.errorf(blk.DefRange.Ptr(), "Invalid statement actions",
			"A statement needs exactly one of actions (the actions it allows or denies) and not_actions "+
				"(every action except these). Add actions = [\"s3:GetObject\"], for example.")
	}
	for i, cb := range content.Blocks {
		cc, diags := cb.Body.Content(conditionSchema)
		l.diags = append(l.diags, diags...)
		ca := l.attrs(cc.Attributes, cb.DefRange, nil)
		ca.required(cb, "a condition block", "test", "variable", "values")
		c := &Condition{
			Block:    blockOf(cb, addr+".condition["+itoa(i)+"]"),
			Test:     ca.str("test", ""),
			Variable: ca.str("variable", ""),
			Values:   ca.strList("values"),
		}
		l.checkOperator(c.Test)
		s.Conditions = append(s.Conditions, c)
	}
	return s
}

var principalTypes = []string{"AWS", "CanonicalUser", "Federated", "Service"}

// decodePrincipals accepts "*", { "*" = ["*"] } or a map of principal type
// to an identifier or a list of identifiers.
func (l *loader) decodePrincipals(a *attrs) Attr[Principals] {
	out := Attr[Principals]{Value: Principals{Map: map[string][]string{}}, Range: a.decl}
	v, attr, sens, ok := a.value("principals", cty.DynamicPseudoType)
	if !ok {
		return out
	}
	out.Range, out.Set, out.Sensitive = attr.Range, true, sens
	bad := func() Attr[Principals] {
		l.errorf(attr.Expr.Range().Ptr(), "Invalid principals",
			`principals must be "*" or a map of principal type to identifiers, like { AWS = ["arn:aws:iam::111122223333:root"] }.`)
		out.Set = false
		return out
	}
	if v.Type() == cty.String {
		if v.AsString() != "*" {
			return bad()
		}
		out.Value.Wildcard = true
		return out
	}
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		return bad()
	}
	badType := false
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		typ := k.AsString()
		var ids []string
		if e.Type() == cty.String {
			ids = []string{e.AsString()}
		} else if lv, err := convert.Convert(e, cty.List(cty.String)); err == nil && !lv.IsNull() {
			for li := lv.ElementIterator(); li.Next(); {
				_, x := li.Element()
				if x.IsNull() {
					return bad()
				}
				ids = append(ids, x.AsString())
			}
		} else {
			return bad()
		}
		if typ == "*" {
			if len(ids) == 1 && ids[0] == "*" {
				out.Value.Wildcard = true
				continue
			}
			return bad()
		}
		if !contains(principalTypes, typ) {
			l.errorf(attr.Expr.Range().Ptr(), "Invalid principal type",
				"%s is not a principal type; use one of %s.%s", quoteValue(typ, sens), quoteList(principalTypes),
				didYouMeanFold(typ, principalTypes, sens))
			badType = true
			continue
		}
		sort.Strings(ids)
		out.Value.Map[typ] = ids
	}
	if out.Value.Wildcard && len(out.Value.Map) > 0 {
		return bad()
	}
	// The map lacks the misspelt types: it is not what the user wrote, so
	// no later check (TMC509's "no principal") judges it.
	out.Set = out.Set && !badType
	return out
}

// decodeTags decodes the tags map with one range per item.
func (l *loader) decodeTags(attr *hcl.Attribute, decl hcl.Range) Tags {
	t := Tags{Range: decl, Entries: []*Tag{}}
	if attr == nil {
		return t
	}
	raw, good := l.eval(attr.Expr)
	if !good {
		return t
	}
	a := l.attrs(hcl.Attributes{"tags": attr}, decl, map[string]cty.Value{"tags": raw})
	v, _, sensitive, ok := a.value("tags", cty.Map(cty.String))
	if !ok {
		return t
	}
	// A tag is sensitive when its value is, or when the whole map is (a
	// sensitive map, or a key from a sensitive value).
	whole, marked := false, map[string]bool{}
	_, pvms := raw.UnmarkDeepWithPaths()
	for _, pvm := range pvms {
		if len(pvm.Marks) == 0 {
			continue
		}
		switch step := firstStep(pvm.Path).(type) {
		case cty.GetAttrStep:
			marked[step.Name] = true
		case cty.IndexStep:
			if step.Key.Type() == cty.String && step.Key.IsKnown() && !step.Key.IsMarked() {
				marked[step.Key.AsString()] = true
			} else {
				whole = true
			}
		default:
			whole = true
		}
	}
	whole = whole || len(marked) == 0 // marked, but nowhere a tag can say
	t.Range, t.Set, t.SensitiveKeys = attr.Range, true, sensitive && whole
	itemRanges := map[string]hcl.Range{}
	if obj, isObj := attr.Expr.(*hclsyntax.ObjectConsExpr); isObj {
		for _, item := range obj.Items {
			if k, ok := l.eval(item.KeyExpr); ok && k.Type() == cty.String && k.IsKnown() && !k.IsMarked() && !k.IsNull() {
				itemRanges[k.AsString()] = hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())
			}
		}
	}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		rng, found := itemRanges[k.AsString()]
		if !found {
			rng = attr.Range
		}
		t.Entries = append(t.Entries, &Tag{Key: k.AsString(), Value: e.AsString(), Range: rng,
			Sensitive: sensitive && (whole || marked[k.AsString()])})
	}
	sort.Slice(t.Entries, func(i, j int) bool { return t.Entries[i].Key < t.Entries[j].Key })
	return t
}

// firstStep is the first step of p, nil for the empty path.
func firstStep(p cty.Path) cty.PathStep {
	if len(p) == 0 {
		return nil
	}
	return p[0]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
