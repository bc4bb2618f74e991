package apply

import (
	"context"
	"maps"
	"regexp"
	"slices"
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
	for _, test := range slices.Sorted(maps.Keys(cond)) {
		vars, _ := cond[test].(map[string]any)
		for _, v := range slices.Sorted(maps.Keys(vars)) {
			cb := sb.AppendNewBlock("condition", nil).Body()
			cb.SetAttributeValue("test", cty.StringVal(test))
			cb.SetAttributeValue("variable", cty.StringVal(v))
			cb.SetAttributeValue("values", strList(stringSet(vars[v], nil)))
		}
	}
}
