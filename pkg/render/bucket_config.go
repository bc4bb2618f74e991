package render

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// bucket renders every document of one bucket.
func (r *renderer) bucket(b *spec.Bucket) {
	dir := "buckets/" + b.Name.Value + "/"

	r.add(dir+"public-access-block.json", KindPublicAccessBlock, b.Block, object{
		"BlockPublicAcls":       b.BlockPublicAcls.Value,
		"IgnorePublicAcls":      b.IgnorePublicAcls.Value,
		"BlockPublicPolicy":     b.BlockPublicPolicy.Value,
		"RestrictPublicBuckets": b.RestrictPublicBuckets.Value,
	}, map[string]hcl.Range{
		"/BlockPublicAcls":       b.BlockPublicAcls.Range,
		"/IgnorePublicAcls":      b.IgnorePublicAcls.Range,
		"/BlockPublicPolicy":     b.BlockPublicPolicy.Range,
		"/RestrictPublicBuckets": b.RestrictPublicBuckets.Range,
	})

	r.add(dir+"ownership-controls.json", KindOwnershipControls, b.Block, object{
		"Rules": []any{object{"ObjectOwnership": b.ObjectOwnership.Value}},
	}, map[string]hcl.Range{"/Rules/0/ObjectOwnership": b.ObjectOwnership.Range})

	r.encryption(dir, b)

	status := "Suspended"
	if b.Versioning.Value {
		status = "Enabled"
	}
	r.add(dir+"versioning.json", KindVersioning, b.Block, object{"Status": status},
		map[string]hcl.Range{"/Status": b.Versioning.Range})

	r.lifecycle(dir, b)
	r.logging(dir, b)
	r.bucketPolicy(dir, b)

	if len(b.Tags.Entries) > 0 {
		set := make([]any, len(b.Tags.Entries))
		prov := map[string]hcl.Range{"/TagSet": b.Tags.Range}
		for i, t := range b.Tags.Entries {
			set[i] = object{"Key": t.Key, "Value": t.Value}
			prov[pointer("/TagSet", i)] = t.Range
		}
		d := r.add(dir+"tagging.json", KindTagging, b.Block, object{"TagSet": set}, prov)
		for _, t := range b.Tags.Entries {
			d.Sensitive = d.Sensitive || t.Sensitive
		}
	}
}

// encryption renders the default-encryption configuration.
func (r *renderer) encryption(dir string, b *spec.Bucket) {
	e := b.Encryption
	algorithm := e.Algorithm.Value
	if algorithm == "" {
		algorithm = "AES256"
	}
	def := object{"SSEAlgorithm": algorithm}
	prov := map[string]hcl.Range{
		"/Rules/0/ApplyServerSideEncryptionByDefault/SSEAlgorithm": e.Algorithm.Range,
		"/Rules/0/BucketKeyEnabled":                                e.BucketKey.Range,
	}
	if usesKMS(b) && e.KMSKeyARN.Value != "" {
		def["KMSMasterKeyID"] = e.KMSKeyARN.Value
		prov["/Rules/0/ApplyServerSideEncryptionByDefault/KMSMasterKeyID"] = e.KMSKeyARN.Range
	}
	r.add(dir+"encryption.json", KindEncryption, b.Block, object{
		"Rules": []any{object{
			"ApplyServerSideEncryptionByDefault": def,
			"BucketKeyEnabled":                   e.BucketKey.Value,
		}},
	}, prov)
}

// logging renders the server access logging status: the target, or {} to
// turn logging off.
func (r *renderer) logging(dir string, b *spec.Bucket) {
	content := object{}
	prov := map[string]hcl.Range{}
	if l := b.AccessLogging; l != nil {
		content["LoggingEnabled"] = object{
			"TargetBucket": l.TargetBucket.Value,
			"TargetPrefix": l.TargetPrefix.Value,
		}
		prov["/LoggingEnabled"] = l.DeclRange
		prov["/LoggingEnabled/TargetBucket"] = l.TargetBucket.Range
		prov["/LoggingEnabled/TargetPrefix"] = l.TargetPrefix.Range
	}
	r.add(dir+"logging.json", KindLogging, b.Block, content, prov)
}

// usesKMS reports whether the bucket encrypts with a KMS key.
func usesKMS(b *spec.Bucket) bool {
	a := b.Encryption.Algorithm.Value
	return a == "aws:kms" || a == "aws:kms:dsse"
}

// pointer appends an array index to a JSON pointer.
func pointer(base string, i int) string {
	return base + "/" + strconv.Itoa(i)
}
