# METADATA
# title: Server access logging enabled
# description: >-
#   A bucket without server access logging leaves no record of the requests
#   made to it: who read, wrote or deleted which object, from where, and with
#   which result. Access logs are the first thing an investigation of a data
#   leak needs, and Security Hub control S3.9 expects them on every bucket.
#   A bucket that the spec itself names as a log target is exempt, unless
#   it is shared with another account (a grant, or an Allow of its policy
#   to another account or a wildcard principal that no condition limits to
#   the own account).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     description: AWS documentation
# custom:
#   id: TMC401
#   name: access-logging
#   severity: warning
#   hard: false
#   remediation: >-
#     Add an access_logging block with target_bucket set to a dedicated log
#     bucket (for example bucket.logs.name) and a target_prefix. A bucket
#     that the spec names as a log target (some bucket's
#     access_logging.target_bucket or a trail's log_bucket) and that is not
#     shared is exempt: logging it would loop or pile logs on logs. Do not
#     write logs into a shared data bucket. Break a loop of access logging
#     between buckets by sending their logs to one log bucket that logs
#     nowhere.
#   security_severity: "4.0"
#   peers: [CKV_AWS_18, AVD-AWS-0089, "FSBP S3.9"]
package teramotc.rules.access_logging

import data.teramotc.lib.common
import data.teramotc.lib.log_targets

# A log target that is not shared is exempt (lib/log_targets.rego).
deny contains f if {
	some b in input.buckets
	b.access_logging == null
	not log_targets.exempt(b)
	f := {
		"msg": message(b),
		"range": b.decl_range,
		"address": b.address,
	}
}

message(b) := sprintf("bucket %q has no server access logging: it receives logs, but it is shared with another account, so it is no dedicated log bucket", [b.label]) if {
	log_targets.log_target(b)
} else := sprintf("bucket %q has no server access logging", [b.label])

# edges maps the label of every bucket to the labels of the other declared
# buckets its access logs go to, by reference or by AWS name.
edges := {b.label: {t.label | some t in targets(b); t.label != b.label} | some b in input.buckets}

targets(b) := {t | some t in common.bucket_label_index[b.access_logging.target_ref]} | {t |
	b.access_logging.target_ref == ""
	some t in common.bucket_name_index[b.access_logging.target_bucket.value]
}

# A loop of access logging through two or more buckets, reported once, at
# the access_logging block of the loop's first bucket by label.
deny contains f if {
	some b in input.buckets
	b.access_logging != null
	b.label in graph.reachable(edges, edges[b.label])
	loop := {x |
		some x in graph.reachable(edges, edges[b.label])
		b.label in graph.reachable(edges, edges[x])
	}
	b.label == min(loop)
	hops := [sprintf("%q to %q", [x, t]) | some x in sort(loop); some t in sort(edges[x] & loop)]
	f := {
		"msg": sprintf("the server access logs of buckets %s go round in a loop (%s): each delivery of logs into one is a request the next one logs, so logs and their cost grow without end", [concat(", ", [sprintf("%q", [x]) | some x in sort(loop)]), concat(", ", hops)]),
		"range": b.access_logging.target_bucket.range,
		"address": b.address,
	}
}
