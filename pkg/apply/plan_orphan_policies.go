package apply

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// accountPolicyReader is the part of the IAM client that lists the
// account's customer-managed policies and the inline policies of its
// users, roles and groups, with their documents; a client without it is
// not asked.
type accountPolicyReader interface {
	GetAccountAuthorizationDetails(context.Context, *iam.GetAccountAuthorizationDetailsInput, ...func(*iam.Options)) (*iam.GetAccountAuthorizationDetailsOutput, error)
}

// orphanPolicy is a customer-managed policy that grants access to buckets
// of the spec while no grant of the spec declares it.
type orphanPolicy struct {
	name, arn string
	buckets   []string
}

// warnOrphanPolicies warns about each attached customer-managed policy
// whose default version grants access to a bucket of the spec while no
// grant of the spec declares it and no revoked_grant names it: the policy
// of a grant block that was deleted (teramotc is stateless, so deleting a
// grant revokes nothing: review adopt F-removed-grant), or one made by
// hand. The warning names who holds it and the revoked_grant block that
// detaches it; for a revoked user or role it says which policy_name the
// revoked_grant should have named (F-revoke-wrong-policy).
//
// The same read warns about each inline policy of a user, role or group
// that grants access to a bucket of the spec, unless its identity is a
// grant's or a revoked_grant's (warnOrphanInline).
//
// It reads once per plan (GetAccountAuthorizationDetails, filters
// LocalManagedPolicy, User, Role and Group, paginated), and lists the
// holders (ListEntitiesForPolicy) of such managed policies only. Users and roles of the
// spec's grants are left out: warnIdentityExtras names what they hold
// beyond their grant. A policy on every bucket (Resource "*",
// arn:aws:s3:::*) is not about the spec's buckets and is not named. A
// failed listing is one warning, except behind an endpoint (an emulator,
// an S3-compatible server), where there may be no IAM to ask.
func (e *Engine) warnOrphanPolicies(ctx context.Context, p *Plan) {
	buckets := specBucketNames(p.items)
	r, ok := e.C.IAM.(accountPolicyReader)
	if len(buckets) == 0 || !ok {
		return
	}
	details, err := accountDetails(ctx, r)
	if err != nil {
		if e.C.Endpoint == "" && ctx.Err() == nil {
			// The error in parentheses: a plan file compares its code only
			// (comparableWarning).
			p.Warnings = append(p.Warnings, fmt.Sprintf("could not list the account's customer-managed policies and inline policies (%v), so the plan cannot tell "+
				"whether a policy no grant of the spec declares (the policy of a deleted grant block, or one made by hand) still gives access "+
				"to its buckets; check with: aws iam get-account-authorization-details --filter LocalManagedPolicy User Role Group", err))
		}
		return
	}
	for _, o := range orphanPolicies(details.policies, p.items, buckets, e.Partition) {
		owners, err := e.policyOwners(ctx, o.arn)
		if err != nil {
			p.Warnings = append(p.Warnings, fmt.Sprintf("managed policy %s grants access to bucket %s, but no grant of the spec declares it, and "+
				"who holds it could not be listed (%v); check with: aws iam list-entities-for-policy --policy-arn %s",
				o.name, strings.Join(o.buckets, ", "), err, o.arn))
			continue
		}
		if w := orphanPolicyWarning(o, owners, p.items); w != "" {
			p.Warnings = append(p.Warnings, w)
		}
	}
	p.Warnings = append(p.Warnings, orphanInlineWarnings(orphanInline(details.inline, p.items, buckets, e.Partition))...)
}

// accountDetailsPage is the MaxItems of a GetAccountAuthorizationDetails
// page, the most IAM allows (the default is 100): an account with
// thousands of roles is a few pages, not dozens.
const accountDetailsPage = 1000

// authDetails is what GetAccountAuthorizationDetails lists: the
// customer-managed policies and the inline policies of the users, roles
// and groups.
type authDetails struct {
	policies []iamtypes.ManagedPolicyDetail
	inline   []inlinePolicy
}

// accountDetails lists the account's customer-managed policies and the
// inline policies of its users, roles and groups, every page: one call
// per page, whatever the filters.
func accountDetails(ctx context.Context, r accountPolicyReader) (authDetails, error) {
	var out authDetails
	in := &iam.GetAccountAuthorizationDetailsInput{MaxItems: aws.Int32(accountDetailsPage), Filter: []iamtypes.EntityType{
		iamtypes.EntityTypeLocalManagedPolicy, iamtypes.EntityTypeUser, iamtypes.EntityTypeRole, iamtypes.EntityTypeGroup}}
	for {
		page, err := r.GetAccountAuthorizationDetails(ctx, in)
		if err != nil {
			return authDetails{}, err
		}
		out.policies = append(out.policies, page.Policies...)
		out.inline = append(out.inline, inlineOf(page)...)
		if !page.IsTruncated || aws.ToString(page.Marker) == "" {
			return out, nil
		}
		in.Marker = page.Marker
	}
}

