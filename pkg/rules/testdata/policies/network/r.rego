# METADATA
# title: Calls out
# custom:
#   id: ACME004
#   severity: error
package teramotc.rules.calls_out

deny contains "x" if {
	resp := http.send({"method": "GET", "url": "http://127.0.0.1:1/"})
	resp.status_code == 200
}
