package export

import "github.com/teramot/teramotc/pkg/spec"

// revokedGrants writes the script's first step, as teramotc apply's revoke
// stage: for each revoked_grant, detach its policy from the user or role
// when it is attached, and set each active access key of a user Inactive.
// The keys are listed when the script runs (a spec cannot name them). A
// user or role that does not exist has nothing to revoke; nothing is
// deleted.
func (w *script) revokedGrants(rs []*spec.RevokedGrant, partition string) {
	if len(rs) == 0 {
		return
	}
	w.line("# 0. Revoked grants, first: removals before anything else (nothing is deleted).")
	at := " --region " + w.global // IAM is global: any region of the partition
	for _, r := range rs {
		kind, name := r.Principal()
		if kind == "" {
			continue
		}
		entity := q(name.Value)
		w.line("revoked_arn=\"arn:%s:iam::${account}:policy/\"%s", partition, q(r.PolicyName.Value))
		w.line("if aws iam list-attached-%s-policies --%s-name %s --query 'AttachedPolicies[].PolicyArn' --output text%s 2>/dev/null | tr '\\t' '\\n' | grep -qxF -- \"$revoked_arn\"; then",
			kind, kind, entity, at)
		w.line("  aws iam detach-%s-policy --%s-name %s --policy-arn \"$revoked_arn\"%s", kind, kind, entity, at)
		w.line("fi")
		if kind == "user" {
			w.line("for key in $(aws iam list-access-keys --user-name %s --query \"AccessKeyMetadata[?Status=='Active'].AccessKeyId\" --output text%s 2>/dev/null); do", entity, at)
			w.line("  aws iam update-access-key --user-name %s --access-key-id \"$key\" --status Inactive%s", entity, at)
			w.line("done")
		}
	}
	w.line("")
}
