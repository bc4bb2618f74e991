package spec

import "strings"

// regionPartition returns the partition whose ARNs name resources of
// region: the one regions.txt (the AWS SDK's partitions.json) gives a known
// region, else the one its name's prefix says, so that a region AWS opens
// after the release still gets its partition. The prefixes are the
// regionRegex of each partition in partitions.json
// (TestRegionPrefixesMatchSDK): cn-* is aws-cn, us-gov-* aws-us-gov, the
// isolated partitions (us-iso-*, us-isob-*, us-isof-*, eu-isoe-*) and the
// European Sovereign Cloud (eusc-de-*) have partitions of their own, the
// others are aws. A spec can name only the first three
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html:
// "aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS GovCloud (US)
// Regions"). An unknown region gets a warning of its own (checkKnownRegion).
func regionPartition(region string) string {
	if p, known := knownRegions().partition[region]; known {
		return p
	}
	return prefixPartition(region)
}

// prefixPartition returns the partition of a region by its name's prefix.
func prefixPartition(region string) string {
	for _, p := range regionPrefixes {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	return "aws"
}

var regionPrefixes = []struct{ prefix, partition string }{
	{"cn-", "aws-cn"},
	{"us-gov-", "aws-us-gov"},
	{"us-iso-", "aws-iso"},
	{"us-isob-", "aws-iso-b"},
	{"us-isof-", "aws-iso-f"},
	{"eu-isoe-", "aws-iso-e"},
	{"eusc-", "aws-eusc"},
}

// partitionRegions lists example regions of each partition for diagnostics.
var partitionRegions = map[string]string{
	"aws":        `"us-east-1" or "eu-west-1"`,
	"aws-cn":     `"cn-north-1" or "cn-northwest-1"`,
	"aws-us-gov": `"us-gov-west-1" or "us-gov-east-1"`,
}

// checkPartitionRegions reports, at its region attribute, each bucket whose
// region is not in the spec's partition: every ARN teramotc renders (buckets,
// trails, IAM policies) starts with arn:PARTITION, and ARNs of another
// partition than the region's match nothing there.
func (l *loader) checkPartitionRegions() {
	p := l.spec.AWS.Partition
	partition := p.Value
	if partition == "" {
		partition = "aws"
	}
	if _, known := partitionRegions[partition]; !known {
		return // reported as an invalid partition
	}
	where := "the default partition, \"aws\""
	if p.Set {
		where = "the partition set at " + p.Range.String()
	}
	for _, b := range l.spec.Buckets {
		r := b.Region
		if !r.Set || r.Sensitive || !regionRe.MatchString(r.Value) {
			continue
		}
		want := regionPartition(r.Value)
		if _, supported := partitionRegions[want]; !supported {
			l.errorf(r.Range.Ptr(), "Region of an unsupported partition",
				"%s is a region of partition %q, which teramotc does not support: it renders ARNs and plans "+
					"calls for the aws, aws-cn and aws-us-gov partitions only. Use a region of one of those.",
				show(r), want)
			continue
		}
		if want != partition {
			l.errorf(r.Range.Ptr(), "Region not in the partition",
				"%s is a region of partition %q, but the spec uses %s, so every ARN it renders would name the wrong "+
					"partition. Set partition = %q in the aws block, or use a region of %q such as %s.",
				show(r), want, where, want, partition, partitionRegions[partition])
		}
	}
}
