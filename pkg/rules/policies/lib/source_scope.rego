# Whom a statement's condition lets a principal act for: the source of a
# service principal's request (TMC108, lib/sharing), and condition values
# that name another account than the spec's own (TMC102).
package teramotc.lib.common

# ---------------------------------------------------------------------------
# Service principals and their source
# ---------------------------------------------------------------------------

# service_principals lists the Service principal identifiers of s.
service_principals(s) := [p.value | some p in principals(s); p.type == "Service"]

# source_scoped(s): a condition of s pins the source of a service's
# request (the resource or the account the service acts for) to the own
# account, or to fixed values when the own account is unknown. A service
# principal acts for every AWS customer, so without this any account's
# CloudFront distribution, trail or bucket could use the statement (the
# cross-service confused deputy). Conditions are ANDed: one entry is enough.
source_scoped(s) if {
	some c in conditions(s)
	scopes_source(c)
}

source_keys := {"aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"}

# scopes_source: a fixed operator (never ...IfExists, which holds when the
# key is missing, nor a negated operator or ForAllValues) and every value
# an own source.
scopes_source(c) if {
	c.key in source_keys
	op := lower(c.operator)
	op in fixed_operators
	count(c.values) > 0
	every v in c.values {
		own_source(op, c.key, v)
	}
}

own_source(_, "aws:sourceaccount", v) if {
	twelve_digits(v)
	own_or_unknown(v)
}

# An organization id cannot be checked against the account: any fixed one.
own_source(_, "aws:sourceorgid", v) if fixed_value(v)

# An organization path (aws:SourceOrgPaths, "o-ID/r-ROOT/ou-.../"): its
# organization id fixed, wildcards only after it
# (ForAnyValue:StringLike "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*").
own_source(_, "aws:sourceorgpaths", v) if {
	is_string(v)
	regex.match(`^o-[a-z0-9]{10,32}/`, v)
}

# An ARN with an account field: that field fixed to the own account, and
# for a string operator nothing before it a wildcard (own_arn_prefix).
own_source(op, "aws:sourcearn", v) if {
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 6
	twelve_digits(parts[4])
	own_or_unknown(parts[4])
	own_arn_prefix(op, parts)
}

# An ARN without one (an S3 bucket): fixed, and, when the own account is
# known, a bucket the spec declares (the generated access log statements
# name their source bucket this way, and add aws:SourceAccount when the
# account is known).
own_source(_, "aws:sourcearn", v) if {
	fixed_value(v)
	parts := split(v, ":")
	count(parts) >= 6
	parts[4] == ""
	own_accountless_arn(v)
}

own_or_unknown(_) if own_account == ""

own_or_unknown(acct) if acct == own_account

own_accountless_arn(_) if own_account == ""

own_accountless_arn(v) if {
	own_account != ""
	prefix := sprintf("arn:%s:s3:::", [partition])
	startswith(v, prefix)
	bucket_by_name(split(trim_prefix(v, prefix), "/")[0])
}

# twelve_digits: an account id (^[0-9]{12}$ without a regular expression).
twelve_digits(v) if {
	is_string(v)
	count(v) == 12
	trim(v, "0123456789") == ""
}

# ---------------------------------------------------------------------------
# Values that name another account
# ---------------------------------------------------------------------------

# Keys whose value is an account id, and keys whose value is an ARN that
# may carry one (a KMS key id may also be a bare key id, which does not).
account_value_keys := {"aws:sourceaccount", "aws:sourceowner", "s3:dataaccesspointaccount"}

arn_value_keys := {"aws:sourcearn", "s3:dataaccesspointarn", "s3:x-amz-server-side-encryption-aws-kms-key-id"}

# value_account returns the account a value of key names, if it names one.
value_account(key, v) := v if {
	key in account_value_keys
	is_string(v)
} else := parts[4] if {
	key in arn_value_keys
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 6
	twelve_digits(parts[4])
}

# foreign_accounts lists the accounts other than the own one that the
# values of c name (none when the own account is unknown). The values are
# ORed, so one such value opens the statement to that account's resources.
foreign_accounts(c) := {acct |
	own_account != ""
	some v in c.values
	acct := value_account(c.key, v)
	acct != own_account
}

# foreign_pin: a condition that pins a key to a resource or an account of
# another account: that account, not the spec, decides who gets in (every
# access point, distribution or key user it creates).
foreign_pin(c) if count(foreign_accounts(c)) > 0

# statement_foreign_accounts lists the foreign accounts of the narrowing
# conditions of s that name a resource or an account.
statement_foreign_accounts(s) := {acct |
	some c in conditions(s)
	narrowing_condition(c)
	some acct in foreign_accounts(c)
}
