package render

import (
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// policyVersion is the IAM policy language version of every policy document.
const policyVersion = "2012-10-17"

// object is a JSON object of a rendered document.
type object = map[string]any

// Render builds every AWS document implied by s, plus manifest.json, sorted by
// path. It expects a spec that passed validation; references it cannot resolve
// are reported as error diagnostics instead of being guessed.
func Render(s *spec.Spec) (*Output, hcl.Diagnostics) {
	r := &renderer{spec: s, partition: s.AWS.Partition.Value, account: s.AWS.AccountID.Value}
	if r.partition == "" {
		r.partition = "aws"
	}
	for _, b := range s.Buckets {
		r.bucket(b)
	}
	for _, g := range s.Grants {
		r.grant(g)
	}
	for _, t := range s.Trails {
		r.trail(t)
	}
	sort.SliceStable(r.docs, func(i, j int) bool { return r.docs[i].Path < r.docs[j].Path })
	r.checkUniquePaths()
	markDerived(s, r.docs)
	m := manifest(s, r.docs)
	markDerived(s, []*Document{m})
	r.docs = append(r.docs, m)
	sort.SliceStable(r.docs, func(i, j int) bool { return r.docs[i].Path < r.docs[j].Path })
	return &Output{Documents: r.docs}, r.diags
}

// checkUniquePaths reports two blocks that render the same file, such as two
// buckets with the same name, once per pair of blocks (docs must be sorted by
// path).
func (r *renderer) checkUniquePaths() {
	reported := map[[2]string]bool{}
	for i := 1; i < len(r.docs); i++ {
		a, b := r.docs[i-1], r.docs[i]
		pair := [2]string{a.Address, b.Address}
		if a.Path != b.Path || a.Address == b.Address || reported[pair] {
			continue
		}
		reported[pair] = true
		rng := b.Range
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Two blocks render the same file",
			Detail:   "Both " + a.Address + " and " + b.Address + " render " + b.Path + ". Give each bucket a distinct name.",
			Subject:  &rng,
		})
	}
}

// renderer carries the spec-wide context while documents are built.
type renderer struct {
	spec      *spec.Spec
	partition string
	account   string // "" when the aws block does not name the account
	docs      []*Document
	diags     hcl.Diagnostics
}

// add appends a document owned by block b.
func (r *renderer) add(path string, kind Kind, b spec.Block, content any, prov map[string]hcl.Range) *Document {
	if prov == nil {
		prov = map[string]hcl.Range{}
	}
	d := &Document{Path: path, Kind: kind, Address: b.Address, Range: b.DeclRange, Content: content, Provenance: prov}
	r.docs = append(r.docs, d)
	return d
}

// bucketFor resolves a grant's or trail's bucket reference, reporting an
// error diagnostic at the attribute when it names no declared bucket.
func (r *renderer) bucketFor(ref spec.Attr[string], owner string) *spec.Bucket {
	if b := r.spec.BucketByLabel(ref.Value); b != nil {
		return b
	}
	rng := ref.Range
	r.diags = append(r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Reference to undeclared bucket",
		Detail:   "The " + owner + " refers to bucket \"" + ref.Value + "\", which is not declared in this spec. Declare a bucket block with that label, or fix the reference.",
		Subject:  &rng,
	})
	return nil
}

// bucketARN is arn:PARTITION:s3:::NAME.
func (r *renderer) bucketARN(name string) string {
	return "arn:" + r.partition + ":s3:::" + name
}

// objectARN is arn:PARTITION:s3:::NAME/PREFIX* (PREFIX may be empty).
func (r *renderer) objectARN(name, prefix string) string {
	return r.bucketARN(name) + "/" + prefix + "*"
}

// scalarOrList renders a one-element list as a plain string, the way AWS
// prints policies, and longer lists as arrays.
func scalarOrList(vs []string) any {
	if len(vs) == 1 {
		return vs[0]
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}
