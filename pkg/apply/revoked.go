package apply

// Revoked grants (spec revoked_grant blocks): the access a former grant
// gave, which apply removes at the revoke step (StepRevoke), before any
// other write. Two items per block: the policy attachment, detached, and
// for a user its access keys, deactivated. Nothing is deleted: the user
// or role, its keys and the managed policy stay (docs/apply.md, "Revoking
// a grant").

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/teramot/teramotc/pkg/spec"
)

// iamRevoker is the part of the IAM client that removes a revoked grant's
// access; a client without it cannot revoke (the change fails).
type iamRevoker interface {
	DetachUserPolicy(context.Context, *iam.DetachUserPolicyInput, ...func(*iam.Options)) (*iam.DetachUserPolicyOutput, error)
	DetachRolePolicy(context.Context, *iam.DetachRolePolicyInput, ...func(*iam.Options)) (*iam.DetachRolePolicyOutput, error)
	UpdateAccessKey(context.Context, *iam.UpdateAccessKeyInput, ...func(*iam.Options)) (*iam.UpdateAccessKeyOutput, error)
}

// revokedItems returns the items of the revoked grants: the attachment of
// each (Desired: not attached) and, once per revoked user (IAM names are
// unique whatever their case), its access keys (Desired: none active),
// which carries the names of every policy revoked from that user.
func revokedItems(rs []*spec.RevokedGrant) []*Item {
	var items []*Item
	keysOf := map[string]*Item{} // lower-case user name -> its access-key item
	for _, r := range rs {
		kind, name := r.Principal()
		if kind == "" || name.Value == "" || r.PolicyName.Value == "" {
			continue // invalid: reported by validation
		}
		owner := kind + "/" + name.Value
		items = append(items, &Item{Type: TAttachment, Address: r.Address, Name: r.PolicyName.Value, Owner: owner, Step: StepRevoke, Revoke: true,
			Desired: map[string]any{"PolicyName": r.PolicyName.Value, "Attached": false}})
		if kind != "user" {
			continue
		}
		k := keysOf[strings.ToLower(name.Value)]
		if k == nil {
			k = &Item{Type: TAccessKey, Address: r.Address, Name: name.Value, Owner: owner, Step: StepRevoke, Revoke: true,
				Desired: map[string]any{"ActiveKeys": []any{}}}
			keysOf[strings.ToLower(name.Value)] = k
			items = append(items, k)
		}
		k.revokedPolicies = append(k.revokedPolicies, r.PolicyName.Value)
	}
	return items
}

// readRevoked reads a revoked grant's item: whether the policy is still
// attached ({"PolicyName", "Attached"}), or the user's active access keys
// ({"ActiveKeys": [...]}, named as keyNames does). A user or role that
// does not exist is absent (NoSuchEntity): nothing to revoke. When the
// user has active keys and holds access beyond the revoked policies
// (other managed or inline policies, groups: identityExtras), that access
// is listed under "KeptBy": the keys are its credential too (a grant of
// another spec, say), so they stay active (revokedChange).
func (e *Engine) readRevoked(ctx context.Context, it *Item) (any, error) {
	if it.Type == TAccessKey {
		keys, err := e.listAccessKeys(ctx, it.Name)
		if err != nil {
			return nil, err
		}
		active := []any{}
		for _, id := range activeIDs(keys) {
			active = append(active, keyNames([]string{id}))
		}
		sort.Slice(active, func(i, j int) bool { return active[i].(string) < active[j].(string) })
		st := map[string]any{"ActiveKeys": active}
		if len(active) == 0 {
			return st, nil
		}
		var declared []string
		for _, n := range it.revokedPolicies {
			declared = append(declared, e.policyARN(n))
		}
		x, err := e.identityExtras(ctx, "user", it.Name, declared)
		if err != nil {
			return nil, err
		}
		if kept := keptBy(x); len(kept) > 0 {
			st["KeptBy"] = kept
		}
		return st, nil
	}
	arns, err := e.attachedPolicies(ctx, it.Owner)
	if err != nil {
		return nil, err
	}
	return map[string]any{"PolicyName": it.Name, "Attached": slices.Contains(arns, e.policyARN(it.Name))}, nil
}

