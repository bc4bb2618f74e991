# METADATA
# title: No AWS credentials in the spec
# description: >-
#   An AWS access key id or secret access key written into a spec or one of
#   its variable files ends up in version control, CI logs and every copy of
#   the repository, where it stays valid until someone rotates it. teramotc
#   never needs credentials in the spec: apply reads them from the usual AWS
#   credential chain. An access key id assembled by an expression
#   (interpolation, join() of two halves) is found too, in the evaluated
#   values of the spec (a tag's value ends up in the bucket's tags, readable
#   in AWS), and reported at the attribute or tag that holds it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#securing_access-keys
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-files.html
#     description: AWS documentation
# custom:
#   id: TMC705
#   name: no-secrets
#   severity: error
#   hard: false
#   remediation: >-
#     Delete the key from the file, rotate it in IAM (it must be considered
#     leaked), and let teramotc read credentials from the environment or an
#     AWS profile.
#   security_severity: "9.0"
#   peers: [CKV_SECRET_2, "gitleaks aws-access-token"]
package teramotc.rules.no_secrets

# input.secrets holds the hits of the spec loader's scans: {kind, range}.
# The loader scans the source text, and the evaluated values of the model
# for keys no source hit shows (kind evaluated_access_key_id: a key built
# by an expression, reported at the attribute or tag holding it). The
# secret itself is not in the input and never in a message.
deny contains f if {
	some s in object.get(input, "secrets", [])
	f := {
		"msg": sprintf("an AWS %s appears in the spec; remove it and rotate the key", [kind_name(s.kind)]),
		"range": s.range,
	}
}

kind_name(k) := n if {
	n := {
		"access_key_id": "access key id",
		"aws_access_key_id": "access key id",
		"evaluated_access_key_id": "access key id (built by an expression)",
		"secret_access_key": "secret access key",
		"aws_secret_access_key": "secret access key",
	}[k]
} else := k
