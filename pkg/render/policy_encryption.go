package render

import "github.com/teramot/teramotc/pkg/spec"

// kmsKeyIDHeader is the condition key of the x-amz-server-side-encryption-aws-kms-key-id
// request header.
const kmsKeyIDHeader = "s3:x-amz-server-side-encryption-aws-kms-key-id"

// encryptionDenies adds, with require_encrypted_uploads, the Deny of
// uploads that do not ask for the bucket's algorithm (DenyUnencryptedUploads)
// and, on an aws:kms or aws:kms:dsse bucket, the Deny of uploads that name
// another KMS key than the spec's (DenyOtherKMSKeys).
//
// The second Deny is needed because the algorithm header alone does not
// fix the key: a client may send x-amz-server-side-encryption-aws-kms-key-id
// with any key it can use, even one of another account, and S3 encrypts
// the object with that key (PutObject, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html;
// "Require SSE-KMS with a specific key" in
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html).
//
// It denies only when the key id header is present: "Null": "false" holds
// only for a present key, and the StringNotEquals beside it is ANDed with
// it. A StringNotEquals alone, or StringNotEqualsIfExists, is also true
// when the header is missing, and would deny every upload that sends only
// the algorithm header; those uploads behave as the PutObject reference
// documents (S3 then uses the AWS managed key aws/s3), which is why the
// docs tell clients to send the key ARN. The condition compares the key
// ARN, so clients must send the full ARN, not the key id or an alias.
func (r *renderer) encryptionDenies(p *policy, b *spec.Bucket) {
	e := b.Encryption
	if !e.RequireEncryptedUploads.Value {
		return
	}
	algorithm := e.Algorithm.Value
	if algorithm == "" {
		algorithm = "AES256"
	}
	services := r.logDeliveryServices(b)
	// The log delivery services send no SSE header (CloudTrail sends
	// aws:kms and its trail key when the trail has one), and a Deny beats
	// their Allow: exempt exactly them. In one StringNotEquals the keys
	// are ANDed, so the Deny still applies to every request whose
	// principal is not one of these services, including users and
	// anonymous callers, where aws:PrincipalServiceName is absent and a
	// negated operator on an absent key is true. Default encryption still
	// encrypts what the services write.
	exempt := func(c object) object {
		if len(services) == 0 {
			return c
		}
		return and(c, cond("StringNotEquals", "aws:PrincipalServiceName", services...))
	}
	objects := r.objectARN(b.Name.Value, "")
	p.add(stmt{
		Sid:       "DenyUnencryptedUploads",
		Effect:    "Deny",
		Principal: "*",
		Actions:   []string{"s3:PutObject"},
		Resources: []string{objects},
		Condition: exempt(cond("StringNotEquals", "s3:x-amz-server-side-encryption", algorithm)),
	}, e.RequireEncryptedUploads.Range)
	if key := e.KMSKeyARN.Value; usesKMS(b) && key != "" {
		p.add(stmt{
			Sid:       "DenyOtherKMSKeys",
			Effect:    "Deny",
			Principal: "*",
			Actions:   []string{"s3:PutObject"},
			Resources: []string{objects},
			Condition: exempt(and(
				cond("StringNotEquals", kmsKeyIDHeader, key),
				cond("Null", kmsKeyIDHeader, "false"),
			)),
		}, e.KMSKeyARN.Range)
	}
}
