package render

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// lifecycle renders the lifecycle configuration, or nothing when the bucket
// has no rules. Every rule carries a Filter (an empty prefix matches every
// object): the S3 API rejects rules with neither Filter nor Prefix as
// MalformedXML, which is the mistake in the setup guide's JSON.
func (r *renderer) lifecycle(dir string, b *spec.Bucket) {
	if len(b.LifecycleRules) == 0 {
		return
	}
	rules := make([]any, len(b.LifecycleRules))
	prov := map[string]hcl.Range{}
	for i, lr := range b.LifecycleRules {
		at := pointer("/Rules", i)
		status := "Disabled"
		if lr.Enabled.Value {
			status = "Enabled"
		}
		rule := object{
			"ID":     lr.ID,
			"Status": status,
			"Filter": object{"Prefix": lr.Prefix.Value},
		}
		prov[at] = lr.DeclRange
		prov[at+"/Status"] = lr.Enabled.Range
		prov[at+"/Filter/Prefix"] = lr.Prefix.Range
		if len(lr.Transitions) > 0 {
			ts := make([]any, len(lr.Transitions))
			for j, t := range lr.Transitions {
				ts[j] = object{"Days": t.Days.Value, "StorageClass": t.StorageClass.Value}
				tat := pointer(at+"/Transitions", j)
				prov[tat] = t.DeclRange
				prov[tat+"/Days"] = t.Days.Range
				prov[tat+"/StorageClass"] = t.StorageClass.Range
			}
			rule["Transitions"] = ts
		}
		if lr.ExpirationDays.Set {
			rule["Expiration"] = object{"Days": lr.ExpirationDays.Value}
			prov[at+"/Expiration/Days"] = lr.ExpirationDays.Range
		}
		if lr.NoncurrentExpirationDays.Set {
			rule["NoncurrentVersionExpiration"] = object{"NoncurrentDays": lr.NoncurrentExpirationDays.Value}
			prov[at+"/NoncurrentVersionExpiration/NoncurrentDays"] = lr.NoncurrentExpirationDays.Range
		}
		if lr.AbortIncompleteUploadDays.Set {
			rule["AbortIncompleteMultipartUpload"] = object{"DaysAfterInitiation": lr.AbortIncompleteUploadDays.Value}
			prov[at+"/AbortIncompleteMultipartUpload/DaysAfterInitiation"] = lr.AbortIncompleteUploadDays.Range
		}
		rules[i] = rule
	}
	r.add(dir+"lifecycle.json", KindLifecycle, b.Block, object{"Rules": rules}, prov)
}
