package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// TestEndpointNamed: with a custom endpoint (an emulator), the plan's
// header, its "No changes" end, its markdown and apply's completion (with
// or without changes) name it, without its
// password; against AWS they say nothing more (review-adopt
// F-endpoint-not-shown).
func TestEndpointNamed(t *testing.T) {
	plan := func(endpoint string) *apply.Plan {
		p := testPlan()
		p.Endpoint = endpoint
		return p
	}
	const want = " at endpoint http://u:xxxxx@127.0.0.1:5000 (not AWS)"
	tests := []struct {
		name  string
		write func(*bytes.Buffer, string)
		with  string
	}{
		{"text", func(b *bytes.Buffer, e string) { WritePlanText(b, plan(e), false) },
			"teramotc will perform the following actions in account 111122223333" + want + ", in this order:\n"},
		{"markdown", func(b *bytes.Buffer, e string) { WritePlanMarkdown(b, plan(e)) },
			"Planned against endpoint `http://u:xxxxx@127.0.0.1:5000` (not AWS).\n"},
		{"apply", func(b *bytes.Buffer, e string) { WriteApplyComplete(b, nil, 1, 0); WriteApplyEndpoint(b, e) },
			"destroyed.\nApply ran" + want + ".\n"},
		{"apply without changes", func(b *bytes.Buffer, e string) { WriteApplyComplete(b, nil, 0, 0); WriteApplyEndpoint(b, e) },
			"0 destroyed.\nApply ran" + want + ".\n"},
		{"no changes", func(b *bytes.Buffer, e string) {
			p := plan(e)
			p.Changes = nil
			WritePlanText(b, p, false)
		}, "No changes. The live state matches the spec.\nThe live state was read" + want + ".\n"},
		{"no changes, warnings", func(b *bytes.Buffer, e string) {
			p := plan(e)
			p.Changes, p.Warnings = nil, []string{"user u holds access the spec does not declare"}
			WritePlanText(b, p, false)
		}, "see the warnings above: apply leaves what they name as it is.\nThe live state was read" + want + ".\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			tt.write(&b, "http://u:secretpw@127.0.0.1:5000")
			if out := b.String(); !strings.Contains(out, tt.with) || strings.Contains(out, "secretpw") {
				t.Errorf("with an endpoint, output lacks %q or shows the password:\n%s", tt.with, out)
			}
			b.Reset()
			tt.write(&b, "")
			if out := b.String(); strings.Contains(out, "endpoint") {
				t.Errorf("without an endpoint, output names one:\n%s", out)
			}
		})
	}
}
