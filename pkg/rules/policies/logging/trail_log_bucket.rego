# METADATA
# title: Trail log bucket is dedicated and private
# description: >-
#   CloudTrail logs are evidence. Written into a bucket that is shared with a
#   partner (by a grant, or by an Allow of its policy to another account or
#   a wildcard principal that no condition limits to the own account, or to
#   a grant's role or IAM user: those live in the own account, so "*"
#   limited to the own account, or their ARN, reaches the partner), they
#   can be read or deleted by that partner, and
#   a trail that logs data events of its own log bucket logs every log
#   delivery again, without end. A log bucket declared in the spec must also keep all four
#   Public Access Block flags on, because a public log bucket exposes the
#   account's activity to anyone, and its policy must not let in a service
#   principal other than the log delivery services read, list or
#   administer it, even one scoped to the own account (a CloudFront
#   distribution serves the logs to whoever may call it); an Allow that
#   only lets a service deliver (s3:PutObject, with the s3:GetBucketAcl,
#   s3:GetBucketLocation or s3:GetBucketPolicy checks AWS documents, as for
#   ELB access logs or S3 Inventory reports) is fine, as is the older ELB
#   form that lets the regional Elastic Load Balancing account only
#   s3:PutObject the bucket's objects. A bucket whose hand-written statement lets CloudTrail (or
#   delivery.logs or config .amazonaws.com) deliver logs is a log bucket
#   too: it must not be shared nor let another service in. Its policy must
#   let CloudTrail write:
#   teramotc adds the statements, scoped to the trail's ARN, which needs the
#   spec's account (aws.account_id), and no Deny of that policy may apply
#   to CloudTrail's upload (a Deny beats the Allow and the logs are lost).
#   A log bucket named by a literal string that no bucket block declares is
#   a warning: CloudTrail delivers to a bucket of any account whose policy
#   lets it write, so a typo or a name someone else registered sends the
#   data events to that account, and lint cannot see who owns the bucket or
#   who may read it. plan and apply check that it exists and is the
#   caller's (HeadBucket with ExpectedBucketOwner) before they create or
#   update the trail. A trail that delivers to another account of the
#   organization (a central log archive) names that account in
#   log_bucket_account: plan and apply then check that the bucket is that
#   account's, and the warning says what goes to it: the data events and,
#   with management_events (the default), every management event of the
#   account, in all regions for a multi-region trail. A log_bucket_account
#   the spec shares data with (a grant's trusted account, an account of a
#   bucket-policy Allow) is an error: the audited party would own the audit
#   log and could delete or withhold the records of its own access. With
#   log_bucket_account equal to aws.account_id there is no warning, since
#   plan and apply check the owner.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-recursive-logging.html
#     description: AWS documentation
# custom:
#   id: TMC405
#   name: trail-log-bucket
#   severity: error
#   hard: false
#   remediation: >-
#     Point log_bucket at a dedicated log bucket that no grant or policy
#     statement shares with another account, that no other service (such
#     as a CloudFront distribution) reads, and that is not the trail's
#     data bucket, and keep block_public_access = true on
#     it. Set account_id in the aws block, and exempt cloudtrail.amazonaws.com
#     from your own Deny statements on the log bucket. Declare the log
#     bucket in the spec (log_bucket = bucket.logs.name). For a central log
#     bucket of another account of your organization, set
#     log_bucket_account = "ID" to that account (plan and apply check that
#     the bucket is its), and suppress the warning with that reason; set
#     management_events = false on a trail whose logs leave the account if
#     that account needs only the data events. Never send the logs to an
#     account the spec shares data with.
#   security_severity: "7.5"
#   peers: [AVD-AWS-0161, "FSBP CloudTrail.6", "CIS 3.3"]
package teramotc.rules.trail_log_bucket

import data.teramotc.lib.common
import data.teramotc.lib.log_delivery
import data.teramotc.lib.log_targets
import data.teramotc.lib.sharing

# logs_to holds when trail t writes its logs to the declared bucket b.
logs_to(t, b) if t.log_bucket_ref == b.label

logs_to(t, b) if {
	t.log_bucket_ref == ""
	t.log_bucket.value == b.name.value
}