// keptBy names the access x holds, sorted ("managed policy ARN", "inline
// policy NAME", "group NAME").
func keptBy(x identityExtras) []any {
	var out []any
	for _, a := range x.managed {
		out = append(out, "managed policy "+a)
	}
	for _, n := range x.inline {
		out = append(out, "inline policy "+n)
	}
	for _, g := range x.groups {
		out = append(out, "group "+g)
	}
	return out
}

// revokedChange is the change of a revoked grant's item whose live state
// still holds the access (nil when it does not, or the identity does not
// exist): a detach (ActionDelete) or the deactivation of the active keys.
func revokedChange(it *Item, before any) *Change {
	if before == nil || equal(before, it.Desired) {
		return nil
	}
	if m, _ := before.(map[string]any); m["KeptBy"] != nil {
		return nil // the keys stay active: the user holds other access (warnRevokedExtras)
	}
	c := &Change{Type: it.Type, Name: it.Name, Owner: it.Owner, Address: it.Address, Step: StepRevoke, Risk: RiskTighten,
		Sensitive: it.Sensitive, item: it, secrets: it.secrets, before: before}
	if it.Type == TAttachment {
		c.Action, c.Before = ActionDelete, before
		c.Reason = "revoked grant: removes the policy's permissions from the " + ownerKind(it.Owner) + "; the " + ownerKind(it.Owner) + " and the policy stay"
		return c
	}
	was, now := map[string]any{}, map[string]any{}
	keys, _ := before.(map[string]any)["ActiveKeys"].([]any)
	for _, k := range keys {
		was[fmt.Sprint(k)], now[fmt.Sprint(k)] = string(iamtypes.StatusTypeActive), string(iamtypes.StatusTypeInactive)
	}
	c.Action, c.Before, c.After = ActionUpdate, map[string]any{"AccessKeys": was}, map[string]any{"AccessKeys": now}
	c.Reason = "revoked grant: the user holds no other policy or group, so its keys stop working; they are not deleted"
	return c
}

func ownerKind(owner string) string {
	kind, _ := splitOwner(owner)
	return kind
}

// writeRevoked removes the access of a revoked grant's item: detaches the
// policy, or sets every active key of the user Inactive (listed again, so
// a key made since the plan is deactivated too). A policy already
// detached, or a key deleted since, is no error: the read-back confirms
// the state. A user or role deleted since the plan is *identityGone: the
// access is gone with it, and there is nothing to read back.
func (e *Engine) writeRevoked(ctx context.Context, it *Item) error {
	rv, ok := e.C.IAM.(iamRevoker)
	if !ok {
		return fmt.Errorf("the IAM client cannot detach policies or deactivate access keys")
	}
	kind, name := splitOwner(it.Owner)
	if it.Type == TAccessKey {
		keys, err := e.listAccessKeys(ctx, name)
		if isNotFound(err) {
			return &identityGone{kind: kind, name: name} // deleted since the plan: no key is left
		}
		if err != nil {
			return err
		}
		for _, id := range activeIDs(keys) {
			if _, err := rv.UpdateAccessKey(ctx, &iam.UpdateAccessKeyInput{UserName: aws.String(name), AccessKeyId: aws.String(id),
				Status: iamtypes.StatusTypeInactive}); err != nil && !isNotFound(err) { // a key deleted since: nothing to deactivate
				return err
			}
		}
		return nil
	}
	arn := aws.String(e.policyARN(it.Name))
	var err error
	if kind == "user" {
		_, err = rv.DetachUserPolicy(ctx, &iam.DetachUserPolicyInput{UserName: aws.String(name), PolicyArn: arn})
	} else {
		_, err = rv.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: aws.String(name), PolicyArn: arn})
	}
	if isNotFound(err) {
		return e.detachedOrGone(ctx, it) // the attachment, or the user or role itself, was deleted since the plan
	}
	return err
}

