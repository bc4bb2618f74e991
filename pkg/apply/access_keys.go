package apply

// Access keys of the users whose grant sets create_access_key. AWS returns
// a key's secret once, in the answer to CreateAccessKey, so a key whose
// answer was lost (a killed run, a timeout) is a working credential that
// nobody holds. teramotc accounts for a key by its key file,
// KEYDIR/USER.access-key.json (KEYDIR/grant.LABEL.access-key.json when the
// user name is sensitive), which names the key id; a key it does not
// account for is reported by plan and never granted access by apply
// (docs/apply.md, "Access keys").

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	smithy "github.com/aws/smithy-go"
)

// accessKey is one key of a user as ListAccessKeys shows it (the id is
// not secret; the secret is never listed).
type accessKey struct{ ID, Status string }

// accessKeyBook is what an engine knows about the keys of the users whose
// grant sets create_access_key: the keys as last listed, and the key this
// run created and wrote to its file.
type accessKeyBook struct {
	mu      sync.Mutex
	listed  map[string][]accessKey
	created map[string]string
	// files names the key file of each user whose name is sensitive
	// after the grant's address (grant.LABEL), not the user.
	files map[string]string
}

func (b *accessKeyBook) setListed(user string, keys []accessKey) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.listed == nil {
		b.listed = map[string][]accessKey{}
	}
	b.listed[user] = keys
}

// keysOf returns the user's keys as last listed, and whether they were
// listed at all (the user's grant sets create_access_key).
func (b *accessKeyBook) keysOf(user string) ([]accessKey, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	k, ok := b.listed[user]
	return k, ok
}

func (b *accessKeyBook) setCreated(user, id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.created == nil {
		b.created = map[string]string{}
	}
	b.created[user] = id
}

func (b *accessKeyBook) createdBy(user string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.created[user]
}

// listAccessKeys lists the user's keys (IAM allows two, one page) and
// records them.
func (e *Engine) listAccessKeys(ctx context.Context, user string) ([]accessKey, error) {
	keys := []accessKey{}
	in := &iam.ListAccessKeysInput{UserName: aws.String(user)}
	for {
		out, err := e.C.IAM.ListAccessKeys(ctx, in)
		if err != nil {
			return nil, err
		}
		for _, k := range out.AccessKeyMetadata {
			keys = append(keys, accessKey{ID: aws.ToString(k.AccessKeyId), Status: string(k.Status)})
		}
		if !out.IsTruncated || out.Marker == nil {
			break
		}
		in.Marker = out.Marker
	}
	e.keys.setListed(user, keys)
	return keys, nil
}

func activeIDs(keys []accessKey) []string {
	var ids []string
	for _, k := range keys {
		if k.Status == "" || k.Status == string(iamtypes.StatusTypeActive) {
			ids = append(ids, k.ID)
		}
	}
	return ids
}

func keyIDs(keys []accessKey) []string {
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	return ids
}

// keyGrantProblem returns a *Problem when user has an active access key
// that apply cannot account for (neither created by this run nor named by
// the user's key file in KeyDir): granting policy to the user would make
// that key, whose secret nobody may hold, a working credential for the
// grant. nil when every active key is accounted for.
func (e *Engine) keyGrantProblem(user, policy string, keys []accessKey) error {
	path := e.keyFileFound(user)
	kf, err := readKeyFile(path)
	if err != nil {
		return &Problem{Summary: fmt.Sprintf("cannot read the key file %s: %v", path, err),
			Detail: "apply reads it to tell a key it created from one nobody holds. Nothing was written to AWS.", Err: err}
	}
	var unknown []string
	for _, id := range activeIDs(keys) {
		if id != kf.id && id != e.keys.createdBy(user) {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	del := deleteKeyCommands(user, unknown)
	if kf.empty {
		return &Problem{Summary: fmt.Sprintf("%s is empty: access key %s of user %s was created, but its secret was not saved", path, keyNames(unknown), user),
			Detail: fmt.Sprintf("An earlier apply stopped between creating the key and writing it to its file, and AWS shows a key's secret only once. "+
				"apply does not attach %s to %s while that key exists. Delete it (%s), remove the empty %s, and run apply again: it creates a new key. Nothing was written to AWS.",
				policy, user, del, path)}
	}
	return &Problem{Summary: fmt.Sprintf("user %s has access key %s, which no key file in -key-dir accounts for", user, keyNames(unknown)),
		Detail: fmt.Sprintf("This run attaches %s to %s, which would let that key use the grant, but %s does not name it: "+
			"an apply stopped between creating the key and saving its secret, another apply ran at the same time, or the key was made outside teramotc. "+
			"If nobody holds its secret, delete it (%s) and run apply again: it creates a new key. "+
			"To keep a key you hold, run apply with the -key-dir that holds its file, or set create_access_key = false in the grant (teramotc then leaves the user's keys to you). "+
			"Nothing was written to AWS.", policy, user, path, del)}
}

// keyNames names keys by the first and last four characters of their ids
// (AKIA…2BOO). Every access key id in printed text is masked (the CLI's
// output Redactor, spec.MaskAccessKeys), so a full id would read as
// "****"; aws iam list-access-keys shows the full ids.
func keyNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if len(id) > 8 {
			names[i] = id[:4] + "…" + id[len(id)-4:]
		}
	}
	return strings.Join(names, ", ")
}

