# METADATA
# title: Trusted account is a real partner account
# description: >-
#   trusted_account_id must be the 12-digit id of the partner's account; IAM
#   rejects anything else. Example ids copied from documentation
#   (123456789012, 111122223333, a repeated digit), and ids built the way
#   those are (three runs of 4 equal digits such as 555566667777, a short
#   unit repeated such as 123412341234, an ascending or descending run of
#   digits such as 234567890123 or 210987654321, the partner account of
#   teramotc's own examples) trust an account that is not the partner's,
#   possibly someone else's. Trusting the spec's own
#   account makes the role a same-account role, which needs no cross-account
#   trust or external id. An id that is not 12 digits is also a validate
#   error, since IAM rejects it: that part cannot be suppressed or disabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#     description: AWS documentation
# custom:
#   id: TMC604
#   name: trusted-account
#   severity: error
#   hard: false
#   remediation: >-
#     Set trusted_account_id to the partner's real 12-digit account id (ask
#     the partner, or take it from their onboarding instructions); the
#     account ids of teramotc's examples are placeholders.
#   security_severity: "7.0"
#   peers: [CKV_AWS_61]
package teramotc.rules.trusted_account

import data.teramotc.lib.identity

problem(id) := "is not a 12-digit AWS account id" if not identity.twelve_digits(id)

# problem_of says what is wrong with an account id attribute: one written as
# a number (the document's "number": true) that is not 12 digits lost its
# leading zeros, which the user is told to keep by quoting it.
problem_of(a) := concat("", [
	"is written as a number, and a number loses its leading zeros (012345678901 is the number 12345678901): ",
	"write the account id as a quoted string of its 12 digits",
]) if {
	a.number == true
	not identity.twelve_digits(a.value)
} else := problem(a.value)

problem(id) := "is the spec's own account (aws.account_id); a same-account role needs no cross-account trust" if {
	identity.twelve_digits(id)
	id == identity.own_account
}

problem(id) := "is a placeholder account id from documentation" if {
	identity.twelve_digits(id)
	id != identity.own_account
	placeholder(id)
}

placeholder(id) if identity.placeholder_account(id)

placeholder(id) if documentation_pattern(id)

# documentation_pattern: ids made the way documentation makes them up. Three
# runs of 4 equal digits (111122223333, 555566667777); a unit of 1 to 6
# digits repeated (123412341234, 121212121212); an ascending or descending
# run of digits (012345678901, 345678901234, 210987654321). teramotc's
# examples and README use 210987654321 as the partner's account: a copy that
# keeps it is an error until the partner's real id is set.
documentation_pattern(id) if {
	every i in [0, 4, 8] {
		b := substring(id, i, 4)
		replace(b, substring(b, 0, 1), "") == ""
	}
}

documentation_pattern(id) if {
	some u in [1, 2, 3, 4, 6]
	unit := substring(id, 0, u)
	concat("", [unit | some _ in numbers.range(1, 12 / u)]) == id
}

documentation_pattern(id) if contains("01234567890123456789012", id)

documentation_pattern(id) if contains("98765432109876543210987", id)

deny contains f if {
	some g in input.grants
	r := g.cross_account_role
	r != null
	a := r.trusted_account_id
	msg := problem_of(a)
	f := {
		"msg": sprintf("trusted_account_id %s of role %s %s", [identity.show(a), identity.show(r.name), msg]),
		"range": a.range,
		"address": g.address,
	}
}
