package apply

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/pkg/render"
)

// writeIAM performs the IAM writes of one change; cur is the item's live
// state now (the revoke stage may have narrowed it since the plan).
func (e *Engine) writeIAM(ctx context.Context, c *Change, cur any) error {
	it := c.item
	w, _ := it.Desired.(map[string]any)
	switch it.Type {
	case TIAMUser:
		path := aws.String(str(w["Path"]))
		if c.Action == ActionCreate {
			a := e.attemptsOf(ctx)
			_, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(it.Name), Path: path}, a.countIAM)
			if adopt, err := e.settleCreate(ctx, a, it, err); !adopt {
				return err // created, failed, or created by someone else (create_race.go)
			}
			// Created by an earlier attempt of this run: set the path as below.
		}
		// The user exists with another path (the user's only other
		// field): move it, as the plan's "~ Path" says.
		_, err := e.C.IAM.UpdateUser(ctx, &iam.UpdateUserInput{UserName: aws.String(it.Name), NewPath: path})
		return err
	case TIAMRole:
		return e.writeRole(ctx, c, cur)
	case TManagedPolicy:
		return e.writeManagedPolicy(ctx, c, it.Doc, c.Action == ActionCreate)
	case TAttachment:
		kind, name := splitOwner(it.Owner)
		arn := aws.String(e.policyARN(it.Name))
		if kind == "user" {
			if err := e.checkKeysAtGrant(ctx, name, it.Name); err != nil {
				return err
			}
			_, err := e.C.IAM.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: aws.String(name), PolicyArn: arn})
			return err
		}
		_, err := e.C.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String(name), PolicyArn: arn})
		return err
	case TAccessKey:
		return e.createAccessKey(ctx, it)
	}
	return fmt.Errorf("no IAM writer for %s", it.Type)
}

// writeIAMDoc writes doc, the revoke phase of a live trust or managed
// policy (phase.go), as the role's trust policy or the policy's new
// default version.
func (e *Engine) writeIAMDoc(ctx context.Context, c *Change, doc any) error {
	if c.Type == TIAMRole {
		_, err := e.C.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String(c.Name),
			PolicyDocument: aws.String(string(render.MarshalValue(doc)))})
		return err
	}
	return e.writeManagedPolicy(ctx, c, doc, false)
}

func (e *Engine) writeRole(ctx context.Context, c *Change, cur any) error {
	it := c.item
	w, _ := it.Desired.(map[string]any)
	trust := string(render.MarshalValue(it.Doc))
	if c.Action == ActionCreate {
		a := e.attemptsOf(ctx)
		_, err := e.C.IAM.CreateRole(ctx, &iam.CreateRoleInput{
			RoleName: aws.String(it.Name), Path: aws.String(str(w["Path"])),
			AssumeRolePolicyDocument: aws.String(trust), MaxSessionDuration: aws.Int32(int32(num(w["MaxSessionDuration"]))),
		}, a.countIAM)
		if adopt, err := e.settleCreate(ctx, a, it, err); !adopt {
			return err // see create_race.go
		}
	}
	b, _ := cur.(map[string]any)
	if b == nil || !equal(b["AssumeRolePolicyDocument"], w["AssumeRolePolicyDocument"]) {
		if _, err := e.C.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String(it.Name), PolicyDocument: aws.String(trust)}); err != nil {
			return err
		}
	}
	if b == nil || num(b["MaxSessionDuration"]) != num(w["MaxSessionDuration"]) {
		_, err := e.C.IAM.UpdateRole(ctx, &iam.UpdateRoleInput{RoleName: aws.String(it.Name), MaxSessionDuration: aws.Int32(int32(num(w["MaxSessionDuration"])))})
		return err
	}
	return nil
}

