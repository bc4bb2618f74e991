package spec

import "strings"

// regionPartition returns the partition whose ARNs name resources of
// region, by the region name's prefix: cn-* regions are in aws-cn, us-gov-*
// in aws-us-gov, the others in aws. Region names are not listed here (new
// regions open every year); the prefixes are those of the partitions a
// spec can name (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html:
// "aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS GovCloud (US)
// Regions").
func regionPartition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
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
		if want := regionPartition(r.Value); want != partition {
			l.errorf(r.Range.Ptr(), "Region not in the partition",
				"%s is a region of partition %q, but the spec uses %s, so every ARN it renders would name the wrong "+
					"partition. Set partition = %q in the aws block, or use a region of %q such as %s.",
				show(r), want, where, want, partition, partitionRegions[partition])
		}
	}
}
