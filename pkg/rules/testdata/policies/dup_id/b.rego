# METADATA
# title: Second
# custom:
#   id: ACME003
#   severity: error
package teramotc.rules.second

deny contains "x" if false
