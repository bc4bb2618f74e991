package render

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// logPrefix is the trail's S3 key prefix as rendered in both the trail and
// its log bucket's policy, so the two always agree. Validation rejects a
// log_prefix with a slash at either end; trimming keeps a model that was
// not validated consistent too.
func logPrefix(t *spec.Trail) string {
	return strings.Trim(t.LogPrefix.Value, "/")
}

// trail renders the --cli-input-json of `cloudtrail create-trail` and of
// `cloudtrail put-event-selectors` for one trail block. The trail is named
// after its label. Event selectors are omitted when the trail logs neither
// reads nor writes.
func (r *renderer) trail(t *spec.Trail) {
	b := r.bucketFor(t.Bucket, "trail \""+t.Label+"\"")
	if b == nil {
		return
	}
	dir := "trails/" + t.Label + "/"
	content := object{
		"Name":                       t.Label,
		"S3BucketName":               t.LogBucket.Value,
		"IsMultiRegionTrail":         t.MultiRegion.Value,
		"EnableLogFileValidation":    t.LogFileValidation.Value,
		"IncludeGlobalServiceEvents": true,
	}
	prov := map[string]hcl.Range{
		"/Name":                    t.DeclRange,
		"/S3BucketName":            t.LogBucket.Range,
		"/IsMultiRegionTrail":      t.MultiRegion.Range,
		"/EnableLogFileValidation": t.LogFileValidation.Range,
	}
	if prefix := logPrefix(t); prefix != "" {
		content["S3KeyPrefix"] = prefix
		prov["/S3KeyPrefix"] = t.LogPrefix.Range
	}
	if t.KMSKeyARN.Value != "" {
		content["KmsKeyId"] = t.KMSKeyARN.Value
		prov["/KmsKeyId"] = t.KMSKeyARN.Range
	}
	r.add(dir+"trail.json", KindTrail, t.Block, content, prov)

	var rw string
	switch {
	case t.ReadEvents.Value && t.WriteEvents.Value:
		rw = "All"
	case t.ReadEvents.Value:
		rw = "ReadOnly"
	case t.WriteEvents.Value:
		rw = "WriteOnly"
	default:
		return
	}
	r.add(dir+"event-selectors.json", KindEventSelectors, t.Block, object{
		"TrailName": t.Label,
		"EventSelectors": []any{object{
			"ReadWriteType":           rw,
			"IncludeManagementEvents": t.ManagementEvents.Value,
			"DataResources": []any{object{
				"Type":   "AWS::S3::Object",
				"Values": []any{r.bucketARN(b.Name.Value) + "/"},
			}},
		}},
	}, map[string]hcl.Range{
		"/EventSelectors/0/ReadWriteType":            t.ReadEvents.Range,
		"/EventSelectors/0/IncludeManagementEvents":  t.ManagementEvents.Range,
		"/EventSelectors/0/DataResources/0/Values/0": t.Bucket.Range,
	})
}
