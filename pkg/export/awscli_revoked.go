package export

import (
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// revokedGrants writes the script's first step, the counterpart of
// teramotc apply's revoke stage: for each revoked_grant, detach its policy
// from the user or role when it is attached; then, for a user (once, after
// its last revoked_grant), set each active access key Inactive, but only
// when the user holds nothing else
// after the detach (no attached or inline policy, no group): otherwise the
// keys are the credential of that other access too, and stay active. The
// script detaches first because it can only tell what is left by reading
// after the detach (apply decides at plan time and deactivates the keys
// first). The keys are listed when the script runs (a spec cannot name
// them). Every read goes through revoked_read: a user or role that does not
// exist (NoSuchEntity) has nothing to revoke; any other failure
// (AccessDenied...) stops the script with the AWS error. Nothing is
// deleted; a revoked user's console password is reported, as plan does
// (revokedLogin).
func (w *script) revokedGrants(rs []*spec.RevokedGrant, partition string) {
	if len(rs) == 0 {
		return
	}
	w.line("# 0. Revoked grants, first: removals before anything else (nothing is deleted).")
	w.line("# revoked_read runs an aws read of a revoked user or role and prints its output:")
	w.line("# nothing when the identity does not exist (NoSuchEntity); any other failure")
	w.line("# stops the script with the AWS error.")
	w.line("revoked_read() {")
	w.line("  local out err rc=0")
	w.line("  err=$(mktemp)")
	w.line(`  out=$("$@" 2>"$err") || rc=$?`)
	w.line(`  if [ "$rc" -ne 0 ]; then`)
	w.line(`    if grep -q NoSuchEntity "$err"; then rm -f "$err"; return 0; fi`)
	w.line(`    cat "$err" >&2; rm -f "$err"`)
	w.line(`    echo "apply.sh: $3 for $5 failed (above): the revocation stops here." >&2`)
	w.line(`    exit "$rc"`)
	w.line("  fi")
	w.line(`  rm -f "$err"`)
	w.line(`  printf '%%s\n' "$out"`)
	w.line("}")
	at := " --region " + w.global // IAM is global: any region of the partition
	// A user's keys and console password are checked once, after the
	// detach of its last revoked_grant (IAM user names are compared
	// without case), and the notice names its first one, as plan warns
	// once per user.
	last, first := map[string]int{}, map[string]string{}
	for i, r := range rs {
		if kind, name := r.Principal(); kind == "user" {
			lo := strings.ToLower(name.Value)
			last[lo] = i
			if _, ok := first[lo]; !ok {
				first[lo] = r.Address
			}
		}
	}
	for i, r := range rs {
		kind, name := r.Principal()
		if kind == "" {
			continue
		}
		entity := q(name.Value)
		w.line("revoked_arn=\"arn:%s:iam::${account}:policy/\"%s", partition, q(r.PolicyName.Value))
		w.line("attached=$(revoked_read aws iam list-attached-%s-policies --%s-name %s --query 'AttachedPolicies[].PolicyArn' --output text%s)", kind, kind, entity, at)
		w.line(`if printf '%%s\n' "$attached" | tr '\t' '\n' | grep -qxF -- "$revoked_arn"; then`)
		w.line("  aws iam detach-%s-policy --%s-name %s --policy-arn \"$revoked_arn\"%s", kind, kind, entity, at)
		w.line("fi")
		if kind != "user" || last[strings.ToLower(name.Value)] != i {
			continue
		}
		// After the detach: the keys go only when nothing else is left.
		w.line("held_managed=$(revoked_read aws iam list-attached-user-policies --user-name %s --query 'AttachedPolicies[].PolicyArn' --output text%s)", entity, at)
		w.line("held_inline=$(revoked_read aws iam list-user-policies --user-name %s --query 'PolicyNames[]' --output text%s)", entity, at)
		w.line("held_groups=$(revoked_read aws iam list-groups-for-user --user-name %s --query 'Groups[].GroupName' --output text%s)", entity, at)
		w.line(`held=$(printf '%%s\n' $held_managed $held_inline $held_groups | grep -vxE 'None|' || true)`)
		w.line(`if [ -n "$held" ]; then`)
		w.line(`  echo "apply.sh: revoked user "%s" keeps its access keys active: it still holds" $held "(deactivating the keys would end that access too)." >&2`, entity)
		w.line("else")
		w.line("  keys=$(revoked_read aws iam list-access-keys --user-name %s --query \"AccessKeyMetadata[?Status=='Active'].AccessKeyId\" --output text%s)", entity, at)
		w.line("  for key in $keys; do")
		w.line(`    [ "$key" = None ] && continue`)
		w.line("    aws iam update-access-key --user-name %s --access-key-id \"$key\" --status Inactive%s", entity, at)
		w.line("  done")
		w.line("fi")
		w.revokedLogin(entity, first[strings.ToLower(name.Value)], at)
	}
	w.line("")
}

// revokedLogin writes the check of a revoked user's console password (its
// IAM login profile), which teramotc plan warns about: the script reads it
// with revoked_read (NoSuchEntity: no password, or no user; any other
// failure stops the script) and, when there is one, prints plan's advice
// with the command that deletes it, but leaves it (a revocation deletes
// nothing). entity is the quoted user name, at the --region argument.
func (w *script) revokedLogin(entity, address, at string) {
	w.line("login=$(revoked_read aws iam get-login-profile --user-name %s --query 'LoginProfile.UserName' --output text%s)", entity, at)
	w.line(`if [ -n "$login" ]; then`)
	w.line(`  echo "apply.sh: revoked user "%s" ("%s") still has a console password (IAM login profile), which apply.sh leaves: `+
		`whoever holds it can still sign in to the AWS console as the user, with any access the user keeps. `+
		`The password grants no permission by itself, so it does not keep the user's access keys active. `+
		`To end console sign-in, delete it: aws iam delete-login-profile --user-name "%s >&2`, entity, q(address), entity)
	w.line("fi")
}
