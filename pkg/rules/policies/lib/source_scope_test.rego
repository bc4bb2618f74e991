package teramotc.lib.source_scope_test

import data.teramotc.lib.common

own := {
	"aws": {"account_id": {"value": "111122223333"}},
	"buckets": [{"label": "data", "address": "bucket.data", "name": {"value": "acme-data"}}],
}

svc(condition) := {"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*", "Condition": condition}

scoped(c) if common.source_scoped(svc(c)) with input as own

scoped_unknown(c) if common.source_scoped(svc(c)) with input as {}

test_scoped_to_own_account if {
	every c in [
		{"StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"StringEquals": {"AWS:SOURCEACCOUNT": "111122223333"}},
		{"ForAnyValue:StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"ArnEquals": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*"}},
		{"StringLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/*"}},
		{"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}},
		# Review-diff4 L2: an organization path with a fixed organization id.
		{"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}},
		{"ForAnyValue:StringEquals": {"aws:SourceOrgPaths": ["o-a1b2c3d4e5/r-ab12/"]}},
		# The bucket ARN of a declared bucket (the access log source).
		{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-data"}},
		# Conditions are ANDed: one scoping entry is enough.
		{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::elsewhere"}, "StringEquals": {"aws:SourceAccount": "111122223333"}},
	] {
		scoped(c)
	}
}

test_not_scoped if {
	every c in [
		{},
		{"StringEquals": {"s3:prefix": "public/"}},
		{"StringEquals": {"aws:SourceAccount": "210987654321"}},
		{"StringEquals": {"aws:SourceAccount": ["111122223333", "210987654321"]}},
		{"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}},
		{"ForAllValues:StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"StringNotEquals": {"aws:SourceAccount": "210987654321"}},
		{"StringLike": {"aws:SourceAccount": "1111222233*"}},
		{"StringEquals": {"aws:SourceAccount": []}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::210987654321:distribution/E1"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::*:distribution/E1"}},
		{"ArnLikeIfExists": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"}},
		{"StringLike": {"aws:SourceArn": "arn:*:cloudfront::111122223333:distribution/E1"}},
		# A bucket the spec does not declare: its owner is unknown.
		{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::elsewhere"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-*"}},
		{"StringLike": {"aws:SourceOrgID": "o-*"}},
		{"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-*/r-ab12/*"}},
		{"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "*"}},
		{"ForAnyValue:StringLike": {"aws:SourceOrgPaths": ["o-a1b2c3d4e5/r-ab12/*", "*/ou-ab12-11111111/*"]}},
		{"ForAllValues:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}},
		{"StringEquals": {"aws:SourceOwner": "111122223333"}},
	] {
		not scoped(c)
	}
}

# Without aws.account_id any fixed source counts.
test_unknown_account if {
	scoped_unknown({"StringEquals": {"aws:SourceAccount": "210987654321"}})
	scoped_unknown({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::elsewhere"}})
	not scoped_unknown({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::acme-*"}})
	not scoped_unknown({})
}

cond(key, vs) := {"operator": "StringEquals", "key": key, "values": vs}

test_foreign_accounts if {
	common.foreign_accounts(cond("aws:sourceaccount", ["210987654321", "111122223333"])) == {"210987654321"} with input as own
	common.foreign_accounts(cond("s3:dataaccesspointaccount", ["210987654321"])) == {"210987654321"} with input as own
	common.foreign_accounts(cond("aws:sourcearn", ["arn:aws:cloudfront::210987654321:distribution/E1"])) == {"210987654321"} with input as own
	common.foreign_accounts(cond("s3:x-amz-server-side-encryption-aws-kms-key-id", ["arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"])) == {"210987654321"} with input as own
	common.foreign_accounts(cond("s3:x-amz-server-side-encryption-aws-kms-key-id", ["1234abcd-12ab-34cd-56ef-1234567890ab"])) == set() with input as own
	common.foreign_accounts(cond("aws:sourcearn", ["arn:aws:s3:::elsewhere"])) == set() with input as own
	common.foreign_accounts(cond("aws:principalaccount", ["210987654321"])) == set() with input as own
	common.foreign_accounts(cond("aws:sourceaccount", ["210987654321"])) == set() with input as {}
	not common.limiting_condition(cond("aws:sourcearn", ["arn:aws:cloudfront::210987654321:distribution/E1"])) with input as own
	common.limiting_condition(cond("aws:sourcearn", ["arn:aws:cloudfront::111122223333:distribution/E1"])) with input as own
	common.limiting_condition(cond("aws:principalaccount", ["210987654321"])) with input as own
	common.narrowing_condition(cond("s3:dataaccesspointaccount", ["210987654321"])) with input as own
}
