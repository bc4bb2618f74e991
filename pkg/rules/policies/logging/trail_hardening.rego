# METADATA
# title: Trail is multi-region and validates its log files
# description: >-
#   A single-region trail misses requests made through other regions'
#   endpoints, and without log file validation nobody can prove that the
#   delivered logs were not altered or deleted. Both are CIS benchmark
#   controls. Encrypting the trail with a customer-managed KMS key adds a
#   second permission barrier in front of the logs; its absence is reported
#   as a notice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
#     description: AWS documentation
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#     description: AWS documentation
# custom:
#   id: TMC404
#   name: trail-hardening
#   severity: warning
#   hard: false
#   remediation: >-
#     Leave multi_region and log_file_validation at their default (true), and
#     set kms_key_arn to a customer-managed KMS key whose policy lets
#     CloudTrail use it.
#   security_severity: "4.0"
#   peers: [CKV_AWS_67, CKV_AWS_36, CKV_AWS_35, AVD-AWS-0014, AVD-AWS-0016, AVD-AWS-0015, "FSBP CloudTrail.1", "FSBP CloudTrail.4", "FSBP CloudTrail.2", "CIS 3.1", "CIS 3.2", "CIS 3.5"]
package teramotc.rules.trail_hardening

deny contains f if {
	some t in input.trails
	t.multi_region.value == false
	f := {
		"msg": sprintf("trail %q logs only its home region: remove multi_region = false (the default, true, logs every region)", [t.label]),
		"range": t.multi_region.range,
		"address": t.address,
	}
}

deny contains f if {
	some t in input.trails
	t.log_file_validation.value == false
	f := {
		"msg": sprintf("trail %q does not validate its log files: remove log_file_validation = false (the default is true)", [t.label]),
		"range": t.log_file_validation.range,
		"address": t.address,
	}
}

# The KMS part is a notice: the finding carries its own severity.
deny contains f if {
	some t in input.trails
	t.kms_key_arn.value == ""
	f := {
		"msg": sprintf("trail %q does not encrypt its logs with a customer-managed KMS key: set kms_key_arn to a key whose policy lets CloudTrail use it", [t.label]),
		"range": t.decl_range,
		"address": t.address,
		"severity": "notice",
	}
}
