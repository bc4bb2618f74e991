package view

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestUsageExitCodes: "teramotc -help" lists every exit code of the table
// in docs/cli.md (plan's -warnings-exitcode=N among them), so that the
// global help does not drift from it (review-diff6a F14).
func TestUsageExitCodes(t *testing.T) {
	doc, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(doc), "\n## Exit codes\n")
	if !ok {
		t.Fatal("docs/cli.md has no Exit codes section")
	}
	table, _, _ = strings.Cut(table, "\n\n## ")
	codes := regexp.MustCompile(`(?m)^\| ([0-9]+|N) \|`).FindAllStringSubmatch(table, -1)
	if len(codes) < 5 {
		t.Fatalf("found %d exit codes in docs/cli.md's table, want 0, 1, 2, 3 and N", len(codes))
	}
	var b strings.Builder
	WriteUsage(&b, nil)
	_, usage, ok := strings.Cut(b.String(), "\nExit codes:\n")
	if !ok {
		t.Fatalf("usage has no Exit codes:\n%s", b.String())
	}
	for _, c := range codes {
		if !strings.Contains(usage, "\n  "+c[1]+"  ") && !strings.HasPrefix(usage, "  "+c[1]+"  ") {
			t.Errorf("the global help's exit codes lack %s:\n%s", c[1], usage)
		}
	}
	if !strings.Contains(usage, "-warnings-exitcode=N") {
		t.Errorf("the global help does not name plan -warnings-exitcode=N:\n%s", usage)
	}
}
