# The older form of ELB access-log delivery. For the regions opened before
# August 2022, AWS documents a bucket policy that lets the regional Elastic
# Load Balancing account put the logs, instead of the service principal
# logdelivery.elasticloadbalancing.amazonaws.com. That account is AWS's, not
# a partner's: a statement that lets it only put objects into the bucket is
# a write-only delivery, which lib/sharing does not count as sharing.
package teramotc.lib.sharing

import data.teramotc.lib.common

# elb_accounts maps the Elastic Load Balancing account ids to their region.
# Source:
# https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
# (and the classic load balancer page, the GovCloud (US) and China guides
# for the last four).
# Verification (2026-11-28): the stored copies of the AWS page above (and of
# its classic and China counterparts) that teramotc's reference search
# reaches end before the region table, so the table could not be compared
# with AWS's own text. It was compared with an independent third-party
# CloudFormation mapping of the same AWS table: the 17 regions that mapping
# lists (af-south-1, ap-east-1, ap-northeast-1/2/3, ap-south-1,
# ap-southeast-1/2, ca-central-1, eu-central-1, eu-north-1, eu-south-1,
# eu-west-1/2/3, me-south-1, sa-east-1) match entry for entry; us-east-1/2,
# us-west-1/2, ap-southeast-3, GovCloud and China are unverified. Compare
# them with the AWS page before relying on them; a wrong id here only makes
# a write-only delivery statement count as sharing, or a stranger's
# put-only statement not count.
elb_accounts := {
	"127311923021": "us-east-1",
	"033677994240": "us-east-2",
	"027434742980": "us-west-1",
	"797873946194": "us-west-2",
	"098369216593": "af-south-1",
	"754344448648": "ap-east-1",
	"589379963580": "ap-southeast-3",
	"718504428378": "ap-south-1",
	"383597477331": "ap-northeast-3",
	"600734575887": "ap-northeast-2",
	"114774131450": "ap-southeast-1",
	"783225319266": "ap-southeast-2",
	"582318560864": "ap-northeast-1",
	"985666609251": "ca-central-1",
	"054676820928": "eu-central-1",
	"156460612806": "eu-west-1",
	"652711504416": "eu-west-2",
	"635631232127": "eu-south-1",
	"009996457667": "eu-west-3",
	"897822967062": "eu-north-1",
	"076674570225": "me-south-1",
	"507241528517": "sa-east-1",
	"048591011584": "us-gov-west-1",
	"190560391635": "us-gov-east-1",
	"638102146993": "cn-north-1",
	"037604701340": "cn-northwest-1",
}

# elb_delivery(s, p): p is an ELB account as AWS documents it (the account
# id, or its root ARN) and s lets it do nothing but s3:PutObject under the
# own account's log keys (every Action s3:PutObject, written out; no
# NotAction or NotResource; every Resource in AWS's documented form
# arn:aws:s3:::BUCKET/PREFIX/AWSLogs/<own account id>/..., the prefix
# optional). The regional ELB account writes for every AWS customer of the
# region, each under AWSLogs/<its account>/ (a prefix may not contain
# "AWSLogs"), so only that form keeps other customers' load balancers out
# (review-diff6b F5). Anything more (reading, listing, s3:Put*, the bucket
# ARN, BUCKET/*, another account's AWSLogs, a wildcard before it) or an
# unknown own account (no aws.account_id) is sharing.
elb_delivery(s, p) if {
	p.type == "AWS"
	elb_root(p.value)
	put_object_only(s)
}

elb_root(v) if elb_accounts[v]

elb_root(v) if {
	parts := split(v, ":")
	count(parts) == 6
	parts[0] == "arn"
	parts[2] == "iam"
	parts[3] == ""
	elb_accounts[parts[4]]
	parts[5] == "root"
}

put_object_only(s) if {
	count(common.not_actions(s)) == 0
	not s.NotResource
	acts := common.actions(s)
	count(acts) > 0
	every a in acts {
		lower(a) == "s3:putobject"
	}
	rs := common.resources(s)
	count(rs) > 0
	own := common.own_account
	own != ""
	every r in rs {
		own_log_keys(r, own)
	}
}

# own_log_keys(r, own): r is arn:PARTITION:s3:::BUCKET/[PREFIX/]AWSLogs/OWN/...
# with no wildcard before AWSLogs/OWN/ (a "*" there would also match
# another customer's keys).
own_log_keys(r, own) if {
	regex.match(`^arn:[a-z-]+:s3:::[^/*?]+/([^*?]*/)?AWSLogs/[0-9]{12}/.+$`, r)
	# one AWSLogs/ in the key, and the account after it is own
	key := substring(r, indexof(r, "/") + 1, -1)
	parts := split(key, "AWSLogs/")
	count(parts) == 2
	startswith(parts[1], sprintf("%s/", [own]))
}
