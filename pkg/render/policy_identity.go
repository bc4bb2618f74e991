package render

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

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
// write, on the bucket's key when it uses SSE-KMS, only through S3: see
// s3ViaService). Actions keep the order read, write, delete, then the extra
// actions as written.
//
// Each statement's provenance is permissions when a permission contributes
// to it (permission actions come first), extra_actions otherwise, and the
// key for KMSAccess; each action records the attribute it comes from (see
// actionList.record), so that a finding on an extra action points at
// extra_actions.
func (r *renderer) identityPolicy(g *spec.Grant, b *spec.Bucket) *policy {
	has := map[string]bool{}
	for _, p := range g.Permissions.Value {
		has[p] = true
	}
	perm, extra := g.Permissions.Range, g.ExtraActions.Range
	var objectActions, listActions, bucketActions actionList
	for _, p := range []string{"read", "write", "delete"} {
		if has[p] {
			objectActions.add(permissionActions[p], perm)
		}
	}
	if has["list"] {
		listActions.add(permissionActions["list"], perm)
	}
	for _, a := range g.ExtraActions.Value {
		switch {
		case isObjectAction(a):
			objectActions.add(a, extra)
		case isListingAction(a):
			listActions.add(a, extra)
		default:
			bucketActions.add(a, extra)
		}
	}

	name, prefix := b.Name.Value, g.Prefix.Value
	p := &policy{}
	if len(objectActions.actions) > 0 {
		objectActions.record(p, stmt{Sid: "ObjectAccess", Effect: "Allow",
			Resources: []string{r.objectARN(name, prefix)}}, objectActions.from[0])
	}
	if len(listActions.actions) > 0 {
		s := stmt{Sid: "ListBucket", Effect: "Allow", Resources: []string{r.bucketARN(name)}}
		if prefix != "" {
			s.Condition = cond("StringLike", "s3:prefix", prefix, prefix+"*")
		}
		listActions.record(p, s, listActions.from[0])
	}
	if len(bucketActions.actions) > 0 {
		bucketActions.record(p, stmt{Sid: "BucketAccess", Effect: "Allow",
			Resources: []string{r.bucketARN(name)}}, extra)
	}
	if key := b.Encryption.KMSKeyARN.Value; usesKMS(b) && key != "" {
		// A multipart upload to an SSE-KMS bucket needs kms:Decrypt as
		// well as kms:GenerateDataKey: S3 decrypts the uploaded parts to
		// assemble them (https://repost.aws/knowledge-center/s3-large-file-encryption-kms-key;
		// S3 User Guide, "Multipart upload API and permissions"). The aws
		// CLI and the SDKs' transfer managers upload large files in parts,
		// so write gets both.
		var kms actionList
		if has["read"] || has["write"] {
			kms.add("kms:Decrypt", perm)
		}
		if has["write"] {
			kms.add("kms:GenerateDataKey", perm)
		}
		if len(kms.actions) > 0 {
			s := stmt{Sid: "KMSAccess", Effect: "Allow", Resources: []string{key}}
			if via := r.s3ViaService(b); via != "" {
				s.Condition = cond("StringEquals", "kms:ViaService", via)
			}
			kms.record(p, s, b.Encryption.KMSKeyARN.Range)
		}
	}
	return p
}

// s3ViaService is the kms:ViaService value of requests S3 makes to KMS for
// bucket b: "s3.REGION.amazonaws.com" (".com.cn" in the aws-cn
// partition). S3 requires the bucket's key in the bucket's Region. With it,
// KMSAccess lets the grant's holder use the key only through S3, for
// objects it may read or write there; without it the holder could call
// KMS directly (kms:GenerateDataKey to encrypt data of its own with the
// owner's key, kms:Decrypt of any ciphertext of the key it obtains
// elsewhere), since the key policy's default statement lets IAM policies
// of the key's account allow its use. The S3 encryption context
// (kms:EncryptionContext:aws:s3:arn) is not added: it is the bucket ARN
// with S3 Bucket Keys and the object ARN without, and objects written
// before a change of bucket_key keep theirs, so a condition on it would
// deny reads of some objects. "" when the region is unknown.
func (r *renderer) s3ViaService(b *spec.Bucket) string {
	region := b.Region.Value
	if region == "" {
		return ""
	}
	suffix := "amazonaws.com"
	if r.partition == "aws-cn" {
		suffix = "amazonaws.com.cn"
	}
	return "s3." + region + "." + suffix
}

// actionList is the Action list of one identity-policy statement, with the
// attribute each action comes from.
type actionList struct {
	actions []string
	from    []hcl.Range
}

// add appends action a from the attribute at rng, unless the list holds it
// already (the first source wins: a permission over the same extra action).
func (l *actionList) add(a string, rng hcl.Range) {
	if slices.Contains(l.actions, a) {
		return
	}
	l.actions = append(l.actions, a)
	l.from = append(l.from, rng)
}

// record adds s with the list's actions to p, with rng as the statement's
// provenance. "/Statement/N/Action" records the attribute all actions come
// from, when it is one; "/Statement/N/Action/M" the source of each action
// of a list (a single action renders as a string, which
// "/Statement/N/Action" covers).
func (l *actionList) record(p *policy, s stmt, rng hcl.Range) {
	s.Actions = l.actions
	at := pointer("/Statement", len(p.statements))
	p.add(s, rng)
	if !slices.ContainsFunc(l.from, func(r hcl.Range) bool { return r != l.from[0] }) {
		p.prov[at+"/Action"] = l.from[0]
	}
	if len(l.actions) > 1 {
		for i, r := range l.from {
			p.prov[pointer(at+"/Action", i)] = r
		}
	}
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
