package render

import (
	"github.com/hashicorp/hcl/v2"
)

// policy accumulates the statements of one policy document with the source
// that caused each.
type policy struct {
	statements []any
	prov       map[string]hcl.Range
}

// stmt is one policy statement before it becomes JSON.
type stmt struct {
	Sid        string
	Effect     string
	Principal  any // nil (identity policies), "*", or object{"AWS": ...}
	Actions    []string
	NotActions []string
	Resources  []string
	Condition  object // test -> variable -> values; nil for none
}

// add appends s, recording rng as the reason for it.
func (p *policy) add(s stmt, rng hcl.Range) {
	if p.prov == nil {
		p.prov = map[string]hcl.Range{}
	}
	p.prov[pointer("/Statement", len(p.statements))] = rng
	p.statements = append(p.statements, s.json())
}

// document is the policy as JSON.
func (p *policy) document() object {
	st := p.statements
	if st == nil {
		st = []any{}
	}
	return object{"Version": policyVersion, "Statement": st}
}

func (s stmt) json() object {
	o := object{"Effect": s.Effect}
	if s.Sid != "" {
		o["Sid"] = s.Sid
	}
	if s.Principal != nil {
		o["Principal"] = s.Principal
	}
	if len(s.Actions) > 0 {
		o["Action"] = scalarOrList(s.Actions)
	}
	if len(s.NotActions) > 0 {
		o["NotAction"] = scalarOrList(s.NotActions)
	}
	if len(s.Resources) > 0 {
		o["Resource"] = scalarOrList(s.Resources)
	}
	if len(s.Condition) > 0 {
		o["Condition"] = s.Condition
	}
	return o
}

// cond builds a one-test condition block.
func cond(test, variable string, values ...string) object {
	return object{test: object{variable: scalarOrList(values)}}
}

// and merges condition blocks into one (all of them must hold).
func and(cs ...object) object {
	out := object{}
	for _, c := range cs {
		for test, vars := range c {
			m, ok := out[test].(object)
			if !ok {
				m = object{}
				out[test] = m
			}
			for k, v := range vars.(object) {
				m[k] = v
			}
		}
	}
	return out
}
