package apply

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// refuse records live state that a spec cannot express and that import
// must not leave out: dropping it would widen access (a NotPrincipal deny,
// a trust condition) or give a spec that does not validate (an SSE-KMS
// key that is not a key ARN). Import goes on reading, so that one run
// names every such setting, and then fails without writing anything.
func (im *Imported) refuse(format string, args ...any) {
	im.refused = append(im.refused, fmt.Sprintf(format, args...))
}

// refusal is the error Import returns when it refused something.
func (im *Imported) refusal() error {
	if len(im.refused) == 0 {
		return nil
	}
	what := "a setting"
	if len(im.refused) > 1 {
		what = fmt.Sprintf("%d settings", len(im.refused))
	}
	return &Problem{
		Summary: "cannot import: the live state has " + what + " a spec cannot express",
		Detail: "- " + strings.Join(im.refused, "\n- ") + "\nA spec that left them out would not validate, or its apply would change who has access, so nothing was written. " +
			"Change them in AWS as each line says (or manage that resource without teramotc), then run import again.",
	}
}

// statementKeys are the fields of a policy statement a statement block
// expresses.
var statementKeys = map[string]bool{"Sid": true, "Effect": true, "Principal": true, "Action": true, "NotAction": true, "Resource": true, "Condition": true}

// checkStatement refuses a bucket-policy statement with a field a
// statement block cannot express (NotPrincipal, NotResource).
func (im *Imported) checkStatement(bucket string, s map[string]any) {
	var extra []string
	for k := range s {
		if !statementKeys[k] {
			extra = append(extra, k)
		}
	}
	if len(extra) == 0 {
		return
	}
	sort.Strings(extra)
	name := "without a Sid"
	if sid := str(s["Sid"]); sid != "" {
		name = fmt.Sprintf("%q", sid)
	}
	fix := "rewrite the statement without it"
	switch extra[0] {
	case "NotPrincipal":
		fix = "rewrite it with \"Principal\": \"*\" and a condition such as ArnNotEquals on aws:PrincipalArn listing the exempt principals"
	case "NotResource":
		fix = "rewrite it with \"Resource\" listing the ARNs it should cover"
	}
	im.refuse("bucket %s: bucket-policy statement %s has %s, which a statement block cannot express; %s.",
		bucket, name, strings.Join(extra, " and "), fix)
}

