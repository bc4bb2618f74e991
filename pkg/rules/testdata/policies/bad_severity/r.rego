# METADATA
# title: Bad severity
# custom:
#   id: ACME002
#   severity: critical
package teramotc.rules.bad_severity

deny contains "x" if false
