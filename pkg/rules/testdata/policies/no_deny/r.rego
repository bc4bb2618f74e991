# METADATA
# title: No deny
# custom:
#   id: ACME005
#   severity: error
package teramotc.rules.no_deny

violation contains "x" if false
