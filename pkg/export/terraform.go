package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// Terraform returns formatted HCL for the hashicorp/aws provider v5: an
// aws_s3_bucket with its split sub-resources, aws_s3_bucket_policy,
// aws_iam_policy, aws_iam_user or aws_iam_role with its policy attachment,
// and aws_cloudtrail. Sensitive values become sensitive variables.
func Terraform(s *spec.Spec, out *render.Output) ([]byte, error) {
	t := &tfWriter{f: hclwrite.NewEmptyFile(), d: index(out), spec: s, secrets: map[string]string{}}
	root := t.f.Body()
	tf := root.AppendNewBlock("terraform", nil).Body()
	tf.SetAttributeValue("required_version", cty.StringVal(">= 1.5"))
	prov := tf.AppendNewBlock("required_providers", nil).Body()
	prov.SetAttributeValue("aws", cty.ObjectVal(map[string]cty.Value{
		"source": cty.StringVal("hashicorp/aws"), "version": cty.StringVal("~> 5.0")}))
	root.AppendNewline()
	region := "us-east-1"
	if len(s.Buckets) > 0 {
		region = s.Buckets[0].Region.Value
	}
	root.AppendNewBlock("provider", []string{"aws"}).Body().SetAttributeValue("region", cty.StringVal(region))
	for _, g := range s.Grants {
		if g.Role != nil && g.Role.ExternalID.Sensitive {
			name := "external_id_" + tfName(g.Label)
			t.secrets[g.Role.ExternalID.Value] = name
			root.AppendNewline()
			v := root.AppendNewBlock("variable", []string{name}).Body()
			v.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
			v.SetAttributeValue("description", cty.StringVal("External id Teramot sends to assume role "+g.Role.Name.Value+"."))
			v.SetAttributeValue("sensitive", cty.True)
		}
	}
	for i, val := range t.otherSensitive(out) {
		name := sensitiveName(i+1, false)
		t.secrets[val] = name
		root.AppendNewline()
		v := root.AppendNewBlock("variable", []string{name}).Body()
		v.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
		v.SetAttributeValue("description", cty.StringVal("A sensitive value of the spec."))
		v.SetAttributeValue("sensitive", cty.True)
	}
	for _, b := range s.Buckets {
		if err := t.bucket(b); err != nil {
			return nil, err
		}
	}
	for _, g := range s.Grants {
		if err := t.grant(g); err != nil {
			return nil, err
		}
	}
	for _, tr := range s.Trails {
		t.trail(tr)
	}
	return t.bytes()
}

type tfWriter struct {
	f       *hclwrite.File
	d       docs
	spec    *spec.Spec
	secrets map[string]string // sensitive value -> variable name
}

func (t *tfWriter) resource(typ, name string) *hclwrite.Body {
	t.f.Body().AppendNewline()
	return t.f.Body().AppendNewBlock("resource", []string{typ, name}).Body()
}

func tfRef(parts ...string) hcl.Traversal {
	tr := hcl.Traversal{hcl.TraverseRoot{Name: parts[0]}}
	for _, p := range parts[1:] {
		tr = append(tr, hcl.TraverseAttr{Name: p})
	}
	return tr
}

