package apply

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// ImportOptions names the live resources to import.
type ImportOptions struct {
	Bucket string
	User   string // at most one of User and Role
	Role   string
	Trail  string
}

// Imported is the result of Import: a formatted spec and notes for the
// user (for example the variables they must set).
type Imported struct {
	HCL   []byte
	Notes []string

	refused    []string // what import must not leave out (see refuse)
	externalID string   // the role's live external id, for verifyImport only
}

// Import reads a live bucket (and optionally the user or role that has a
// grant on it, and a trail) and writes a spec that plans with no changes.
func (e *Engine) Import(ctx context.Context, opts ImportOptions) (*Imported, error) {
	e.defaults()
	im := &Imported{}
	f := hclwrite.NewEmptyFile()
	root := f.Body()
	if e.Account != "" {
		blk := root.AppendNewBlock("aws", nil).Body()
		blk.SetAttributeValue("account_id", cty.StringVal(e.Account))
		root.AppendNewline()
	}
	label := hclLabel(opts.Bucket)
	if err := e.importBucket(ctx, root, label, opts.Bucket, im); err != nil {
		return nil, err
	}
	if opts.Role != "" {
		v := root.AppendNewBlock("variable", []string{"external_id"}).Body()
		v.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
		v.SetAttributeValue("description", cty.StringVal("External id the partner sends when assuming the role."))
		v.SetAttributeValue("sensitive", cty.True)
		root.AppendNewline()
	}
	if opts.User != "" || opts.Role != "" {
		if err := e.importGrant(ctx, root, label, opts, im); err != nil {
			return nil, err
		}
	}
	if opts.Trail != "" {
		if err := e.importTrail(ctx, root, label, opts.Trail, opts.Bucket, im); err != nil {
			return nil, err
		}
	}
	im.HCL = hclwrite.Format(f.Bytes())
	if len(im.refused) == 0 {
		if err := e.verifyImport(ctx, opts.Bucket, im.HCL, im.externalID, im); err != nil {
			return nil, err
		}
	}
	if err := im.refusal(); err != nil {
		return nil, err
	}
	return im, nil
}

var nonLabel = regexp.MustCompile(`[^A-Za-z0-9_]+`)

func hclLabel(name string) string {
	l := strings.Trim(nonLabel.ReplaceAllString(name, "_"), "_")
	if l == "" || (l[0] >= '0' && l[0] <= '9') {
		l = "r_" + l
	}
	return l
}

func (e *Engine) readDoc(ctx context.Context, it *Item) (map[string]any, error) {
	v, err := e.readRaw(ctx, newLive(), it)
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	m, _ := generic(v).(map[string]any)
	return m, nil
}

