package apply

import (
	"cmp"
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

// orphanPolicy is an attached customer-managed policy that grants access
// to buckets of the spec while no grant of the spec declares it, or whose
// document does not parse (err).
type orphanPolicy struct {
	name, arn string
	// pathed: the ARN is not policy/NAME (an IAM path), which no
	// revoked_grant can name (review diff6b F6)
	pathed  bool
	buckets []string // names, as the spec has them
	version string   // the default version's id
	err     error
}

// warnOrphanPolicies warns about each attached customer-managed policy
// whose default version grants access to a bucket of the spec (naming it
// literally: bucketsGranted) while no grant of the spec declares it: the
// policy of a grant block that was deleted (teramotc is stateless, so
// deleting a grant revokes nothing: review adopt F-removed-grant), or one
// made by hand. The warning names who holds it, except the users and
// roles of the spec's grants (warnIdentityExtras names what they hold
// beyond their grant) and the holders a revoked_grant detaches it from
// (the user or role it names, same kind, without case: review diff6b
// F7), and for each other the revoked_grant block that detaches it, or
// the command when a revoked_grant cannot (orphanPolicyWarning). A policy
// whose document does not parse is one warning naming it (F14).
//
// The same read warns about each inline policy of a user, role or group
// that grants access to a bucket of the spec, unless its identity is a
// grant's or a revoked_grant's (warnOrphanInline).
//
// It reads once per plan (GetAccountAuthorizationDetails, filters
// LocalManagedPolicy, User, Role and Group, paginated), and lists the
// holders (ListEntitiesForPolicy) of such managed policies only. A failed
// listing is one warning, except behind an endpoint (an emulator, an
// S3-compatible server), where there may be no IAM to ask. A bucket whose
// name is sensitive is named by its address, and any other sensitive
// string of the spec is masked: the plan masks only the secrets of its
// changes, and a plan may have none (review diff6b F2).
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
	shown, secrets := shownBuckets(p.items)
	missing := func(it *Item) bool { return p.live != nil && p.live.get(it.Key()) == nil }
	var out []string
	for _, o := range orphanPolicies(details.policies, p.items, buckets, e.Partition) {
		if o.err != nil {
			out = append(out, fmt.Sprintf("managed policy %s is attached, but its document could not be read (%v), so the plan cannot tell "+
				"whether it grants access to the spec's buckets; check with: aws iam get-policy-version --policy-arn %s --version-id %s",
				o.name, o.err, o.arn, o.version))
			continue
		}
		o.buckets = shown(o.buckets)
		owners, err := e.policyOwners(ctx, o.arn)
		if err != nil {
			out = append(out, fmt.Sprintf("managed policy %s grants access to bucket %s, but no grant of the spec declares it, and "+
				"who holds it could not be listed (%v); check with: aws iam list-entities-for-policy --policy-arn %s",
				o.name, strings.Join(o.buckets, ", "), err, o.arn))
			continue
		}
		if w := orphanPolicyWarning(o, owners, p.items, missing); w != "" {
			out = append(out, w)
		}
	}
	inline := orphanInline(details.inline, p.items, buckets, e.Partition)
	for i := range inline {
		inline[i].buckets = shown(inline[i].buckets)
	}
	for _, w := range append(out, orphanInlineWarnings(inline)...) {
		p.Warnings = append(p.Warnings, maskText(w, secrets))
	}
}

// shownBuckets returns how the warnings name the spec's buckets (by
// address when the name is, or holds, a sensitive value, as
// undeclaredTrailWarning does) and the spec's sensitive strings.
func shownBuckets(items []*Item) (func([]string) []string, []string) {
	as := map[string]string{}
	var secrets []string
	for _, it := range items {
		if secrets == nil {
			secrets = it.secrets
		}
		if it.Type == TBucket && !it.Revoke && itemSecrets(it)(it.Name) {
			as[it.Name] = it.Address
		}
	}
	return func(names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = cmp.Or(as[n], n)
		}
		return out
	}, secrets
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
// access to one of buckets, or does not parse, and that no grant
// declares (the grant's policy is policy/NAME, IAM names compared without
// case), in the order listed. A revoked_grant's policy is one of them: it
// detaches it from one user or role only (orphanPolicyWarning).
func orphanPolicies(policies []iamtypes.ManagedPolicyDetail, items []*Item, buckets []string, partition string) []orphanPolicy {
	declared := map[string]bool{} // lower-case policy names of the grants
	for _, it := range items {
		if it.Type == TManagedPolicy {
			declared[strings.ToLower(it.Name)] = true
		}
	}
	var out []orphanPolicy
	for _, pol := range policies {
		arn := aws.ToString(pol.Arn)
		name, pathed := policyNameOf(arn)
		if n := aws.ToString(pol.PolicyName); n != "" { // moto leaves it out
			name = n
		}
		if aws.ToInt32(pol.AttachmentCount) == 0 || (!pathed && declared[strings.ToLower(name)]) {
			continue
		}
		on, err := docBuckets(defaultDocument(pol), buckets, partition)
		if err != nil || len(on) > 0 {
			out = append(out, orphanPolicy{name: name, arn: arn, pathed: pathed, buckets: on, version: aws.ToString(pol.DefaultVersionId), err: err})
		}
	}
	return out
}

// policyNameOf is the name at the end of a managed policy's ARN, and
// whether the ARN holds a path (policy/PATH/NAME), which a grant's policy
// never does and a revoked_grant cannot name.
func policyNameOf(arn string) (name string, pathed bool) {
	_, res, ok := strings.Cut(arn, ":policy/")
	if !ok {
		res = arn
	}
	i := strings.LastIndex(res, "/")
	return res[i+1:], i >= 0
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