// writeRevokedChange performs a revoked grant's change in the revoke stage
// and waits until it reads back on ReadBackEqual consecutive reads; the
// other stages have nothing to write for it.
func (e *Engine) writeRevokedChange(ctx context.Context, p *Plan, c *Change, phase, label string, started func(string)) error {
	it := c.item
	if phase != phaseRevoke {
		return nil
	}
	started(phase)
	err := e.converge(ctx, label, it, func() error { return e.writeRevoked(ctx, it) }, it.Desired, e.ReadBackEqual)
	if gone := (*identityGone)(nil); errors.As(err, &gone) {
		e.report(ProgressEvent{Kind: ProgressWarning, Detail: gone.note(it)}) // done: nothing left to read back
		err = nil
	}
	if err != nil {
		return err
	}
	p.live.set(it.Key(), it.Desired)
	return nil
}

// warnRevokedExtras warns about what each revoked user or role that exists
// still holds beyond the policies the plan detaches: inline policies,
// other managed policies and groups, which apply leaves (identityExtras),
// and, for a user with active keys, that the keys stay active for it; and
// about a revoked user's console password (revokedLoginWarning).
func (e *Engine) warnRevokedExtras(ctx context.Context, p *Plan) {
	declared := map[string][]string{} // lower-case owner -> ARNs of its revoked policies
	keyItem := map[string]*Item{}     // lower-case owner -> its revoked access-key item
	for _, it := range p.items {
		if it.Revoke && it.Type == TAttachment {
			declared[strings.ToLower(it.Owner)] = append(declared[strings.ToLower(it.Owner)], e.policyARN(it.Name))
		}
		if it.Revoke && it.Type == TAccessKey {
			keyItem[strings.ToLower(it.Owner)] = it
		}
	}
	seen := map[string]bool{}
	for _, it := range p.items {
		lo := strings.ToLower(it.Owner)
		if !it.Revoke || it.Type != TAttachment || seen[lo] || p.live == nil || p.live.get(it.Key()) == nil {
			continue
		}
		seen[lo] = true // one warning per identity
		if w := e.revokedExtrasWarning(ctx, p, it, declared[lo], keyItem[lo]); w != "" {
			p.Warnings = append(p.Warnings, w)
		}
		if kind, name := splitOwner(it.Owner); kind == "user" {
			if w := e.revokedLoginWarning(ctx, name, it.Address); w != "" {
				p.Warnings = append(p.Warnings, w)
			}
		}
	}
}

// revokedExtrasWarning is the warning about what the revoked identity of
// attachment item it holds beyond declared (the ARNs of its revoked
// policies), "" when nothing; k is its revoked access-key item (nil for a
// role).
func (e *Engine) revokedExtrasWarning(ctx context.Context, p *Plan, it *Item, declared []string, k *Item) string {
	kind, name := splitOwner(it.Owner)
	x, err := e.identityExtras(ctx, kind, name, declared)
	if err != nil {
		return fmt.Sprintf("could not list the policies and groups of revoked %s %s (%v), so the plan "+
			"cannot tell whether it keeps access; check with: %s", kind, name, err, inspectCommands(kind, name))
	}
	parts := extrasParts(kind, name, x)
	if len(parts) == 0 {
		return ""
	}
	keep := fmt.Sprintf("apply detaches only the revoked grant's policy, so the %s keeps this", kind)
	if k != nil && p.live.get(k.Key()) != nil {
		st, _ := p.live.get(k.Key()).(map[string]any)
		if active, _ := st["ActiveKeys"].([]any); len(active) > 0 {
			keep = fmt.Sprintf("apply detaches only the revoked grant's policy and leaves the user's access keys (%s) active: "+
				"they are the credential of this access too (a grant of another spec, say), and deactivating them would end it. "+
				"The first apply after the user holds nothing else deactivates them; to end all its access now, deactivate "+
				"them by hand (aws iam list-access-keys --user-name %s, then aws iam update-access-key --user-name %s "+
				"--access-key-id ID --status Inactive)", joinAny(active), name, name)
		}
	}
	return fmt.Sprintf("revoked %s %s (%s) still holds access the spec does not declare: %s. %s; inspect it with %s",
		kind, name, it.Address, joinParts(parts), keep, inspectCommands(kind, name))
}

func joinAny(vs []any) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}