func (t *tfWriter) bucket(b *spec.Bucket) error {
	n := tfName(b.Label)
	body := t.resource("aws_s3_bucket", n)
	body.SetAttributeValue("bucket", cty.StringVal(b.Name.Value))
	if tg := t.d.get(b.Address, render.KindTagging); tg != nil {
		tags := map[string]cty.Value{}
		for _, e := range list(tg["TagSet"]) {
			m := obj(e)
			tags[fmt.Sprint(m["Key"])] = cty.StringVal(fmt.Sprint(m["Value"]))
		}
		toks := hclwrite.TokensForValue(cty.MapVal(tags))
		for secret, v := range t.secrets {
			toks = replaceStringToken(toks, secret, hclwrite.TokensForTraversal(tfRef("var", v)))
		}
		body.SetAttributeRaw("tags", toks)
	}
	id := tfRef("aws_s3_bucket", n, "id")
	if pab := t.d.get(b.Address, render.KindPublicAccessBlock); pab != nil {
		r := t.resource("aws_s3_bucket_public_access_block", n)
		r.SetAttributeTraversal("bucket", id)
		for _, k := range [][2]string{{"block_public_acls", "BlockPublicAcls"}, {"block_public_policy", "BlockPublicPolicy"},
			{"ignore_public_acls", "IgnorePublicAcls"}, {"restrict_public_buckets", "RestrictPublicBuckets"}} {
			r.SetAttributeValue(k[0], cty.BoolVal(pab[k[1]] == true))
		}
	}
	if own := t.d.get(b.Address, render.KindOwnershipControls); own != nil {
		r := t.resource("aws_s3_bucket_ownership_controls", n)
		r.SetAttributeTraversal("bucket", id)
		for _, rule := range list(own["Rules"]) {
			r.AppendNewBlock("rule", nil).Body().SetAttributeValue("object_ownership", cty.StringVal(fmt.Sprint(obj(rule)["ObjectOwnership"])))
		}
	}
	if enc := t.d.get(b.Address, render.KindEncryption); enc != nil {
		r := t.resource("aws_s3_bucket_server_side_encryption_configuration", n)
		r.SetAttributeTraversal("bucket", id)
		for _, rule := range list(enc["Rules"]) {
			rm := obj(rule)
			rb := r.AppendNewBlock("rule", nil).Body()
			def := obj(rm["ApplyServerSideEncryptionByDefault"])
			db := rb.AppendNewBlock("apply_server_side_encryption_by_default", nil).Body()
			db.SetAttributeValue("sse_algorithm", cty.StringVal(fmt.Sprint(def["SSEAlgorithm"])))
			if k, ok := def["KMSMasterKeyID"]; ok {
				db.SetAttributeValue("kms_master_key_id", cty.StringVal(fmt.Sprint(k)))
			}
			if bk, ok := rm["BucketKeyEnabled"].(bool); ok {
				rb.SetAttributeValue("bucket_key_enabled", cty.BoolVal(bk))
			}
		}
	}
	if v := t.d.get(b.Address, render.KindVersioning); v != nil {
		r := t.resource("aws_s3_bucket_versioning", n)
		r.SetAttributeTraversal("bucket", id)
		r.AppendNewBlock("versioning_configuration", nil).Body().SetAttributeValue("status", cty.StringVal(fmt.Sprint(v["Status"])))
	}
	if lc := t.d.get(b.Address, render.KindLifecycle); lc != nil {
		t.lifecycle(n, id, lc)
	}
	if lg := t.d.get(b.Address, render.KindLogging); lg != nil {
		if le := obj(lg["LoggingEnabled"]); le != nil {
			r := t.resource("aws_s3_bucket_logging", n)
			r.SetAttributeTraversal("bucket", id)
			if b.AccessLogging != nil && b.AccessLogging.TargetRef != "" {
				r.SetAttributeTraversal("target_bucket", tfRef("aws_s3_bucket", tfName(b.AccessLogging.TargetRef), "id"))
			} else {
				r.SetAttributeValue("target_bucket", cty.StringVal(fmt.Sprint(le["TargetBucket"])))
			}
			r.SetAttributeValue("target_prefix", cty.StringVal(fmt.Sprint(le["TargetPrefix"])))
		}
	}
	if pol := t.d.get(b.Address, render.KindBucketPolicy); pol != nil {
		r := t.resource("aws_s3_bucket_policy", n)
		r.SetAttributeTraversal("bucket", id)
		if err := t.setJSON(r, "policy", pol); err != nil {
			return err
		}
		// The public access block must be in place before any policy.
		r.SetAttributeRaw("depends_on", hclwrite.TokensForTuple([]hclwrite.Tokens{
			hclwrite.TokensForTraversal(tfRef("aws_s3_bucket_public_access_block", n))}))
	}
	return nil
}