var kmsKeyARN = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`)

// checkKMS refuses SSE-KMS default encryption whose key a spec cannot
// name: kms_key_arn must be the ARN of a customer-managed key.
func (im *Imported) checkKMS(bucket, alg, key string) {
	if !strings.HasPrefix(alg, "aws:kms") || kmsKeyARN.MatchString(key) {
		return
	}
	const fix = "set the bucket's default encryption to a customer-managed key by its key ARN " +
		"(s3api put-bucket-encryption with KMSMasterKeyID arn:aws:kms:REGION:ACCOUNT:key/ID)"
	switch {
	case key == "":
		im.refuse("bucket %s: default encryption is %s with the AWS managed key aws/s3 (no KMSMasterKeyID), which a spec cannot express "+
			"(kms_key_arn names a customer-managed key); %s, or to AES256.", bucket, alg, fix)
	case strings.Contains(key, "alias/"):
		im.refuse("bucket %s: default encryption names the KMS alias %q, which a spec cannot express (kms_key_arn is a key ARN); %s.", bucket, key, fix)
	default:
		im.refuse("bucket %s: default encryption names the KMS key as %q, not by its key ARN, which kms_key_arn needs; %s.", bucket, key, fix)
	}
}

// checkTrust refuses a role trust policy that is not the one a
// cross_account_role block renders (one Allow of sts:AssumeRole to one
// AWS principal, with at most an sts:ExternalId StringEquals condition):
// the imported spec would replace it, dropping what it has beyond that.
// It returns the external id (when the policy is the spec's shape).
func (im *Imported) checkTrust(role string, doc any) (externalID string) {
	list := statements(doc)
	var why []string
	if len(list) != 1 {
		why = append(why, fmt.Sprintf("%d statements (a spec renders one)", len(list)))
	}
	for _, s := range list {
		for k := range s {
			if k != "Sid" && k != "Effect" && k != "Principal" && k != "Action" && k != "Condition" {
				why = append(why, k)
			}
		}
		if e := str(s["Effect"]); e != "Allow" {
			why = append(why, "Effect "+e)
		}
		if a := stringSet(s["Action"], nil); len(a) != 1 || !strings.EqualFold(a[0], "sts:AssumeRole") {
			why = append(why, "Action "+strings.Join(a, ", "))
		}
		p, _ := s["Principal"].(map[string]any)
		for typ, ids := range p {
			switch list := stringSet(ids, nil); {
			case typ != "AWS":
				why = append(why, fmt.Sprintf("a %s principal (%s)", typ, strings.Join(list, ", ")))
			case len(list) != 1:
				why = append(why, fmt.Sprintf("%d AWS principals (%s)", len(list), strings.Join(list, ", ")))
			}
		}
		if _, ok := s["Principal"].(string); ok || len(p) == 0 {
			why = append(why, "a Principal other than one AWS account or role")
		}
		cond, _ := s["Condition"].(map[string]any)
		for test, vars := range cond {
			vm, _ := vars.(map[string]any)
			for v, vals := range vm {
				ids := stringSet(vals, nil)
				if test == "StringEquals" && strings.EqualFold(v, "sts:ExternalId") && len(ids) == 1 {
					externalID = ids[0]
					continue
				}
				why = append(why, fmt.Sprintf("condition %s %s", test, v))
			}
		}
	}
	if len(why) == 0 {
		return externalID
	}
	sort.Strings(why)
	im.refuse("role %s: the trust policy has %s, which a cross_account_role block cannot express (it renders one Allow of sts:AssumeRole "+
		"to one AWS account or role, with an sts:ExternalId condition); applying the imported spec would replace it. "+
		"Reduce the trust policy to that shape (iam update-assume-role-policy), or import the bucket without -role.", role, strings.Join(why, ", "))
	return ""
}

// checkVersion looks at the Version and Id of a live policy document
// (what names it: "bucket B: the bucket policy"). A spec renders Version
// 2012-10-17 and no Id. Under the 2008-10-17 version (or none, which
// means 2008-10-17) "${...}" is literal text, under 2012-10-17 a policy
// variable, so a document that has one is refused: the rendered policy
// would match other keys. Otherwise the plan's change is neutral, and a
// warning says so.
func (im *Imported) checkVersion(what string, doc map[string]any) {
	if doc == nil {
		return
	}
	v, id := str(doc["Version"]), str(doc["Id"])
	if v != "2012-10-17" && strings.Contains(mustJSON(doc["Statement"]), "${") {
		shown := "no Version (which means 2008-10-17)"
		if v != "" {
			shown = "Version " + v
		}
		im.refuse("%s has %s and text like ${aws:username}, which that version reads literally; a spec renders Version 2012-10-17, "+
			"where it is a policy variable, so the imported statements would match other keys. Put the policy in S3 or IAM with "+
			"Version 2012-10-17 (writing a literal $ as ${$}) and import again.", what, shown)
		return
	}
	var has []string
	if v != "2012-10-17" {
		has = append(has, fmt.Sprintf("Version %q", v))
	}
	if id != "" {
		has = append(has, fmt.Sprintf("Id %q", id))
	}
	if len(has) > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: %s has %s, which a spec cannot express (it renders Version \"2012-10-17\" and no Id); "+
			"plan shows the change to that, classified neutral: the statements grant and deny the same.", what, strings.Join(has, " and ")))
	}
}

// checkGrantStatement refuses a statement of the grant's managed policy
// that a grant cannot render: a Deny (import would turn its actions into
// permissions), NotAction or NotResource.
func (im *Imported) checkGrantStatement(owner, policy string, s map[string]any) {
	var why []string
	if e := str(s["Effect"]); e != "Allow" {
		why = append(why, "Effect "+e)
	}
	for _, k := range []string{"NotAction", "NotResource", "NotPrincipal"} {
		if _, ok := s[k]; ok {
			why = append(why, k)
		}
	}
	if len(why) == 0 {
		return
	}
	name := "without a Sid"
	if sid := str(s["Sid"]); sid != "" {
		name = fmt.Sprintf("%q", sid)
	}
	im.refuse("%s: statement %s of the managed policy %s has %s, which a grant cannot express (it renders Allow statements of "+
		"actions on the bucket); move it to another policy (a permissions boundary, say) or remove it, then import again.",
		owner, name, policy, strings.Join(why, " and "))
}

// dedupe returns the sorted distinct elements of list.
func dedupe(list []string) []string {
	sort.Strings(list)
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}
