package export

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

func (t *tfWriter) lifecycle(n string, id hcl.Traversal, lc map[string]any) {
	r := t.resource("aws_s3_bucket_lifecycle_configuration", n)
	r.SetAttributeTraversal("bucket", id)
	for _, rule := range list(lc["Rules"]) {
		in := obj(rule)
		rb := r.AppendNewBlock("rule", nil).Body()
		rb.SetAttributeValue("id", cty.StringVal(fmt.Sprint(in["ID"])))
		rb.SetAttributeValue("status", cty.StringVal(fmt.Sprint(in["Status"])))
		prefix := ""
		if f := obj(in["Filter"]); f != nil && f["Prefix"] != nil {
			prefix = fmt.Sprint(f["Prefix"])
		}
		rb.AppendNewBlock("filter", nil).Body().SetAttributeValue("prefix", cty.StringVal(prefix))
		for _, tr := range list(in["Transitions"]) {
			tm := obj(tr)
			tb := rb.AppendNewBlock("transition", nil).Body()
			tb.SetAttributeValue("days", number(tm["Days"]))
			tb.SetAttributeValue("storage_class", cty.StringVal(fmt.Sprint(tm["StorageClass"])))
		}
		if e := obj(in["Expiration"]); e != nil {
			rb.AppendNewBlock("expiration", nil).Body().SetAttributeValue("days", number(e["Days"]))
		}
		if e := obj(in["NoncurrentVersionExpiration"]); e != nil {
			rb.AppendNewBlock("noncurrent_version_expiration", nil).Body().SetAttributeValue("noncurrent_days", number(e["NoncurrentDays"]))
		}
		if e := obj(in["AbortIncompleteMultipartUpload"]); e != nil {
			rb.AppendNewBlock("abort_incomplete_multipart_upload", nil).Body().SetAttributeValue("days_after_initiation", number(e["DaysAfterInitiation"]))
		}
	}
	r.SetAttributeRaw("depends_on", hclwrite.TokensForTuple([]hclwrite.Tokens{
		hclwrite.TokensForTraversal(tfRef("aws_s3_bucket_versioning", n))}))
}

func number(v any) cty.Value {
	switch v := v.(type) {
	case int:
		return cty.NumberIntVal(int64(v))
	case int64:
		return cty.NumberIntVal(v)
	case float64:
		return cty.NumberFloatVal(v)
	}
	return cty.NullVal(cty.Number)
}

func (t *tfWriter) trail(tr *spec.Trail) {
	n := tfName(tr.Label)
	doc := t.d.get(tr.Address, render.KindTrail)
	r := t.resource("aws_cloudtrail", n)
	r.SetAttributeValue("name", cty.StringVal(fmt.Sprint(doc["Name"])))
	if tr.LogBucketRef != "" {
		r.SetAttributeTraversal("s3_bucket_name", tfRef("aws_s3_bucket", tfName(tr.LogBucketRef), "id"))
	} else {
		r.SetAttributeValue("s3_bucket_name", cty.StringVal(fmt.Sprint(doc["S3BucketName"])))
	}
	if v, ok := doc["S3KeyPrefix"]; ok {
		r.SetAttributeValue("s3_key_prefix", cty.StringVal(fmt.Sprint(v)))
	}
	for _, k := range [][2]string{{"is_multi_region_trail", "IsMultiRegionTrail"}, {"enable_log_file_validation", "EnableLogFileValidation"},
		{"include_global_service_events", "IncludeGlobalServiceEvents"}} {
		if v, ok := doc[k[1]].(bool); ok {
			r.SetAttributeValue(k[0], cty.BoolVal(v))
		}
	}
	if v, ok := doc["KmsKeyId"]; ok {
		r.SetAttributeValue("kms_key_id", cty.StringVal(fmt.Sprint(v)))
	}
	r.SetAttributeValue("enable_logging", cty.True)
	if es := t.d.get(tr.Address, render.KindEventSelectors); es != nil {
		for _, sel := range list(es["EventSelectors"]) {
			sm := obj(sel)
			sb := r.AppendNewBlock("event_selector", nil).Body()
			sb.SetAttributeValue("read_write_type", cty.StringVal(fmt.Sprint(sm["ReadWriteType"])))
			if v, ok := sm["IncludeManagementEvents"].(bool); ok {
				sb.SetAttributeValue("include_management_events", cty.BoolVal(v))
			}
			for _, dr := range list(sm["DataResources"]) {
				dm := obj(dr)
				db := sb.AppendNewBlock("data_resource", nil).Body()
				db.SetAttributeValue("type", cty.StringVal(fmt.Sprint(dm["Type"])))
				var vals []cty.Value
				for _, v := range list(dm["Values"]) {
					vals = append(vals, cty.StringVal(fmt.Sprint(v)))
				}
				sort.Slice(vals, func(i, j int) bool { return vals[i].AsString() < vals[j].AsString() })
				db.SetAttributeValue("values", cty.ListVal(vals))
			}
		}
	}
	if tr.LogBucketRef != "" && t.d.get("bucket."+tr.LogBucketRef, render.KindBucketPolicy) != nil {
		r.SetAttributeRaw("depends_on", hclwrite.TokensForTuple([]hclwrite.Tokens{
			hclwrite.TokensForTraversal(tfRef("aws_s3_bucket_policy", tfName(tr.LogBucketRef)))}))
	}
}
