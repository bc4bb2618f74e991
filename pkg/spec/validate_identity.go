package spec

import (
	"fmt"
	"strings"
)

// identityUse is the first grant that uses an IAM name.
type identityUse struct {
	grant string
	name  Attr[string]
}

// checkUniqueIdentities reports two grants that would create the same IAM
// user, role or managed policy. IAM names are unique in an account whatever
// their case ("Alice" and "alice" are one user), and the names compared are
// the effective ones: a policy_name left out is the grant's default,
// LABEL-s3-access. Users and roles have their own namespaces; managed
// policies are one namespace whichever identity they are attached to.
func (l *loader) checkUniqueIdentities() {
	seen := map[string]identityUse{}
	unique := func(g *Grant, kind string, name Attr[string]) {
		if name.Value == "" {
			return // a missing name is reported on its own
		}
		key := kind + "/" + strings.ToLower(name.Value)
		prev, dup := seen[key]
		if dup && prev.grant == g.Address {
			return // one grant with two identities, or two grants of one label: reported on their own
		}
		if !dup {
			seen[key] = identityUse{grant: g.Address, name: name}
			return
		}
		where := l.subject(prev.name.Range.Ptr()).String()
		if kind == "policy" {
			l.errorf(name.Range.Ptr(), "Duplicate IAM policy name",
				"%s names its managed policy %s, but %s already names its policy %s (%s). IAM policy names are unique "+
					"in an account whatever their case, so apply would overwrite one grant's permissions with the other's. "+
					"Set a policy_name of its own in each grant.",
				g.Address, describeName(name), prev.grant, describeName(prev.name), where)
			return
		}
		l.errorf(name.Range.Ptr(), "Duplicate IAM "+kind,
			"%s creates the IAM %s %s, which %s already creates as %s (%s). IAM names are unique in an account "+
				"whatever their case; give each grant its own %s name.",
			g.Address, kind, show(name), prev.grant, show(prev.name), where, kind)
	}
	for _, g := range l.spec.Grants {
		if u := g.IAMUser; u != nil {
			unique(g, "user", u.Name)
			unique(g, "policy", u.PolicyName)
		}
		if r := g.Role; r != nil {
			unique(g, "role", r.Name)
			unique(g, "policy", r.PolicyName)
		}
	}
}

// describeName shows a name for a diagnostic, saying when it is a default.
func describeName(a Attr[string]) string {
	if !a.Set {
		return fmt.Sprintf("%s (the default, as policy_name is not set)", show(a))
	}
	return show(a)
}
