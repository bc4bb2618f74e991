package render

import (
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// permissionActions maps each grant permission to its S3 action. read, write
// and delete act on objects, list on the bucket.
var permissionActions = map[string]string{
	"read":   "s3:GetObject",
	"write":  "s3:PutObject",
	"delete": "s3:DeleteObject",
	"list":   "s3:ListBucket",
}

// grant renders a grant's identity policy and, for a cross-account role, its
// trust policy.
func (r *renderer) grant(g *spec.Grant) {
	b := r.bucketFor(g.Bucket, "grant \""+g.Label+"\"")
	if b == nil {
		return
	}
	dir := "grants/" + g.Label + "/"
	p := r.identityPolicy(g, b)
	d := r.add(dir+"identity-policy.json", KindIdentityPolicy, g.Block, p.document(), p.prov)
	d.Sensitive = g.Prefix.Sensitive || g.ExtraActions.Sensitive || g.Permissions.Sensitive
	if g.Role != nil {
		r.trustPolicy(dir, g)
	}
}

// identityPolicy builds the grant's statements, each with a fixed Sid:
// ObjectAccess (object actions on NAME/PREFIX*), ListBucket (s3:ListBucket
// and s3:ListBucketVersions on the bucket, limited to the prefix with an
// s3:prefix condition),
// BucketAccess (other bucket-level extra actions, no condition) and
// KMSAccess (kms:Decrypt for read, kms:Decrypt and kms:GenerateDataKey for
// write, on the bucket's key when it uses SSE-KMS). Actions keep the order read, write,
// delete, then the extra actions as written.
func (r *renderer) identityPolicy(g *spec.Grant, b *spec.Bucket) *policy {
	has := map[string]bool{}
	for _, p := range g.Permissions.Value {
		has[p] = true
	}
	var objectActions, listActions, bucketActions []string
	for _, p := range []string{"read", "write", "delete"} {
		if has[p] {
			objectActions = append(objectActions, permissionActions[p])
		}
	}
	if has["list"] {
		listActions = append(listActions, permissionActions["list"])
	}
	for _, a := range g.ExtraActions.Value {
		switch {
		case isObjectAction(a):
			objectActions = appendNew(objectActions, a)
		case isListingAction(a):
			listActions = appendNew(listActions, a)
		default:
			bucketActions = appendNew(bucketActions, a)
		}
	}

	name, prefix := b.Name.Value, g.Prefix.Value
	p := &policy{}
	if len(objectActions) > 0 {
		p.add(stmt{Sid: "ObjectAccess", Effect: "Allow", Actions: objectActions,
			Resources: []string{r.objectARN(name, prefix)}}, g.Permissions.Range)
	}
	if len(listActions) > 0 {
		s := stmt{Sid: "ListBucket", Effect: "Allow", Actions: listActions,
			Resources: []string{r.bucketARN(name)}}
		if prefix != "" {
			s.Condition = cond("StringLike", "s3:prefix", prefix, prefix+"*")
		}
		rng := g.Permissions.Range
		if !has["list"] {
			rng = g.ExtraActions.Range
		}
		p.add(s, rng)
	}
	if len(bucketActions) > 0 {
		p.add(stmt{Sid: "BucketAccess", Effect: "Allow", Actions: bucketActions,
			Resources: []string{r.bucketARN(name)}}, g.ExtraActions.Range)
	}
	if key := b.Encryption.KMSKeyARN.Value; usesKMS(b) && key != "" {
		// A multipart upload to an SSE-KMS bucket needs kms:Decrypt as
		// well as kms:GenerateDataKey: S3 decrypts the uploaded parts to
		// assemble them (https://repost.aws/knowledge-center/s3-large-file-encryption-kms-key;
		// S3 User Guide, "Multipart upload API and permissions"). The aws
		// CLI and the SDKs' transfer managers upload large files in parts,
		// so write gets both.
		var kms []string
		if has["read"] || has["write"] {
			kms = append(kms, "kms:Decrypt")
		}
		if has["write"] {
			kms = append(kms, "kms:GenerateDataKey")
		}
		if len(kms) > 0 {
			p.add(stmt{Sid: "KMSAccess", Effect: "Allow", Actions: kms,
				Resources: []string{key}}, b.Encryption.KMSKeyARN.Range)
		}
	}
	return p
}

// isListingAction reports the bucket actions that the s3:prefix condition
// key restricts (IAM action names are case-insensitive).
func isListingAction(a string) bool {
	return strings.EqualFold(a, "s3:ListBucket") || strings.EqualFold(a, "s3:ListBucketVersions")
}

// isObjectAction reports whether an S3 action applies to object ARNs, by the
// resource type the AWS Service Authorization Reference gives it (the
// action data pkg/spec ships), case-insensitively. Everything else,
// wildcards included, goes on the bucket ARN, where lint (TMC501, TMC503)
// can see it; validate rejects extra actions that act on neither.
func isObjectAction(a string) bool {
	return spec.S3ActionResource(a) == "object"
}

func appendNew(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