// writeManagedPolicy creates the policy or adds a new default version,
// first deleting the oldest non-default version when five exist.
func (e *Engine) writeManagedPolicy(ctx context.Context, c *Change, document any, create bool) error {
	it := c.item
	doc := aws.String(string(render.MarshalValue(document)))
	arn := aws.String(e.policyARN(it.Name))
	if create {
		a := e.attemptsOf(ctx)
		_, err := e.C.IAM.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String(it.Name), PolicyDocument: doc,
			Description: aws.String("Managed by teramotc (" + it.Address + ")")}, a.countIAM)
		if adopt, err := e.settleCreate(ctx, a, it, err); !adopt {
			return err // see create_race.go
		}
	}
	vs, err := e.C.IAM.ListPolicyVersions(ctx, &iam.ListPolicyVersionsInput{PolicyArn: arn})
	if err != nil {
		return err
	}
	if len(vs.Versions) >= 5 {
		old := vs.Versions
		sort.Slice(old, func(i, j int) bool { return aws.ToTime(old[i].CreateDate).Before(aws.ToTime(old[j].CreateDate)) })
		for _, v := range old {
			if !v.IsDefaultVersion {
				if _, err := e.C.IAM.DeletePolicyVersion(ctx, &iam.DeletePolicyVersionInput{PolicyArn: arn, VersionId: v.VersionId}); err != nil {
					return err
				}
				break
			}
		}
	}
	_, err = e.C.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: arn, PolicyDocument: doc, SetAsDefault: true})
	return err
}

// createAccessKey creates a key for the user and writes it to a new 0600
// file in KeyDir. The secret goes nowhere else.
//
// CreateAccessKey is not idempotent: each call that reaches IAM makes a
// new key, and its secret is in that call's answer only. So it is sent at
// most once per run: the SDK's retryer is limited to one attempt for it (a
// retry after a timeout or a dropped connection would make a second key
// while the first one's secret is lost), and an error that does not prove
// the key was not created is returned as a *Problem that hides the AWS
// error from the resource-level retry (retry.go retries only errors it can
// classify). Only an answer that proves nothing was created (keyNotCreated:
// throttling, the user not visible yet) is retried by that layer.
func (e *Engine) createAccessKey(ctx context.Context, it *Item) error {
	user := it.Name
	// The plan creates a key only when the user had none; one that is
	// there now was made since (another apply of this spec at the same
	// time): stop rather than make a second.
	before, err := e.listAccessKeys(ctx, user)
	if err != nil {
		return err
	}
	if len(before) > 0 {
		ids := keyIDs(before)
		return &Problem{Summary: fmt.Sprintf("user %s has access key %s, created since the plan", user, keyNames(ids)),
			Detail: fmt.Sprintf("apply creates a key only when the user has none, and this one appeared after the plan listed the user's keys: "+
				"another apply of this spec is probably running (concurrent applies of one spec are not supported). No key was created. "+
				"Let the other run finish, then run plan again; if nobody holds the key's secret, delete it (%s).", deleteKeyCommands(user, ids))}
	}
	path := e.keyFilePath(user)
	// The file is reserved before the call: left empty, it marks a key
	// whose secret was not saved (a killed run), which the next apply
	// reports instead of granting the key access (keyGrantProblem).
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("cannot create the access key file (it must not exist yet): %w", err)
	}
	// For the returns before the key is written (writeKeyRecord closes f
	// itself and reports Close's error; closing again is harmless).
	defer f.Close()
	if err := ctx.Err(); err != nil { // interrupted before the key exists
		os.Remove(path)
		return err
	}
	// Once sent, the request is not cancelled by an interrupt: AWS could
	// create the key after the client gave up, and its secret, returned
	// only in this answer, would be lost. The client's request timeout
	// still bounds it.
	out, err := e.C.IAM.CreateAccessKey(context.WithoutCancel(ctx), &iam.CreateAccessKeyInput{UserName: aws.String(user)}, sendOnce)
	if err != nil {
		if keyNotCreated(err) {
			os.Remove(path)
			return err
		}
		return e.keyOutcomeUnknown(ctx, user, path, before, err)
	}
	id := aws.ToString(out.AccessKey.AccessKeyId)
	rec := map[string]string{"UserName": user, "AccessKeyId": id, "SecretAccessKey": aws.ToString(out.AccessKey.SecretAccessKey)}
	if err := writeKeyRecord(f, rec); err != nil {
		return &Problem{Summary: fmt.Sprintf("access key %s of user %s was created, but writing %s failed: %v", keyNames([]string{id}), user, path, err),
			Detail: fmt.Sprintf("Its secret is lost. Delete the key (%s), remove %s, and run apply again.", deleteKeyCommands(user, []string{id}), path)}
	}
	e.keys.setCreated(user, id)
	e.mu.Lock()
	e.keyFiles = append(e.keyFiles, path)
	e.mu.Unlock()
	e.report(ProgressEvent{Kind: ProgressKeyFile, Change: changeOf(ctx), Subject: user, Detail: path})
	// Another run may have created a key at the same time (its own
	// re-check came before this key existed): report what it left.
	keys, err := e.listAccessKeys(context.WithoutCancel(ctx), user)
	if err == nil {
		if others := slices.DeleteFunc(activeIDs(keys), func(k string) bool { return k == id }); len(others) > 0 {
			return &Problem{Summary: fmt.Sprintf("user %s has %d active access keys after this run created %s (written to %s)", user, len(others)+1, keyNames([]string{id}), path),
				Detail: fmt.Sprintf("Another apply of this spec created %s at the same time (concurrent applies of one spec are not supported), "+
					"so this run stops before granting the user access. Keep one key: delete each other key nobody holds (%s), then run apply again.",
					keyNames(others), deleteKeyCommands(user, others))}
		}
	}
	return nil
}

