# METADATA
# title: No id
# custom:
#   severity: error
package teramotc.rules.no_id

deny contains "x" if false