func strList(vs []string) cty.Value {
	if len(vs) == 0 {
		return cty.ListValEmpty(cty.String)
	}
	out := make([]cty.Value, len(vs))
	for i, s := range vs {
		out[i] = cty.StringVal(s)
	}
	return cty.ListVal(out)
}

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
	it := func(typ string) *Item { return &Item{Type: typ, Name: name, Bucket: name, Region: region} }
	b := root.AppendNewBlock("bucket", []string{label}).Body()
	b.SetAttributeValue("name", cty.StringVal(name))
	b.SetAttributeValue("region", cty.StringVal(region))

	pab, err := e.readDoc(ctx, it(TPublicAccessBlock))
	if err != nil && !isUnsupported(err) {
		return err
	}
	flags := []string{"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}
	allOn := true
	for _, k := range flags {
		allOn = allOn && pab[k] == true
	}
	if allOn {
		b.SetAttributeValue("block_public_access", cty.True)
	} else {
		pb := b.AppendNewBlock("public_access_block", nil).Body()
		for _, k := range flags {
			on, _ := pab[k].(bool)
			pb.SetAttributeValue(snake(k), cty.BoolVal(on))
		}
	}
	own, err := e.readDoc(ctx, it(TOwnership))
	if err != nil && !isUnsupported(err) {
		return err
	}
	if o := str(first(own["Rules"])["ObjectOwnership"]); o != "" {
		b.SetAttributeValue("object_ownership", cty.StringVal(o))
	}
	importACL(ctx, e.C.S3ForRegion(region), name, str(first(own["Rules"])["ObjectOwnership"]), e.bucketOwner(), im)
	enc, err := e.readDoc(ctx, it(TEncryption))
	if err != nil {
		return err
	}
	policy, err := e.readDoc(ctx, it(TBucketPolicy))
	if err != nil {
		return err
	}
	im.checkVersion("bucket "+name+": the bucket policy", policy)
	sids := map[string]bool{}
	for _, s := range statements(policy) {
		sids[str(s["Sid"])] = true
	}
	rule := first(enc["Rules"])
	def, _ := rule["ApplyServerSideEncryptionByDefault"].(map[string]any)
	alg := str(def["SSEAlgorithm"])
	g := e.userStatements(policy, name, alg, str(def["KMSMasterKeyID"]))
	if alg == "" {
		alg = "AES256"
		b.AppendUnstructuredTokens(comment(
			"import: the bucket has no default encryption, which a spec cannot express.",
			"plan shows one change for it: apply adds this AES256 (SSE-S3) default encryption."))
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s has no default encryption, which a spec cannot express: "+
			"the imported spec declares encryption { algorithm = \"AES256\" } and apply will add that default encryption (SSE-S3).", name))
	}
	im.checkKMS(name, alg, str(def["KMSMasterKeyID"]))
	eb := b.AppendNewBlock("encryption", nil).Body()
	eb.SetAttributeValue("algorithm", cty.StringVal(alg))
	if k := str(def["KMSMasterKeyID"]); k != "" {
		eb.SetAttributeValue("kms_key_arn", cty.StringVal(k))
	}
	bk, _ := rule["BucketKeyEnabled"].(bool)
	eb.SetAttributeValue("bucket_key", cty.BoolVal(bk))
	eb.SetAttributeValue("require_encrypted_uploads", cty.BoolVal(g.enc))
	b.SetAttributeValue("require_tls", cty.BoolVal(g.tls))

	ver, err := e.readDoc(ctx, it(TVersioning))
	if err != nil {
		return err
	}
	b.SetAttributeValue("versioning", cty.BoolVal(str(ver["Status"]) == "Enabled"))

	lc, err := e.readDoc(ctx, it(TLifecycle))
	if err != nil {
		return err
	}
	importLifecycle(b, name, lc, im)
	lg, err := e.readDoc(ctx, it(TLogging))
	if err != nil {
		return err
	}
	if le, ok := lg["LoggingEnabled"].(map[string]any); ok {
		al := b.AppendNewBlock("access_logging", nil).Body()
		al.SetAttributeValue("target_bucket", cty.StringVal(str(le["TargetBucket"])))
		al.SetAttributeValue("target_prefix", cty.StringVal(str(le["TargetPrefix"])))
		loggingNotes(name, le, im)
	}
	importStatements(b, name, g.user, sids, g.sidlessTLS, im)
	tags, err := e.readDoc(ctx, it(TTagging))
	if err != nil {
		return err
	}
	if len(tags) > 0 {
		c, _ := canonical(TTagging, tags, e.Partition)
		tm, _ := c.(map[string]any)["Tags"].(map[string]any)
		if len(tm) > 0 {
			vals := map[string]cty.Value{}
			for k, v := range tm {
				vals[k] = cty.StringVal(str(v))
			}
			b.SetAttributeValue("tags", cty.MapVal(vals))
		}
	}
	root.AppendNewline()
	return nil
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// importStatement writes a live bucket-policy statement as a statement
// block labelled sid.
func importStatement(b *hclwrite.Body, sid string, s map[string]any) {
	sb := b.AppendNewBlock("statement", []string{sid}).Body()
	sb.SetAttributeValue("effect", cty.StringVal(str(s["Effect"])))
	switch p := s["Principal"].(type) {
	case string:
		sb.SetAttributeValue("principals", cty.StringVal(p))
	case map[string]any:
		m := map[string]cty.Value{}
		for typ, ids := range p {
			m[typ] = strList(stringSet(ids, nil))
		}
		sb.SetAttributeValue("principals", cty.ObjectVal(m))
	}
	for _, kv := range [][2]string{{"Action", "actions"}, {"NotAction", "not_actions"}, {"Resource", "resources"}} {
		if v, ok := s[kv[0]]; ok {
			sb.SetAttributeValue(kv[1], strList(stringSet(v, nil)))
		}
	}
	cond, _ := s["Condition"].(map[string]any)
	for _, test := range sortedKeysOf(cond) {
		vars, _ := cond[test].(map[string]any)
		for _, v := range sortedKeysOf(vars) {
			cb := sb.AppendNewBlock("condition", nil).Body()
			cb.SetAttributeValue("test", cty.StringVal(test))
			cb.SetAttributeValue("variable", cty.StringVal(v))
			cb.SetAttributeValue("values", strList(stringSet(vars[v], nil)))
		}
	}
}

func sortedKeysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