// setJSON writes name = jsonencode({...}) for a JSON document. Sensitive
// values are replaced by references to their variables.
func (t *tfWriter) setJSON(body *hclwrite.Body, name string, doc any) error {
	raw, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	typ, err := ctyjson.ImpliedType(raw)
	if err != nil {
		return err
	}
	val, err := ctyjson.Unmarshal(raw, typ)
	if err != nil {
		return err
	}
	toks := hclwrite.TokensForValue(val)
	for secret, v := range t.secrets {
		toks = replaceStringToken(toks, secret, hclwrite.TokensForTraversal(tfRef("var", v)))
	}
	body.SetAttributeRaw(name, hclwrite.TokensForFunctionCall("jsonencode", toks))
	return nil
}

// replaceStringToken swaps the quoted string literal lit for repl.
func replaceStringToken(toks hclwrite.Tokens, lit string, repl hclwrite.Tokens) hclwrite.Tokens {
	want := hclwrite.TokensForValue(cty.StringVal(lit))
	var out hclwrite.Tokens
	for i := 0; i < len(toks); i++ {
		if i+len(want) <= len(toks) && sameTokens(toks[i:i+len(want)], want) {
			out = append(out, repl...)
			i += len(want) - 1
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

func sameTokens(a, b hclwrite.Tokens) bool {
	for i := range a {
		if a[i].Type != b[i].Type || !bytes.Equal(a[i].Bytes, b[i].Bytes) {
			return false
		}
	}
	return true
}

func (t *tfWriter) grant(g *spec.Grant) error {
	n := tfName(g.Label)
	pol := t.resource("aws_iam_policy", n)
	switch {
	case g.IAMUser != nil:
		pol.SetAttributeValue("name", cty.StringVal(g.IAMUser.PolicyName.Value))
	case g.Role != nil:
		pol.SetAttributeValue("name", cty.StringVal(g.Role.PolicyName.Value))
	}
	if err := t.setJSON(pol, "policy", t.d.get(g.Address, render.KindIdentityPolicy)); err != nil {
		return err
	}
	arn := tfRef("aws_iam_policy", n, "arn")
	switch {
	case g.IAMUser != nil:
		u := t.resource("aws_iam_user", n)
		u.SetAttributeValue("name", cty.StringVal(g.IAMUser.Name.Value))
		u.SetAttributeValue("path", cty.StringVal(pathOr(g.IAMUser.Path.Value)))
		a := t.resource("aws_iam_user_policy_attachment", n)
		a.SetAttributeTraversal("user", tfRef("aws_iam_user", n, "name"))
		a.SetAttributeTraversal("policy_arn", arn)
	case g.Role != nil:
		r := t.resource("aws_iam_role", n)
		r.SetAttributeValue("name", cty.StringVal(g.Role.Name.Value))
		r.SetAttributeValue("path", cty.StringVal(pathOr(g.Role.Path.Value)))
		r.SetAttributeValue("max_session_duration", cty.NumberIntVal(int64(g.Role.MaxSessionDuration.Value)))
		if err := t.setJSON(r, "assume_role_policy", t.d.get(g.Address, render.KindTrustPolicy)); err != nil {
			return err
		}
		a := t.resource("aws_iam_role_policy_attachment", n)
		a.SetAttributeTraversal("role", tfRef("aws_iam_role", n, "name"))
		a.SetAttributeTraversal("policy_arn", arn)
	}
	return nil
}

func (t *tfWriter) bytes() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# Generated by teramotc from " + joinFiles(t.spec) + ". Edit the spec, not this file.\n\n")
	buf.Write(hclwrite.Format(t.f.Bytes()))
	return buf.Bytes(), checkNoSensitive(buf.Bytes(), t.spec, "Terraform")
}