// deleteKeyCommands says how to delete the keys ids of user.
func deleteKeyCommands(user string, ids []string) string {
	return fmt.Sprintf("aws iam delete-access-key --user-name %s --access-key-id ID, with the full id of %s from aws iam list-access-keys --user-name %s",
		user, keyNames(ids), user)
}

// checkKeysBeforeGrants is CheckKeyDir's check of the users the plan
// attaches a policy to: none may have an active key apply cannot account
// for (keys as the plan listed them).
func (e *Engine) checkKeysBeforeGrants(p *Plan) error {
	for _, c := range p.Changes {
		kind, user := splitOwner(c.Owner)
		if c.Type != TAttachment || c.Action != ActionCreate || kind != "user" || c.Unsupported != "" {
			continue
		}
		keys, managed := e.keys.keysOf(user)
		if !managed {
			continue
		}
		if err := e.keyGrantProblem(user, c.Name, keys); err != nil {
			return err
		}
	}
	return nil
}

// checkKeysAtGrant is run right before a policy is attached to user: when
// the user's grant sets create_access_key, its keys are listed again
// (another run may have added one) and the attachment is refused while an
// active key is unaccounted for.
func (e *Engine) checkKeysAtGrant(ctx context.Context, user, policy string) error {
	if _, managed := e.keys.keysOf(user); !managed {
		return nil
	}
	keys, err := e.listAccessKeys(ctx, user)
	if err != nil {
		return err
	}
	return e.keyGrantProblem(user, policy, keys)
}

// warnAccessKeys adds the plan's warnings about the keys of users whose
// grant sets create_access_key: a key the plan does not create while it
// attaches the user's policy (apply refuses unless the key's file is in
// -key-dir), more active keys than the one the spec asks for, and keys
// that all are Inactive (inactiveKeysWarning).
func (e *Engine) warnAccessKeys(p *Plan) {
	for _, it := range p.items {
		if it.Type != TAccessKey || it.Revoke {
			continue
		}
		keys, _ := e.keys.keysOf(it.Name)
		if w := e.inactiveKeysWarning(it.Name, it.Address, keys); w != "" {
			p.Warnings = append(p.Warnings, w) // access_keys_inactive.go
		}
		active := activeIDs(keys)
		attaching := slices.ContainsFunc(p.Changes, func(c *Change) bool {
			return c.Type == TAttachment && c.Action == ActionCreate && c.Owner == it.Owner
		})
		switch {
		case len(active) > 0 && attaching:
			p.Warnings = append(p.Warnings, fmt.Sprintf("user %s already has access key %s, which this plan does not create, and the plan attaches the grant's policy to %s: "+
				"apply attaches it only if -key-dir holds the key's file (%s, written by the apply that created it). "+
				"If nobody holds its secret (an apply stopped before saving it), delete it: %s; apply then creates a new key. "+
				"To keep a key you hold elsewhere, set create_access_key = false in %s",
				it.Name, keyNames(active), it.Name, filepath.Base(e.keyFilePath(it.Name)), deleteKeyCommands(it.Name, active), it.Address))
		case len(active) > 1:
			p.Warnings = append(p.Warnings, fmt.Sprintf("user %s has %d active access keys (%s); create_access_key asks for one: the others are left from an interrupted or concurrent apply, or were made outside teramotc. "+
				"Delete each key nobody holds (aws iam delete-access-key --user-name %s --access-key-id ID), or keep it knowingly: teramotc never deletes keys",
				it.Name, len(active), keyNames(active), it.Name))
		}
	}
}

// keyNotCreated reports whether a failed CreateAccessKey certainly created
// no key: IAM answered with an error of the request (a client fault, such
// as throttling, a missing user or the two-key limit), or the connection
// was never opened. After anything else (no answer, a timeout, a dropped
// connection, a server fault) the key may exist.
func keyNotCreated(err error) bool {
	var ae smithy.APIError
	if errors.As(err, &ae) && ae.ErrorCode() != "" {
		return ae.ErrorFault() != smithy.FaultServer && httpStatus(err) < 500
	}
	_, refused := connectFailure(err)
	return refused
}