// syncWriteCloser is the part of *os.File writeKeyRecord uses.
type syncWriteCloser interface {
	io.Writer
	Sync() error
	Close() error
}

// writeKeyRecord writes rec as indented JSON to f, syncs it to disk and
// closes f, returning the first error. The record holds the only copy of a
// secret, so a failed Sync or Close counts as much as a failed write: the
// secret may not be on disk. f is closed whatever happens.
func writeKeyRecord(f syncWriteCloser, rec map[string]string) error {
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	err := enc.Encode(rec)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// sendOnce limits the SDK retryer of one call to a single attempt.
func sendOnce(o *iam.Options) {
	if o.Retryer == nil {
		o.Retryer = aws.NopRetryer{}
		return
	}
	o.Retryer = retry.AddWithMaxAttempts(o.Retryer, 1)
}

// keyOutcomeUnknown reports a CreateAccessKey whose answer was lost: the
// key may exist, its secret is gone, and the reserved (empty) key file is
// kept to say so. The keys are listed again to name the new one.
func (e *Engine) keyOutcomeUnknown(ctx context.Context, user, path string, before []accessKey, err error) error {
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.C.requestTimeout())
	defer cancel()
	what := "an access key of user " + user + " may have been created"
	check := fmt.Sprintf("check with aws iam list-access-keys --user-name %s, delete the new key (aws iam delete-access-key --user-name %s --access-key-id ID)", user, user)
	if keys, lerr := e.listAccessKeys(lctx, user); lerr == nil {
		var added []string
		for _, k := range keys {
			if !slices.Contains(keyIDs(before), k.ID) {
				added = append(added, k.ID)
			}
		}
		if len(added) == 0 {
			what = "no access key of user " + user + " appeared, but one may still be created"
		} else {
			what = fmt.Sprintf("access key %s of user %s was created", keyNames(added), user)
			check = "delete it (" + deleteKeyCommands(user, added) + ")"
		}
	}
	return &Problem{Summary: fmt.Sprintf("CreateAccessKey got no answer (%s): %s, and its secret is lost", short(err), what),
		Detail: fmt.Sprintf("AWS returns a key's secret only in the answer to CreateAccessKey, and teramotc does not send that call again, since a second call makes a second key. "+
			"The empty %s marks the lost key: %s, remove %s, and run apply again; it creates a new key.", path, check, path),
		Err: errors.New(redactErr(err).Error())} // the text only: the resource-level retry must not see the AWS error
}
