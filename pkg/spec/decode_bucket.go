package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// bucketDecl is a bucket block during evaluation. Its name and region are
// evaluated early (graph node) so other blocks can refer to bucket.X.
type bucketDecl struct {
	l       *loader
	block   *hcl.Block
	content *hcl.BodyContent
	pre     map[string]cty.Value
	ref     cty.Value // the value of bucket.LABEL
}

func (l *loader) newBucketDecl(b *hcl.Block) *bucketDecl {
	content, diags := b.Body.Content(bucketSchema)
	l.diags = append(l.diags, diags...)
	return &bucketDecl{l: l, block: b, content: content, pre: map[string]cty.Value{}, ref: cty.DynamicVal}
}

// evalAttr evaluates the bucket's name or region and updates its reference
// object.
func (d *bucketDecl) evalAttr(name string) {
	if a := d.content.Attributes[name]; a != nil {
		d.pre[name] = d.l.evalStr(a)
	}
	d.evalRef()
}

// evalRef builds the bucket's reference object {label, name, region, arn}
// from what is evaluated so far (the rest is unknown).
func (d *bucketDecl) evalRef() {
	obj := map[string]cty.Value{"label": cty.StringVal(d.block.Labels[0])}
	for _, n := range []string{"name", "region"} {
		v, ok := d.pre[n]
		if !ok || v.IsNull() {
			v = cty.UnknownVal(cty.String)
		}
		obj[n] = v
	}
	name, marks := obj["name"].Unmark()
	arn := cty.UnknownVal(cty.String)
	if name.IsKnown() {
		arn = cty.StringVal("arn:" + d.l.partition + ":s3:::" + name.AsString())
	}
	obj["arn"] = arn.WithMarks(marks)
	d.ref = cty.ObjectVal(obj)
}

func (l *loader) decodeBucket(d *bucketDecl) *Bucket {
	b := d.block
	label := b.Labels[0]
	addr := "bucket." + label
	l.checkLabel(b, "bucket")
	a := l.attrs(d.content.Attributes, b.DefRange, d.pre)
	a.required(b, "a bucket block", "name", "region")
	m := &Bucket{
		Block:             blockOf(b, addr),
		Label:             label,
		Name:              a.str("name", ""),
		Region:            a.str("region", ""),
		BlockPublicAccess: a.boolean("block_public_access", true),
		ObjectOwnership:   a.str("object_ownership", "BucketOwnerEnforced"),
		RequireTLS:        a.boolean("require_tls", true),
		Versioning:        a.boolean("versioning", true),
		LifecycleRules:    []*LifecycleRule{},
		Statements:        []*Statement{},
		Tags:              l.decodeTags(d.content.Attributes["tags"], b.DefRange),
	}
	l.checkEnum(m.ObjectOwnership, "object_ownership", objectOwnerships)
	l.decodePublicAccess(m, d.content.Blocks)
	l.decodeEncryption(m, d.content.Blocks)
	for _, blk := range d.content.Blocks {
		switch blk.Type {
		case "lifecycle_rule":
			m.LifecycleRules = append(m.LifecycleRules, l.decodeLifecycleRule(blk, addr))
		case "statement":
			m.Statements = append(m.Statements, l.decodeStatement(blk, addr))
		}
	}
	if blk := l.singleBlock(d.content.Blocks, "access_logging"); blk != nil {
		m.AccessLogging = l.decodeAccessLogging(blk, addr)
	}
	return m
}

var objectOwnerships = []string{"BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"}

