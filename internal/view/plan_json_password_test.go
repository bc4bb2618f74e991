package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// show -json prints no endpoint password, also of a plan file saved before
// plan files left it out (review op3 M3).
func TestSavedPlanJSONNoEndpointPassword(t *testing.T) {
	const ep = "http://u:s3cr3tpw@127.0.0.1:15732"
	sp := &apply.SavedPlan{FormatVersion: apply.PlanFormat, Connect: apply.ConnectOptions{EndpointURL: ep},
		Plan: &apply.Plan{FormatVersion: apply.PlanFormat, Endpoint: ep}}
	var b bytes.Buffer
	if err := WriteSavedPlanJSON(&b, sp); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "s3cr3tpw") || strings.Count(b.String(), "http://u:xxxxx@127.0.0.1:15732") != 2 {
		t.Errorf("show -json:\n%s\nwant the endpoint twice, without its password", b.String())
	}
	b.Reset()
	if err := WritePlanJSON(&b, sp.Plan); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "s3cr3tpw") {
		t.Errorf("plan -json prints the password:\n%s", b.String())
	}
}
