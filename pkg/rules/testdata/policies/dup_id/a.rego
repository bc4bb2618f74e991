# METADATA
# title: First
# custom:
#   id: ACME003
#   severity: error
package teramotc.rules.first

deny contains "x" if false
