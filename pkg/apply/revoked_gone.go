package apply

// A revoked grant whose user or role is deleted between plan and apply:
// the detach (or the listing of the user's keys) answers NoSuchEntity, and
// the read-back would find nothing to read until the propagation budget
// runs out. The access went with the identity, so the revocation holds:
// apply counts the change as done at once and says why (docs/apply.md,
// "Revoking a grant").

import (
	"context"
	"fmt"
)

// identityGone is the answer of a revoked grant's write whose user or role
// no longer exists. It does not unwrap to the NoSuchEntity error, which
// retry would take for a propagation delay.
type identityGone struct{ kind, name string }

func (g *identityGone) Error() string {
	return fmt.Sprintf("%s %s does not exist (NoSuchEntity)", g.kind, g.name)
}

// note is the warning apply reports for item it: done, and why.
func (g *identityGone) note(it *Item) string {
	what := fmt.Sprintf("policy %s is no longer attached to it", it.Name)
	if it.Type == TAccessKey {
		what = "no access key of it is left to deactivate"
	}
	return fmt.Sprintf("%s: %s %s was deleted since the plan (IAM answers NoSuchEntity), so %s: the revocation holds, "+
		"counted as done without waiting for a read-back", it.Address, g.kind, g.name, what)
}

// detachedOrGone tells the two NoSuchEntity answers of a detach apart: the
// attachment was removed since the plan (nil: the read-back confirms it),
// or the user or role itself was deleted (listing its policies answers
// NoSuchEntity too: *identityGone). Any other answer of the listing is
// left to the read-back.
func (e *Engine) detachedOrGone(ctx context.Context, it *Item) error {
	if _, err := e.attachedPolicies(ctx, it.Owner); isNotFound(err) {
		kind, name := splitOwner(it.Owner)
		return &identityGone{kind: kind, name: name}
	}
	return nil
}
