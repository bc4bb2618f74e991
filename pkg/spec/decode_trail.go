package spec

import "github.com/hashicorp/hcl/v2"

func (l *loader) decodeTrail(b *hcl.Block) *Trail {
	content, diags := b.Body.Content(trailSchema)
	l.diags = append(l.diags, diags...)
	label := b.Labels[0]
	l.checkLabel(b, "trail")
	a := l.attrs(content.Attributes, b.DefRange, nil)
	a.required(b, "a trail block", "bucket", "log_bucket")
	t := &Trail{
		Block:             blockOf(b, "trail."+label),
		Label:             label,
		Bucket:            l.bucketRef(a, "bucket"),
		LogBucketAccount:  a.str("log_bucket_account", ""),
		LogPrefix:         a.str("log_prefix", ""),
		ReadEvents:        a.boolean("read_events", true),
		WriteEvents:       a.boolean("write_events", true),
		MultiRegion:       a.boolean("multi_region", true),
		LogFileValidation: a.boolean("log_file_validation", true),
		KMSKeyARN:         a.str("kms_key_arn", ""),
		ManagementEvents:  a.boolean("management_events", true),
	}
	t.LogBucket, t.LogBucketRef = l.bucketNameRef(a, "log_bucket")
	return t
}
