package apply

import (
	"context"
	"fmt"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// importBucket writes the bucket block. Where the language's secure
// defaults differ from what the bucket has, it writes the live values
// explicitly (flags false, ObjectWriter), so the spec plans no change; where
// the language cannot express the live state (no default encryption), it
// adds a note saying what apply would change.
func (e *Engine) importBucket(ctx context.Context, root *hclwrite.Body, label, name string, im *Imported) error {
	region, err := e.headBucket(ctx, e.C.S3ForRegion(""), name)
	if err != nil {
		return fmt.Errorf("bucket %s: %w", name, err)
	}
	if region == "" {
		region = e.C.Region
	}
	read := func(typ string) (map[string]any, error) {
		return e.readDoc(ctx, &Item{Type: typ, Name: name, Bucket: name, Region: region})
	}
	b := root.AppendNewBlock("bucket", []string{label}).Body()
	b.SetAttributeValue("name", cty.StringVal(name))
	b.SetAttributeValue("region", cty.StringVal(region))

	pab, err := read(TPublicAccessBlock)
	if err != nil && !isUnsupported(err) {
		return err
	}
	importPublicAccess(b, pab)
	own, err := read(TOwnership)
	if err != nil && !isUnsupported(err) {
		return err
	}
	ownership := str(first(own["Rules"])["ObjectOwnership"])
	if ownership != "" {
		b.SetAttributeValue("object_ownership", cty.StringVal(ownership))
	}
	importACL(ctx, e.C.S3ForRegion(region), name, ownership, e.bucketOwner(), im)
	enc, err := read(TEncryption)
	if err != nil {
		return err
	}
	policy, err := read(TBucketPolicy)
	if err != nil {
		return err
	}
	im.checkVersion("bucket "+name+": the bucket policy", policy)
	g := e.importEncryption(b, name, enc, policy, im)

	ver, err := read(TVersioning)
	if err != nil {
		return err
	}
	b.SetAttributeValue("versioning", cty.BoolVal(str(ver["Status"]) == "Enabled"))

	lc, err := read(TLifecycle)
	if err != nil {
		return err
	}
	importLifecycle(b, name, lc, im)
	lg, err := read(TLogging)
	if err != nil {
		return err
	}
	importLogging(b, name, lg, im)
	sids := map[string]bool{}
	for _, s := range statements(policy) {
		sids[str(s["Sid"])] = true
	}
	importStatements(b, name, g.user, sids, g.sidlessTLS, im)
	tags, err := read(TTagging)
	if err != nil {
		return err
	}
	e.importTags(b, tags)
	root.AppendNewline()
	return nil
}

// importPublicAccess writes block_public_access = true when the bucket's
// public access block has all four flags on, else a public_access_block
// with each flag as it is (nil pab: all off).
func importPublicAccess(b *hclwrite.Body, pab map[string]any) {
	flags := []string{"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}
	allOn := true
	for _, k := range flags {
		allOn = allOn && pab[k] == true
	}
	if allOn {
		b.SetAttributeValue("block_public_access", cty.True)
		return
	}
	pb := b.AppendNewBlock("public_access_block", nil).Body()
	for _, k := range flags {
		on, _ := pab[k].(bool)
		pb.SetAttributeValue(snake(k), cty.BoolVal(on))
	}
}

// importEncryption writes the encryption block and require_tls from the
// bucket's default encryption and the statements of its policy that those
// settings render, and returns the policy split (see generated). A bucket
// without default encryption gets AES256, with a comment and a note.
func (e *Engine) importEncryption(b *hclwrite.Body, name string, enc, policy map[string]any, im *Imported) generated {
	rule := first(enc["Rules"])
	def, _ := rule["ApplyServerSideEncryptionByDefault"].(map[string]any)
	alg, key := str(def["SSEAlgorithm"]), str(def["KMSMasterKeyID"])
	g := e.userStatements(policy, name, alg, key)
	if alg == "" {
		alg = "AES256"
		b.AppendUnstructuredTokens(comment(
			"import: the bucket has no default encryption, which a spec cannot express.",
			"plan shows one change for it: apply adds this AES256 (SSE-S3) default encryption."))
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s has no default encryption, which a spec cannot express: "+
			"the imported spec declares encryption { algorithm = \"AES256\" } and apply will add that default encryption (SSE-S3).", name))
	}
	im.checkKMS(name, alg, key)
	eb := b.AppendNewBlock("encryption", nil).Body()
	eb.SetAttributeValue("algorithm", cty.StringVal(alg))
	if key != "" {
		eb.SetAttributeValue("kms_key_arn", cty.StringVal(key))
	}
	bk, _ := rule["BucketKeyEnabled"].(bool)
	eb.SetAttributeValue("bucket_key", cty.BoolVal(bk))
	eb.SetAttributeValue("require_encrypted_uploads", cty.BoolVal(g.enc))
	b.SetAttributeValue("require_tls", cty.BoolVal(g.tls))
	return g
}

// importLogging writes the access_logging block of a bucket whose server
// access logging is on (lg: GetBucketLogging's answer).
func importLogging(b *hclwrite.Body, name string, lg map[string]any, im *Imported) {
	le, ok := lg["LoggingEnabled"].(map[string]any)
	if !ok {
		return
	}
	al := b.AppendNewBlock("access_logging", nil).Body()
	al.SetAttributeValue("target_bucket", cty.StringVal(str(le["TargetBucket"])))
	al.SetAttributeValue("target_prefix", cty.StringVal(str(le["TargetPrefix"])))
	loggingNotes(name, le, im)
}

// importTags writes the bucket's tags, if it has any.
func (e *Engine) importTags(b *hclwrite.Body, tags map[string]any) {
	if len(tags) == 0 {
		return
	}
	c, _ := canonical(TTagging, tags, e.Partition)
	tm, _ := c.(map[string]any)["Tags"].(map[string]any)
	if len(tm) == 0 {
		return
	}
	vals := map[string]cty.Value{}
	for k, v := range tm {
		vals[k] = cty.StringVal(str(v))
	}
	b.SetAttributeValue("tags", cty.MapVal(vals))
}
