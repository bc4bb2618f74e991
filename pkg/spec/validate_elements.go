package spec

import (
	"strconv"
	"strings"
)

// uniqueIDRe is an IAM unique id (AIDA..., AROA...), which AWS accepts as an
// AWS principal.
var uniqueIDRe = newLazyRegexp(`^A[A-Z0-9]{15,127}$`)

// checkElements enforces TMC509: the principals and resources of a statement
// block are ones S3 accepts in a bucket policy (it rejects the whole policy
// as MalformedPolicy otherwise). Wildcards are left to TMC102, TMC107 and
// TMC502, which judge what they grant.
func (l *loader) checkElements(b *Bucket, s *Statement) {
	if p := s.Principals; p.Set && !p.Value.Wildcard {
		if bad, ok := badPrincipals(p.Value); !ok {
			l.ruleError("TMC509", p.Range, "Invalid principals",
				"S3 rejects a bucket policy whose statement names no principal or an invalid one (%s). "+
					"List at least one identifier per type; an AWS principal is an account id (\"111122223333\"), "+
					"an ARN (\"arn:aws:iam::111122223333:role/NAME\") or \"*\".%s", shownList(bad, p.Sensitive),
				shortAccountNote(p.Value.Map["AWS"]))
		}
	}
	if r := s.Resources; r.Set && b.Name.Set {
		if bad := foreignResources(r.Value, b.Name.Value, l.spec.AWS.Partition.Value); len(bad) > 0 {
			l.ruleError("TMC509", r.Range, "Resource outside the bucket",
				"S3 accepts in %s's policy only the bucket's own ARN and its objects' ARNs, not %s. "+
					"Write \"arn:%s:s3:::%s\" for the bucket, or \"arn:%s:s3:::%s/PREFIX*\" for objects.",
				b.Address, shownList([]string{quoteList(bad)}, r.Sensitive), partitionOr(l.spec.AWS.Partition.Value), b.Name.Value,
				partitionOr(l.spec.AWS.Partition.Value), b.Name.Value)
		}
	}
}

// badPrincipals lists what is wrong with a principals map (types without
// identifiers, invalid identifiers); ok is false when something is.
func badPrincipals(p Principals) (bad []string, ok bool) {
	if len(p.Map) == 0 {
		return []string{"no principal"}, false
	}
	for _, typ := range keys(p.Map) {
		ids := p.Map[typ]
		if len(ids) == 0 {
			bad = append(bad, typ+" lists no identifier")
		}
		for _, id := range ids {
			if !validPrincipalID(typ, id) {
				bad = append(bad, typ+" "+strconv.Quote(id))
			}
		}
	}
	return bad, len(bad) == 0
}

// validPrincipalID: no identifier is empty; an AWS one is "*" (or holds a
// wildcard, judged by TMC102/TMC107), a 12-digit account id, an ARN or an
// IAM unique id.
func validPrincipalID(typ, id string) bool {
	if id == "" {
		return false
	}
	if typ != "AWS" {
		return true
	}
	return strings.ContainsAny(id, "*?") || accountIDRe.MatchString(id) ||
		strings.HasPrefix(id, "arn:") || uniqueIDRe.MatchString(id)
}

// foreignResources lists the resources that are neither the bucket's ARN
// nor an ARN of its objects. "*" (TMC502) and a bucket part with a wildcard
// are left alone.
func foreignResources(resources []string, bucket, partition string) []string {
	prefix := "arn:" + partitionOr(partition) + ":s3:::"
	var bad []string
	for _, r := range resources {
		if r == "*" {
			continue
		}
		rest, ok := strings.CutPrefix(r, prefix)
		name, _, _ := strings.Cut(rest, "/")
		if !ok || name != bucket && !strings.ContainsAny(name, "*?") {
			bad = append(bad, r)
		}
	}
	return bad
}

func partitionOr(p string) string {
	if p == "" {
		return "aws"
	}
	return p
}

// shownList joins values for a message, or says they are sensitive.
func shownList(values []string, sensitive bool) string {
	if sensitive {
		return RedactedText
	}
	return strings.Join(values, ", ")
}

// shortAccountNote explains an AWS principal of fewer than 12 digits,
// most likely an account id written as a number (AWS = [012345678901]),
// which lost its leading zeros; "" when there is none.
func shortAccountNote(ids []string) string {
	for _, id := range ids {
		if id != "" && len(id) < 12 && strings.Trim(id, "0123456789") == "" {
			return " An account id written as a number (without quotes) loses its leading zeros: " +
				"write account ids as quoted strings, like \"012345678901\"."
		}
	}
	return ""
}