// decodePublicAccess resolves the four Public Access Block flags: from the
// public_access_block block when written (each flag defaulting to true), else
// from block_public_access.
func (l *loader) decodePublicAccess(m *Bucket, blocks hcl.Blocks) {
	pab := l.singleBlock(blocks, "public_access_block")
	if pab == nil {
		flag := Attr[bool]{Value: m.BlockPublicAccess.Value, Range: m.BlockPublicAccess.Range, Set: m.BlockPublicAccess.Set}
		m.BlockPublicAcls, m.IgnorePublicAcls, m.BlockPublicPolicy, m.RestrictPublicBuckets = flag, flag, flag, flag
		return
	}
	content, diags := pab.Body.Content(publicAccessBlockSchema)
	l.diags = append(l.diags, diags...)
	blk := blockOf(pab, m.Address+".public_access_block")
	m.PublicAccessBlockDecl = &blk
	if m.BlockPublicAccess.Set {
		l.errorf(pab.DefRange.Ptr(), "Conflicting public access settings",
			"A bucket sets either block_public_access or a public_access_block block, not both. "+
				"Remove block_public_access (at %s) to set the flags one by one.", m.BlockPublicAccess.Range)
	}
	a := l.attrs(content.Attributes, pab.DefRange, nil)
	m.BlockPublicAcls = a.boolean("block_public_acls", true)
	m.IgnorePublicAcls = a.boolean("ignore_public_acls", true)
	m.BlockPublicPolicy = a.boolean("block_public_policy", true)
	m.RestrictPublicBuckets = a.boolean("restrict_public_buckets", true)
}

func (l *loader) decodeEncryption(m *Bucket, blocks hcl.Blocks) {
	blk := l.singleBlock(blocks, "encryption")
	e := Encryption{Block: Block{Address: m.Address + ".encryption", DeclRange: m.DeclRange, Range: m.DeclRange}}
	var attrs hcl.Attributes
	decl := m.DeclRange
	if blk != nil {
		content, diags := blk.Body.Content(encryptionSchema)
		l.diags = append(l.diags, diags...)
		e.Block = blockOf(blk, m.Address+".encryption")
		e.Declared = true
		attrs, decl = content.Attributes, blk.DefRange
	}
	a := l.attrs(attrs, decl, nil)
	e.Algorithm = a.str("algorithm", "AES256")
	l.checkEnum(e.Algorithm, "algorithm", algorithms)
	e.KMSKeyARN = a.str("kms_key_arn", "")
	e.BucketKey = a.boolean("bucket_key", e.Algorithm.Value == "aws:kms")
	e.RequireEncryptedUploads = a.boolean("require_encrypted_uploads", true)
	m.Encryption = e
}

var algorithms = []string{"AES256", "aws:kms", "aws:kms:dsse"}

func (l *loader) decodeAccessLogging(blk *hcl.Block, parent string) *AccessLogging {
	content, diags := blk.Body.Content(accessLoggingSchema)
	l.diags = append(l.diags, diags...)
	a := l.attrs(content.Attributes, blk.DefRange, nil)
	a.required(blk, "an access_logging block", "target_bucket")
	al := &AccessLogging{Block: blockOf(blk, parent+".access_logging")}
	al.TargetBucket, al.TargetRef = l.bucketNameRef(a, "target_bucket")
	al.TargetPrefix = a.str("target_prefix", "")
	l.checkKeyPrefixStart(al.TargetPrefix, "target_prefix", "access_logging")
	return al
}

// bucketNameRef decodes an attribute that holds a bucket name or a
// reference to a declared bucket (bucket.X or bucket.X.name), returning the
// name and, for a reference, the bucket's label.
func (l *loader) bucketNameRef(a *attrs, name string) (Attr[string], string) {
	attr := a.m[name]
	if attr == nil {
		return Attr[string]{Range: a.decl}, ""
	}
	l.noteAttr(attr)
	label := ""
	if t, diags := hcl.AbsTraversalForExpr(attr.Expr); !diags.HasErrors() && t.RootName() == "bucket" && len(t) >= 2 {
		step, ok := t[1].(hcl.TraverseAttr)
		tail := len(t) == 2
		if len(t) == 3 {
			if n, ok := t[2].(hcl.TraverseAttr); ok && n.Name == "name" {
				tail = true
			}
		}
		if ok && tail {
			label = step.Name
			if d := l.bucketDef[label]; d != nil {
				v, marks := d.ref.GetAttr("name").Unmark()
				out := Attr[string]{Range: attr.Range, Set: true, Sensitive: len(marks) > 0}
				if v.IsKnown() && !v.IsNull() {
					out.Value = v.AsString()
				}
				return out, label
			}
		}
	}
	return a.str(name, ""), ""
}
