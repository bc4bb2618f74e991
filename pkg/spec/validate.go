package spec

import (
	"strconv"
)

// validate runs the checks that need the whole model: duplicates across
// blocks, cross-block consistency and the hard rules of the catalog.
func (l *loader) validate() {
	s := l.spec
	l.checkAccountID(s.AWS.AccountID, "account_id", "", "Invalid account_id",
		"The aws block's account_id must be the 12 digits of your AWS account, like \"111122223333\".")
	names := map[string]*Bucket{}
	for _, b := range s.Buckets {
		if b.Name.Set {
			if prev := names[b.Name.Value]; prev != nil {
				l.errorf(b.Name.Range.Ptr(), "Duplicate bucket name",
					"%s and %s both use this bucket name; AWS bucket names are unique, so each bucket block needs its own.",
					prev.Address, b.Address)
			}
			names[b.Name.Value] = b
		}
		switch {
		case !b.Region.Set:
		case !regionRe.MatchString(b.Region.Value):
			l.errorf(b.Region.Range.Ptr(), "Invalid region",
				"%s is not an AWS region name; write one like \"us-east-1\" or \"eu-west-3\".%s", show(b.Region),
				didYouMeanFold(b.Region.Value, knownRegions().names, b.Region.Sensitive))
		default:
			l.checkKnownRegion(b.Region)
		}
		l.checkBucketName(b)
		l.checkTags(b)
		l.checkKMS(b)
		l.checkLifecycle(b)
		l.checkStatements(b)
	}
	l.checkLogTargets()
	l.checkPartitionRegions()
	grants := map[string]*Grant{}
	for _, g := range s.Grants {
		if prev := grants[g.Label]; prev != nil {
			l.errorf(g.DeclRange.Ptr(), "Duplicate grant block",
				"A grant labelled %q was already declared at %s. Grant labels must be unique in a spec.", g.Label, prev.DeclRange)
		}
		grants[g.Label] = g
		if g.Permissions.Set && len(g.Permissions.Value) == 0 && len(g.ExtraActions.Value) == 0 {
			l.errorf(g.Permissions.Range.Ptr(), "Grant without access",
				"This grant gives no permission: list at least one of %s, or extra_actions.", quoteList(permissions))
		}
		for i, a := range g.ExtraActions.Value {
			l.checkAction(a, l.elemRange(g.ExtraActions, i), g.ExtraActions.Sensitive)
		}
		l.checkGrantIdentity(g)
	}
	l.checkUniqueIdentities()
	l.checkRevokedGrants()
	trails := map[string]*Trail{}
	for _, t := range s.Trails {
		if prev := trails[t.Label]; prev != nil {
			l.errorf(t.DeclRange.Ptr(), "Duplicate trail block",
				"A trail labelled %q was already declared at %s. Trail labels must be unique in a spec.", t.Label, prev.DeclRange)
		}
		trails[t.Label] = t
		l.checkTrailName(t)
		l.checkTrail(t)
	}
}

var (
	accountIDRe = newLazyRegexp(`^[0-9]{12}$`)
	// Two letters, or "eusc" for the European Sovereign Cloud (eusc-de-*,
	// validate_partition.go), then words and a number.
	regionRe = newLazyRegexp(`^([a-z]{2}|eusc)(-[a-z]+)+-[0-9]+$`)
)

// checkGrantIdentity checks the IAM user or role of a grant: names, paths,
// account, external id and session duration (checkUniqueIdentities checks
// that no two grants create the same IAM identity).
func (l *loader) checkGrantIdentity(g *Grant) {
	if u := g.IAMUser; u != nil {
		l.checkIAMName(u.Name, "user name", 64)
		l.checkIAMName(u.PolicyName, "policy name", 128)
		l.checkIAMPath(u.Path)
	}
	if r := g.Role; r != nil {
		l.checkIAMName(r.Name, "role name", 64)
		l.checkIAMName(r.PolicyName, "policy name", 128)
		l.checkIAMPath(r.Path)
		l.checkRoleTrust(r)
	}
}

func (l *loader) checkRoleTrust(r *CrossAccountRole) {
	l.checkAccountID(r.TrustedAccountID, "trusted_account_id", "TMC604", "Invalid trusted account id",
		"trusted_account_id must be the 12 digits of the partner's AWS account, like \"444455556666\".")
	if p := r.TrustedPrincipal; p.Set && p.Value != "root" {
		m := roleARNRe.FindStringSubmatch(p.Value)
		switch {
		case m == nil:
			l.errorf(p.Range.Ptr(), "Invalid trusted principal",
				"trusted_principal must be \"root\" (the whole partner account) or a role ARN such as "+
					"\"arn:aws:iam::444455556666:role/teramot\".%s", didYouMeanFold(p.Value, []string{"root"}, p.Sensitive))
		case r.TrustedAccountID.Set && m[1] != r.TrustedAccountID.Value:
			// The account is part of the ARN: a sensitive ARN's account
			// is not shown either (nor a sensitive trusted_account_id).
			account, trusted := m[1], r.TrustedAccountID.Value
			if p.Sensitive {
				account = RedactedText
			}
			if r.TrustedAccountID.Sensitive {
				trusted = RedactedText
			}
			l.errorf(p.Range.Ptr(), "Trusted principal in another account",
				"The role ARN in trusted_principal belongs to account %s, but trusted_account_id is %s. Use a role of the trusted account.",
				account, trusted)
		}
	}
	if e := r.ExternalID; e.Set && (len(e.Value) < 2 || len(e.Value) > 1224 || !externalIDRe.MatchString(e.Value)) {
		l.ruleError("TMC602", e.Range, "Invalid external id",
			"AWS accepts an external id of 2 to 1224 characters among letters, digits and + = , . @ : / - _. "+
				"Generate a random value, for example with `uuidgen`.")
	}
	if d := r.MaxSessionDuration; d.Value < 3600 || d.Value > 43200 {
		l.ruleError("TMC605", d.Range, "Invalid session duration",
			"max_session_duration is %s seconds; AWS accepts 3600 (1 hour) to 43200 (12 hours).", showInt(d))
	}
}

var (
	roleARNRe    = newLazyRegexp(`^arn:aws(?:-cn|-us-gov)?:iam::([0-9]{12}):role/[\w+=,.@/-]+$`)
	externalIDRe = newLazyRegexp(`^[\w+=,.@:/-]+$`)
)

// show quotes a value for a diagnostic, unless it is sensitive.
func show(a Attr[string]) string {
	if a.Sensitive {
		return RedactedText
	}
	return strconv.Quote(a.Value)
}
