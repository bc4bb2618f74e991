# METADATA
# title: Service principal scoped to the own account
# description: >-
#   An Allow of a bucket policy to a Service principal
#   (cloudfront.amazonaws.com, logging.s3.amazonaws.com,
#   cloudtrail.amazonaws.com, ...) must say for whom the service may act: a
#   condition with a fixed operator (StringEquals, StringLike, ArnEquals,
#   ArnLike, never ...IfExists or a negated one) on aws:SourceArn,
#   aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths (an
#   organization path with its organization id fixed, such as
#   ForAnyValue:StringLike "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"). A service acts for every AWS
#   customer, so without it any account can point its own CloudFront
#   distribution, trail or bucket at this bucket and read or write through
#   the service (the cross-service confused deputy). S3 calls such a policy
#   non-public, so Block Public Access does not stop it. With aws.account_id
#   set, the account must be the own one: aws:SourceAccount equal to it, an
#   aws:SourceArn whose account field is it, or the ARN of a bucket the spec
#   declares (S3 bucket ARNs carry no account). The statements teramotc
#   renders for log delivery comply: the access log Allow names its source
#   bucket's ARN, plus aws:SourceAccount when the account is known, and the
#   CloudTrail Allows are rendered only with the account and name the
#   trail's ARN. Notices: a statement scoped only to an organization
#   (aws:SourceOrgID, aws:SourceOrgPaths), which lint cannot check is the
#   own one; a fixed account that cannot be checked because aws.account_id
#   is unset; and a legacy CloudFront origin access identity principal
#   (arn:aws:iam::cloudfront:user/...), which names no account and whose
#   distribution usually serves the objects to anyone (lib/sharing counts
#   it as sharing the bucket).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
#     description: CloudFront origin access control
# custom:
#   id: TMC108
#   name: service-principal-scoped
#   severity: error
#   hard: false
#   remediation: >-
#     Add a `condition` that names the source, e.g. `test = "StringEquals"`,
#     `variable = "aws:SourceArn"`, `values =
#     ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]`, or
#     `variable = "aws:SourceAccount"` with the own account id. For log
#     delivery into a declared bucket, use `access_logging` or a `trail`:
#     teramotc renders scoped statements itself. If the service sends none
#     of these keys with its requests (check its documentation), a
#     condition would lock it out: suppress the finding with that reason.
#     Replace an origin access identity by origin access control (the
#     cloudfront.amazonaws.com Service principal with the distribution's
#     aws:SourceArn).
#   security_severity: "8.1"
#   peers: []
package teramotc.rules.service_principal_scoped

import data.teramotc.lib.common

deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	services := common.service_principals(s)
	count(services) > 0
	not common.source_scoped(s)
	f := {
		"msg": sprintf("%s of the bucket policy of %s allows %s %s", [
			statement_name(s, i), doc.address, who(services), why(s),
		]),
		"range": common.field_range(doc, i, "Principal"),
		"address": doc.address,
	}
}

who(services) := sprintf("the service principal %q", [services[0]]) if count(services) == 1

else := sprintf("the service principals %s", [concat(", ", sort({sprintf("%q", [v]) | some v in services}))])

why(s) := sprintf("on behalf of account %s, not the own account %s: that account's resources get in through the service", [concat(", ", sort(accts)), common.own_account]) if {
	accts := {acct |
		some c in common.conditions(s)
		c.key in {"aws:sourcearn", "aws:sourceaccount"}
		some acct in common.foreign_accounts(c)
	}
	count(accts) > 0
} else := "without a fixed aws:SourceArn, aws:SourceAccount or aws:SourceOrgID of the own account: the service would act for any AWS account" if {
	common.own_account != ""
} else := "without a fixed aws:SourceArn, aws:SourceAccount or aws:SourceOrgID: the service would act for any AWS account"

# A legacy CloudFront origin access identity (an AWS principal
# arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ID) names
# no account: any account can create one, and the distribution that uses
# it usually serves the objects to anyone (L11). A notice: the OAI may be
# the own one, which lint cannot see.
deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	some p in common.principals(s)
	p.type == "AWS"
	regex.match(`^arn:[a-z-]+:iam::cloudfront:user/CloudFront Origin Access Identity `, p.value)
	f := {
		"msg": sprintf("%s of the bucket policy of %s allows the CloudFront origin access identity %q: lint cannot tell whose distribution uses it, and it serves the objects to whoever may call that distribution; use origin access control (Service cloudfront.amazonaws.com with the distribution's aws:SourceArn)", [statement_name(s, i), doc.address, p.value]),
		"range": common.field_range(doc, i, "Principal"),
		"address": doc.address,
		"severity": "notice",
	}
}

# Scoped only by an organization (aws:SourceOrgID, aws:SourceOrgPaths):
# lint cannot check that it is the own organization, and any account of it
# gets in through the service (L1).
deny contains f if {
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	count(common.service_principals(s)) > 0
	common.source_scoped(s)
	not account_scoped(s)
	orgs := sort({v |
		some c in common.conditions(s)
		c.key in {"aws:sourceorgid", "aws:sourceorgpaths"}
		common.scopes_source(c)
		some v in c.values
	})
	f := {
		"msg": sprintf("%s of the bucket policy of %s scopes %s only to the organization %s: lint cannot check that it is yours, and every account of it gets in through the service; prefer aws:SourceArn or aws:SourceAccount of the own account", [statement_name(s, i), doc.address, who(common.service_principals(s)), concat(", ", orgs)]),
		"range": common.field_range(doc, i, "Condition"),
		"address": doc.address,
		"severity": "notice",
	}
}

account_scoped(s) if {
	some c in common.conditions(s)
	c.key in {"aws:sourcearn", "aws:sourceaccount"}
	common.scopes_source(c)
}

# Without aws.account_id a fixed account in aws:SourceAccount or
# aws:SourceArn passes: lint cannot check that it is the own one (L2).
deny contains f if {
	common.own_account == ""
	some [doc, i, s] in common.statements_of_kind("bucket-policy")
	s.Effect == "Allow"
	count(common.service_principals(s)) > 0
	common.source_scoped(s)
	accts := {acct |
		some c in common.conditions(s)
		c.key in {"aws:sourcearn", "aws:sourceaccount"}
		common.scopes_source(c)
		some v in c.values
		acct := common.value_account(c.key, v)
		common.twelve_digits(acct)
	}
	count(accts) > 0
	f := {
		"msg": sprintf("%s of the bucket policy of %s lets %s act for account %s, which lint cannot check is the own account: set account_id in the aws block", [statement_name(s, i), doc.address, who(common.service_principals(s)), concat(", ", sort(accts))]),
		"range": common.field_range(doc, i, "Condition"),
		"address": doc.address,
		"severity": "notice",
	}
}

statement_name(s, i) := sprintf("statement %q", [s.Sid]) if s.Sid

else := sprintf("statement %d", [i])