// specBucketNames are the names of the spec's buckets.
func specBucketNames(items []*Item) []string {
	var out []string
	for _, it := range items {
		if it.Type == TBucket && !it.Revoke && it.Name != "" && !slices.Contains(out, it.Name) {
			out = append(out, it.Name)
		}
	}
	return out
}

// orphanPolicies are the attached policies whose default version grants
// access to one of buckets and that no grant declares and no revoked_grant
// names (IAM names compared without case), in the order listed.
func orphanPolicies(policies []iamtypes.ManagedPolicyDetail, items []*Item, buckets []string, partition string) []orphanPolicy {
	named := map[string]bool{} // lower-case policy names of grants and revoked grants
	for _, it := range items {
		if it.Type == TManagedPolicy || (it.Revoke && it.Type == TAttachment) {
			named[strings.ToLower(it.Name)] = true
		}
	}
	var out []orphanPolicy
	for _, pol := range policies {
		name, arn := aws.ToString(pol.PolicyName), aws.ToString(pol.Arn)
		if name == "" { // moto leaves it out; the ARN ends with it
			name = arn[strings.LastIndex(arn, "/")+1:]
		}
		if aws.ToInt32(pol.AttachmentCount) == 0 || named[strings.ToLower(name)] {
			continue
		}
		if on := docBuckets(defaultDocument(pol), buckets, partition); len(on) > 0 {
			out = append(out, orphanPolicy{name: name, arn: arn, buckets: on})
		}
	}
	return out
}

// defaultDocument is the (URL-encoded) document of a policy's default
// version, "" when the listing holds none.
func defaultDocument(pol iamtypes.ManagedPolicyDetail) string {
	for _, v := range pol.PolicyVersionList {
		if v.IsDefaultVersion || (v.VersionId != nil && aws.ToString(v.VersionId) == aws.ToString(pol.DefaultVersionId)) {
			return aws.ToString(v.Document)
		}
	}
	return ""
}

// bucketsGranted are the buckets an Allow statement of the canonical
// policy doc grants an S3 action on: a Resource that is the bucket's ARN
// or an object ARN in it, wildcards included, but not one on every bucket.
func bucketsGranted(doc any, buckets []string) []string {
	m, _ := doc.(map[string]any)
	var out []string
	for _, st := range statementsOf(m["Statement"]) {
		if !strings.EqualFold(str(st["Effect"]), "Allow") || !grantsS3(st) {
			continue
		}
		for _, res := range policyValues(st["Resource"]) {
			for _, b := range buckets {
				if !slices.Contains(out, b) && resourceOnBucket(res, b) {
					out = append(out, b)
				}
			}
		}
	}
	return out
}

// grantsS3 reports whether a statement allows an S3 action: an s3: action
// (wildcards included), "*", or NotAction (everything but some actions).
func grantsS3(st map[string]any) bool {
	if st["NotAction"] != nil {
		return true
	}
	for _, a := range policyValues(st["Action"]) {
		if a == "*" || strings.HasPrefix(strings.ToLower(a), "s3:") {
			return true
		}
	}
	return false
}

// resourceOnBucket reports whether the resource pattern res names bucket
// b or objects in it: the part of an S3 ARN before the first "/" matches
// the name, and is not all wildcards (every bucket of the account).
func resourceOnBucket(res, b string) bool {
	i := strings.Index(res, ":s3:::")
	if !strings.HasPrefix(res, "arn:") || i < 0 {
		return false
	}
	part, _, _ := strings.Cut(res[i+len(":s3:::"):], "/")
	if strings.Trim(part, "*?") == "" {
		return false
	}
	return wildcardMatch(part, b)
}

// wildcardMatch matches s against an IAM pattern: "*" any run of
// characters, "?" any one.
func wildcardMatch(p, s string) bool {
	for p != "" {
		switch p[0] {
		case '*':
			for i := len(s); i >= 0; i-- {
				if wildcardMatch(p[1:], s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
		default:
			if s == "" || s[0] != p[0] {
				return false
			}
		}
		p, s = p[1:], s[1:]
	}
	return s == ""
}

// statementsOf is a Statement value as a list of statements.
func statementsOf(v any) []map[string]any {
	var out []map[string]any
	switch s := v.(type) {
	case map[string]any:
		out = append(out, s)
	case []map[string]any:
		out = s
	case []any:
		for _, x := range s {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// policyValues is a string or list-of-strings value as a list.
func policyValues(v any) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	return stringsOf(v)
}
