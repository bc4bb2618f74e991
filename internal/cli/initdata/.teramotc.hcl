# teramotc project configuration, read by `teramotc lint` from the spec's
# directory. Hard rules (what AWS itself rejects) cannot be changed here.

# false: ignore every inline "# teramotc:ignore" comment and report what
# they hide. The CI workflow (.github/workflows/teramotc.yml) lints with
# -no-inline-ignores, since a pull request could add such a comment: false
# here makes a local "teramotc lint" agree with it. Suppress a finding with
# an ignore block (below) instead.
inline_ignores = false

# Change a rule's severity, or turn it off with enabled = false. Here:
# buckets that still allow ACLs fail the run instead of warning.
rule "TMC103" {
  severity = "error"
}

# Ignore a rule for some blocks, with a reason and an expiry date:
# ignore "TMC403" {
#   addresses = ["bucket.logs"]
#   reason    = "the log bucket is audited by the organization trail"
#   until     = "2027-01-31"
# }
