package spec

import (
	"fmt"
	"net"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

var sidRe = newLazyRegexp(`^[A-Za-z0-9]+$`)

// checkStatements enforces TMC508 (Sids), TMC504 (actions exist), TMC509
// (principals and resources S3 accepts) and TMC107 (no statement S3 would
// classify as public while block_public_policy is on).
func (l *loader) checkStatements(b *Bucket) {
	sids := map[string]*Statement{}
	for _, s := range b.Statements {
		switch {
		case !sidRe.MatchString(s.Sid):
			l.ruleError("TMC508", s.DeclRange, "Invalid statement id",
				"The statement label %q is its Sid, which AWS accepts only with letters and digits (A-Z, a-z, 0-9).", s.Sid)
		case sids[s.Sid] != nil:
			l.ruleError("TMC508", s.DeclRange, "Duplicate statement id",
				"%s already has a statement %q (at %s); Sids must be unique in a policy.", b.Address, s.Sid, sids[s.Sid].DeclRange)
		}
		sids[s.Sid] = s
		l.checkNonEmpty(s)
		l.checkElements(b, s)
		for i, a := range s.Actions.Value {
			l.checkAction(a, l.elemRange(s.Actions, i), s.Actions.Sensitive)
		}
		for i, a := range s.NotActions.Value {
			l.checkAction(a, l.elemRange(s.NotActions, i), s.NotActions.Sensitive)
		}
		if b.BlockPublicPolicy.Value && isPublicStatement(s) {
			l.ruleError("TMC107", s.Principals.Range, "Public bucket policy rejected",
				"This statement allows everyone (principal \"*\") without a condition that S3 accepts as narrowing "+
					"(StringEquals, StringLike, ArnEquals or ArnLike on fixed values of aws:SourceAccount, aws:SourceArn, "+
					"aws:SourceVpce, aws:PrincipalOrgID, aws:userid, ..., "+
					"or IpAddress on aws:SourceIp no wider than /8). "+
					"With block_public_policy on, S3 refuses the whole bucket policy. Name the principals, or add such a condition.")
		}
	}
}

// checkNonEmpty reports written but empty lists that AWS rejects in a
// policy statement.
func (l *loader) checkNonEmpty(s *Statement) {
	lists := []struct {
		a    Attr[[]string]
		name string
	}{{s.Actions, "actions"}, {s.NotActions, "not_actions"}, {s.Resources, "resources"}}
	for _, c := range s.Conditions {
		lists = append(lists, struct {
			a    Attr[[]string]
			name string
		}{c.Values, "values"})
	}
	for _, x := range lists {
		if x.a.Set && len(x.a.Value) == 0 {
			l.errorf(x.a.Range.Ptr(), "Empty "+x.name,
				"AWS rejects a policy statement with an empty %s list; list at least one entry or remove the statement.", x.name)
		}
	}
}

// checkAction enforces TMC504: the action exists, or the wildcard matches at
// least one action, in the services teramotc knows (kms, s3, sts). An action
// of another service is refused as a teramotc restriction, not as one AWS
// would reject. A sensitive action gets no suggestion and its service is not
// named.
func (l *loader) checkAction(action string, rng hcl.Range, sensitive bool) {
	if action == "*" {
		return
	}
	shown := quoteValue(action, sensitive)
	svc, name, ok := strings.Cut(action, ":")
	if !ok || svc == "" || name == "" {
		l.ruleError("TMC504", rng, "Invalid action",
			"%s is not an IAM action; write service:Action, like \"s3:GetObject\".", shown)
		return
	}
	matches, known := MatchActions(action)
	switch {
	case !known:
		// The action may well exist (iam:PassRole): the refusal is
		// teramotc's, so the message does not say that AWS rejects it.
		owner := "a service teramotc does not allow"
		if !sensitive {
			owner = fmt.Sprintf("the service %q", svc)
		}
		l.ruleError("TMC504", rng, "Action of an unsupported service",
			"%s belongs to %s. teramotc allows only actions of the services a bucket setup needs (%s), "+
				"and this check cannot be suppressed. List only actions on the bucket and its objects here, "+
				"and manage the permissions of other services outside teramotc.", shown, owner, quoteList(ActionServices()))
	case len(matches) > 0:
	case sensitive:
		l.ruleError("TMC504", rng, "Unknown action", "%s is not an action of its service.", shown)
	default:
		all, _ := MatchActions(strings.ToLower(svc) + ":*")
		l.ruleError("TMC504", rng, "Unknown action",
			"%s is not an action of %s.%s", shown, svc, didYouMean(action, all))
	}
}

// nonPublicKeys are the condition keys whose fixed values make a statement
// non-public for S3's Block Public Access.
var nonPublicKeys = map[string]bool{
	"aws:sourcearn": true, "aws:sourcevpc": true, "aws:sourcevpce": true, "aws:sourceowner": true,
	"aws:sourceaccount": true, "aws:userid": true, "aws:principalorgid": true,
	"aws:principalaccount": true, "aws:principalarn": true, "s3:x-amz-server-side-encryption-aws-kms-key-id": true,
	"s3:dataaccesspointarn": true, "s3:dataaccesspointaccount": true,
}

func isPublicStatement(s *Statement) bool {
	if s.Effect.Value != "Allow" || !wildcardPrincipal(s.Principals.Value) {
		return false
	}
	for _, c := range mergedConditions(s.Conditions) {
		if narrows(c) {
			return false
		}
	}
	return true
}

// mergedConditions joins the condition blocks with the same test and
// variable into one, their values in source order, as the rendered policy
// does: two blocks on one key become one JSON entry whose values are ORed,
// so a "*" in either makes the whole entry match everyone.
func mergedConditions(conds []*Condition) []*Condition {
	type key struct{ test, variable string }
	byKey := map[key]*Condition{}
	var out []*Condition
	for _, c := range conds {
		k := key{c.Test.Value, c.Variable.Value}
		if m := byKey[k]; m != nil {
			m.Values.Value = append(m.Values.Value, c.Values.Value...)
			continue
		}
		m := &Condition{Test: c.Test, Variable: c.Variable, Values: c.Values}
		m.Values.Value = append([]string(nil), c.Values.Value...)
		byKey[k] = m
		out = append(out, m)
	}
	return out
}

func wildcardPrincipal(p Principals) bool {
	if p.Wildcard {
		return true
	}
	for _, ids := range p.Map {
		for _, id := range ids {
			if strings.Contains(id, "*") || strings.Contains(id, "?") {
				return true
			}
		}
	}
	return false
}

// narrowingOps are the condition operators that pin a key to the listed
// values (lower case). Negated operators, ...IfExists (true when the key is
// absent), ForAllValues (true for an empty set) and the numeric, date and
// boolean operators never make a statement non-public; aws:SourceIp is
// narrowed only by IpAddress.
var narrowingOps = map[string]bool{
	"stringequals": true, "stringequalsignorecase": true, "stringlike": true, "arnequals": true, "arnlike": true,
	"foranyvalue:stringequals": true, "foranyvalue:stringequalsignorecase": true, "foranyvalue:stringlike": true,
	"foranyvalue:arnequals": true, "foranyvalue:arnlike": true,
}

// narrows reports whether a condition pins a non-public key to fixed values
// (the same test as lib/common.rego's narrowing_condition). As for S3, any
// fixed aws:userid value narrows, "anonymous" included: TMC107 says what S3
// refuses; TMC102 (lint, suppressible) accepts only IAM unique ids there.
func narrows(c *Condition) bool {
	key := strings.ToLower(c.Variable.Value)
	op := strings.ToLower(c.Test.Value)
	if len(c.Values.Value) == 0 {
		return false
	}
	if key == "aws:sourceip" {
		if op != "ipaddress" && op != "foranyvalue:ipaddress" {
			return false
		}
		for _, v := range c.Values.Value {
			if !narrowCIDR(v) {
				return false
			}
		}
		return true
	}
	if !nonPublicKeys[key] || !narrowingOps[op] {
		return false
	}
	for _, v := range c.Values.Value {
		if v == "" || strings.ContainsAny(v, "*?") || strings.Contains(v, "${") {
			return false
		}
	}
	return true
}

// narrowCIDR reports a single IP address, or a range no broader than /8
// (IPv4) or /32 (IPv6).
func narrowCIDR(v string) bool {
	if !strings.Contains(v, "/") {
		return net.ParseIP(v) != nil
	}
	_, n, err := net.ParseCIDR(v)
	if err != nil {
		return false
	}
	ones, bits := n.Mask.Size()
	return (bits == 32 && ones >= 8) || (bits == 128 && ones >= 32)
}
