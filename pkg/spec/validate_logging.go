package spec

// checkLogTargets checks each bucket's access_logging target that is
// declared in the spec (by reference, or by a name some bucket block
// uses): S3 delivers server access logs only to a bucket in the source
// bucket's region (and account, which every declared bucket shares), and
// PutBucketLogging refuses any other target. A target that is not declared
// is checked by plan, which can ask S3 where it is.
func (l *loader) checkLogTargets() {
	byLabel := map[string]*Bucket{}
	byName := map[string]*Bucket{}
	for _, b := range l.spec.Buckets {
		byLabel[b.Label] = b
		if b.Name.Set && b.Name.Value != "" {
			byName[b.Name.Value] = b
		}
	}
	for _, b := range l.spec.Buckets {
		al := b.AccessLogging
		if al == nil || !b.Region.Set || b.Region.Value == "" {
			continue
		}
		t := byLabel[al.TargetRef]
		if al.TargetRef == "" {
			t = byName[al.TargetBucket.Value]
		}
		if t == nil || t == b || !t.Region.Set || t.Region.Value == "" || t.Region.Value == b.Region.Value {
			continue
		}
		l.errorf(al.TargetBucket.Range.Ptr(), "Log target in another region",
			"The server access logs of %s would go to %s, which is in region %s, but %s is in region %s: S3 delivers "+
				"access logs only to a bucket in the same region and account as the logged bucket, and rejects this target. "+
				"Log to a bucket in %s instead, for example a separate log bucket declared with region = %q.",
			b.Address, t.Address, shownPlain(t.Region), b.Address, shownPlain(b.Region), shownPlain(b.Region), shownPlain(b.Region))
	}
}
