package export

import (
	"fmt"

	"github.com/teramot/teramotc/pkg/spec"
)

// revokedNotices says, for the terraform and cloudformation exports, that
// each revoked_grant is left out, and what the tool then does instead of
// revoking: with the state of an earlier export that had the grant, the
// next run (tool) deletes the resources that export created for it (the
// policy attachment, the managed policy, the user or role), which IAM
// refuses (DeleteConflict) for a user or role that still has access keys
// or other policies. The address names the block, never a (possibly
// sensitive) user or role name.
func revokedNotices(s *spec.Spec, tool string) []string {
	var out []string
	for _, r := range s.RevokedGrants {
		out = append(out, fmt.Sprintf("%s is not exported: this format cannot revoke. If an earlier export of this spec created "+
			"the grant, the next %s deletes what it created for it (the policy attachment, the managed policy and the "+
			"user or role) instead of teramotc's revocation (detach, keys deactivated, nothing deleted); IAM refuses to delete "+
			"a user or role that still has access keys or other policies (DeleteConflict), which then keeps them. Review that "+
			"plan, or revoke with teramotc apply or the aws-cli export's apply.sh", r.Address, tool))
	}
	return out
}
