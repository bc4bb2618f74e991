package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

const (
	cliDoc      = "../../docs/cli.md"
	cliDocBegin = "<!-- BEGIN GENERATED COMMANDS: go test ./internal/cli -run TestCLIDoc -update -->\n"
	cliDocEnd   = "<!-- END GENERATED COMMANDS -->\n"
)

var update = flag.Bool("update", false, "rewrite generated files (docs/cli.md)")

// commandsMarkdown renders the usage of every registered command.
func commandsMarkdown() string {
	var b strings.Builder
	for _, name := range commandNames() {
		c := commands[name]
		fmt.Fprintf(&b, "\n### teramotc %s\n\n%s.\n\n```text\n%s\n```\n", name, c.Synopsis, strings.TrimSpace(c.Usage))
	}
	return b.String() + "\n"
}

// TestCLIDoc keeps the command reference of docs/cli.md equal to the
// commands' usage texts.
func TestCLIDoc(t *testing.T) {
	src, err := os.ReadFile(cliDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	i, j := strings.Index(doc, cliDocBegin), strings.Index(doc, cliDocEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the generated-section markers", cliDoc)
	}
	want := doc[:i+len(cliDocBegin)] + commandsMarkdown() + doc[j:]
	if want == doc {
		return
	}
	if *update {
		if err := os.WriteFile(cliDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with the commands' usage; run: go test ./internal/cli -run TestCLIDoc -update", cliDoc)
}

func TestUsageListsEveryCommand(t *testing.T) {
	env, stdout, _ := testEnv("")
	if code := run(env, nil); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, name := range commandNames() {
		c := commands[name]
		if !strings.Contains(stdout.String(), "  "+name+" ") {
			t.Errorf("usage does not list %q", name)
		}
		if c.Synopsis == "" || !strings.HasPrefix(strings.TrimSpace(c.Usage), "Usage: teramotc "+name) {
			t.Errorf("command %q needs a synopsis and a usage starting with \"Usage: teramotc %s\"", name, name)
		}
	}
}
