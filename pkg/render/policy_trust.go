package render

import (
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// trustPolicy renders the role's trust policy: the partner account's root (or
// the given role ARN) may assume the role when it sends the external id. The
// document is marked sensitive when the external id comes from a sensitive
// variable.
func (r *renderer) trustPolicy(dir string, g *spec.Grant) {
	role := g.Role
	principal := role.TrustedPrincipal.Value
	if principal == "" || principal == "root" {
		principal = "arn:" + r.partition + ":iam::" + role.TrustedAccountID.Value + ":root"
	}
	s := stmt{
		Sid:       "TrustedAccountAssumeRole",
		Effect:    "Allow",
		Principal: object{"AWS": principal},
		Actions:   []string{"sts:AssumeRole"},
	}
	if role.ExternalID.Value != "" {
		s.Condition = cond("StringEquals", "sts:ExternalId", role.ExternalID.Value)
	}
	var p policy
	p.add(s, role.DeclRange)
	p.prov["/Statement/0/Principal"] = role.TrustedAccountID.Range
	if strings.HasPrefix(role.TrustedPrincipal.Value, "arn:") {
		p.prov["/Statement/0/Principal"] = role.TrustedPrincipal.Range
	}
	p.prov["/Statement/0/Condition"] = role.ExternalID.Range
	d := r.add(dir+"trust-policy.json", KindTrustPolicy, g.Block, p.document(), p.prov)
	d.Sensitive = role.ExternalID.Sensitive
}
