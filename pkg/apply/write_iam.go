package apply

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
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
		_, err := e.C.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(it.Name), Path: aws.String(str(w["Path"]))})
		if errorCode(err) == "EntityAlreadyExists" {
			err = nil
		}
		return err
	case TIAMRole:
		return e.writeRole(ctx, c, cur)
	case TManagedPolicy:
		return e.writeManagedPolicy(ctx, c, it.Doc, c.Action == ActionCreate)
	case TAttachment:
		kind, name := splitOwner(it.Owner)
		arn := aws.String(e.policyARN(it.Name))
		if kind == "user" {
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
		_, err := e.C.IAM.CreateRole(ctx, &iam.CreateRoleInput{
			RoleName: aws.String(it.Name), Path: aws.String(str(w["Path"])),
			AssumeRolePolicyDocument: aws.String(trust), MaxSessionDuration: aws.Int32(int32(num(w["MaxSessionDuration"]))),
		})
		if errorCode(err) != "EntityAlreadyExists" {
			return err
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
		_, err := e.C.IAM.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String(it.Name), PolicyDocument: doc,
			Description: aws.String("Managed by teramotc (" + it.Address + ")")})
		if errorCode(err) != "EntityAlreadyExists" {
			return err
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
func (e *Engine) createAccessKey(ctx context.Context, it *Item) error {
	dir := e.KeyDir
	if dir == "" {
		dir = "."
	}
	path := filepath.Join(dir, it.Name+".access-key.json")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("cannot create the access key file (it must not exist yet): %w", err)
	}
	defer f.Close()
	if err := ctx.Err(); err != nil { // interrupted before the key exists
		os.Remove(path)
		return err
	}
	// Once sent, the request is not cancelled by an interrupt: AWS could
	// create the key after the client gave up, and its secret, returned
	// only in this answer, would be lost. The client's request timeout
	// still bounds it.
	out, err := e.C.IAM.CreateAccessKey(context.WithoutCancel(ctx), &iam.CreateAccessKeyInput{UserName: aws.String(it.Name)})
	if err != nil {
		os.Remove(path)
		return err
	}
	rec := map[string]string{
		"UserName":        it.Name,
		"AccessKeyId":     aws.ToString(out.AccessKey.AccessKeyId),
		"SecretAccessKey": aws.ToString(out.AccessKey.SecretAccessKey),
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rec); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	e.mu.Lock()
	e.keyFiles = append(e.keyFiles, path)
	e.mu.Unlock()
	e.logf("access key of user %s written to %s (mode 0600)", it.Name, path)
	return nil
}