deny contains f if {
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	some g in input.grants
	g.bucket.value == b.label
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %q, which grant %q shares", [t.label, b.label, g.label]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# The log bucket's policy lets another account or a wildcard principal in.
deny contains f if {
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	[_, i, s] := sharing.sharing_statement(b.address)
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %q, whose policy statement %s %s", [t.label, b.label, statement_name(s, i), sharing.who(s)]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# The log bucket's policy lets another service in (a CloudFront
# distribution, even one of the own account, serves the logs to whoever may
# call it): only the log delivery may use a log bucket (L10).
deny contains f if {
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	[_, i, s, svc] := log_targets.other_service(b.address)
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %q, whose policy statement %s lets the service principal %q in: whoever can use that service's resource (a CloudFront distribution serves anyone) reads the logs", [t.label, b.label, statement_name(s, i), svc]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# A bucket whose hand-written statement lets CloudTrail (or another log
# delivery service: CloudWatch vended logs, AWS Config) deliver into it is a
# log bucket too: it must not be shared, nor let another service in (M4,
# L10).
deny contains f if {
	some b in input.buckets
	some svc in log_targets.delivery_services_of(b.address)
	svc != "logging.s3.amazonaws.com"
	[i, s] := log_targets.first_delivery(b.address, svc)
	why := exposed(b)
	f := {
		"msg": sprintf("statement %s of the policy of bucket %q lets %s deliver logs into it, but %s: whoever may read the bucket reads the logs delivered there (with a trail, the account's management events)", [statement_name(s, i), b.label, svc, why]),
		"range": common.statement_range(common.policy_document(b.address, "bucket-policy"), i),
		"address": b.address,
	}
}

# exposed says how a log bucket's content leaves the account: a grant, a
# sharing statement of its policy, or an Allow to another service.
exposed(b) := sprintf("grant %q shares the bucket", [gs[0]]) if {
	gs := sort([g.label | some g in input.grants; g.bucket.value == b.label])
	count(gs) > 0
} else := sprintf("its policy statement %s %s", [statement_name(s, i), sharing.who(s)]) if {
	[_, i, s] := sharing.sharing_statement(b.address)
} else := sprintf("its policy statement %s lets the service principal %q in", [statement_name(s, i), svc]) if {
	[_, i, s, svc] := log_targets.other_service(b.address)
}

deny contains f if {
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	b.label == t.bucket.value
	f := {
		"msg": sprintf("trail %q writes its logs to the bucket whose data events it logs", [t.label]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

pab_flags := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains f if {
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	open := [flag | some flag in pab_flags; b[flag].value != true]
	count(open) > 0
	f := {
		"msg": sprintf("log bucket %q of trail %q does not block public access (%s off)", [b.label, t.label, concat(", ", open)]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# Without the account no CloudTrail statement is rendered: a wildcard account
# would let a trail of that name in any account write here.
deny contains f if {
	common.own_account == ""
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	f := {
		"msg": sprintf("teramotc renders no CloudTrail statement on log bucket %q without the account: set account_id in the aws block", [b.label]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# A Deny of the log bucket's policy blocks CloudTrail's upload (checked when
# the statements that let CloudTrail write are rendered, with the account).
deny contains f if {
	common.own_account != ""
	some t in input.trails
	some b in input.buckets
	logs_to(t, b)
	req := log_delivery.trail_request(t, b.name.value)
	some [doc, i, s] in log_delivery.blocking_denies(b.address, req)
	f := {
		"msg": sprintf("statement %s of the policy of log bucket %q denies cloudtrail.amazonaws.com the upload of the logs of trail %q", [statement_name(s, i), b.label, t.label]),
		"range": common.statement_range(doc, i),
		"address": b.address,
	}
}

# The log bucket is named by a literal string that no bucket block declares:
# a warning, since only plan and apply can check its owner.
deny contains f if {
	some t in input.trails
	undeclared_log_bucket(t)
	object.get(t, ["log_bucket_account", "value"], "") == ""
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %s, which the spec does not declare: CloudTrail delivers to any account's bucket that lets it, and lint cannot check who owns or reads it (plan and apply stop unless it is your account's; set log_bucket_account for a bucket of another account of your organization)", [t.label, common.shown(t.log_bucket)]),
		"range": t.log_bucket.range,
		"address": t.address,
		"severity": "warning",
	}
}

# log_bucket_account names another account: the logs go there. An
# account the spec shares data with (a grant's trusted account, an account
# of a bucket-policy Allow) is an error: the audited party would own the
# audit log.
deny contains f if {
	some t in input.trails
	undeclared_log_bucket(t)
	account := object.get(t, ["log_bucket_account", "value"], "")
	account != ""
	account != common.own_account
	not account in partner_accounts
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %s of account %s (log_bucket_account), which receives %s: lint cannot check who reads them there (plan and apply check that the bucket is that account's)", [t.label, common.shown(t.log_bucket), common.shown(t.log_bucket_account), what_is_sent(t)]),
		"range": t.log_bucket.range,
		"address": t.address,
		"severity": "warning",
	}
}

deny contains f if {
	some t in input.trails
	undeclared_log_bucket(t)
	account := object.get(t, ["log_bucket_account", "value"], "")
	account in partner_accounts
	f := {
		"msg": sprintf("trail %q writes its logs to bucket %s of account %s (log_bucket_account), which the spec shares data with: that account receives %s and can delete or withhold the records of its own access", [t.label, common.shown(t.log_bucket), common.shown(t.log_bucket_account), what_is_sent(t)]),
		"range": t.log_bucket.range,
		"address": t.address,
	}
}

# partner_accounts holds the accounts the spec shares data with: the
# trusted accounts of the grants' roles and the accounts of the AWS
# principals of bucket-policy Allows that share a bucket.
partner_accounts contains account if {
	some g in input.grants
	account := object.get(g, ["cross_account_role", "trusted_account_id", "value"], "")
	account != ""
	account != common.own_account
}

partner_accounts contains account if {
	some [_, _, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	sharing.shares(s)
	some p in common.principals(s)
	common.other_account_principal(p)
	account := common.principal_account(p.value)
}

# what_is_sent says what a trail delivers: the data events of its bucket
# and, with management events on (the default), every management event of
# the own account, in every region for a multi-region trail.
what_is_sent(t) := sprintf("the data events of bucket %q and every management event of %s%s", [t.bucket.value, own_account_name, regions(t)]) if {
	not t.management_events.value == false
} else := sprintf("the data events of bucket %q", [t.bucket.value])

own_account_name := sprintf("account %s", [common.own_account]) if common.own_account != ""

else := "the own account"

regions(t) := " in all regions" if not t.multi_region.value == false

else := ""

undeclared_log_bucket(t) if {
	object.get(t, "log_bucket_ref", "") == ""
	t.log_bucket.value != ""
	not declared_name(t.log_bucket.value)
}

declared_name(name) if count(common.bucket_name_index[name]) > 0

statement_name(s, i) := sprintf("%q", [s.Sid]) if s.Sid

else := sprintf("%d", [i])
