package view

import (
	"strings"
	"testing"
	"time"

	"github.com/teramot/teramotc/pkg/apply"
)

// TestPlanTextNoWorkflowCommand: spec-controlled strings (a tag value, a
// name, an address, a warning) that hold a newline followed by a GitHub
// workflow command never start a line of the plan text (also what show
// prints), with or without changes, nor of apply's progress lines: the
// newline is escaped, so the "::" stays inside a line that starts with
// teramotc's own text.
func TestPlanTextNoWorkflowCommand(t *testing.T) {
	evil := "x\n::error file=a::owned\r::add-mask::y"
	p := &apply.Plan{Account: "111122223333", Warnings: []string{"bucket " + evil}, Changes: []*apply.Change{
		{Type: apply.TTagging, Name: evil, Address: "bucket." + evil, Action: apply.ActionUpdate, Risk: apply.RiskNeutral, Step: 4,
			Reason: evil, Before: map[string]any{"Tags": map[string]any{"owner": "a"}},
			After: map[string]any{"Tags": map[string]any{"owner": evil, evil: "::set-output name=x::1"}}},
	}}
	var b strings.Builder
	WritePlanText(&b, p, false)
	WritePlanText(&b, p, true)
	WritePlanText(&b, &apply.Plan{Account: "111122223333", Warnings: []string{evil}}, false)
	log := NewApplyLog(&b)
	log.Event(apply.ProgressEvent{Kind: apply.ProgressStart, Change: p.Changes[0], Subject: "tagging." + evil, Phase: "tags"})
	log.Event(apply.ProgressEvent{Kind: apply.ProgressComplete, Change: p.Changes[0], Subject: "tagging." + evil, Elapsed: time.Second})
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(strings.TrimLeft(stripANSI(l), " \t"), "::") {
			t.Errorf("line reads as a workflow command: %q", l)
		}
	}
	if !strings.Contains(b.String(), "::error") {
		t.Fatalf("the test strings were not printed:\n%s", b.String())
	}
}

// stripANSI removes the color escapes paint adds.
func stripANSI(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
