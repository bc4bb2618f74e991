package view

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/rules"
)

var (
	testRule = &rules.Rule{ID: "TMC101", Name: "public-access-block", Title: "Block public access", Severity: rules.SeverityError,
		Description: "All four flags.", Remediation: "Set them.", RelatedResources: []string{"https://docs.aws/pab"},
		Peers: []string{"CKV_AWS_53"}, Link: "https://teramotc/rules#tmc101"}
	testHardRule   = &rules.Rule{ID: "TMC701", Name: "bucket-name", Title: "Bucket names", Severity: rules.SeverityError, Hard: true}
	testCustomRule = &rules.Rule{ID: "ORG001", Name: "owner-tag", Title: "Owner tag", Severity: rules.SeverityWarning, Custom: true}
)

// TestWriteExplain checks the sections of "teramotc explain": a hard rule
// says it cannot be suppressed and shows no suppression line.
func TestWriteExplain(t *testing.T) {
	tests := []struct {
		name string
		rule *rules.Rule
		want string
	}{
		{"full", testRule, "TMC101 public-access-block (error)\nBlock public access\n\nAll four flags.\n\nRemediation: Set them.\n\n" +
			"See: https://docs.aws/pab\nCorresponds to: CKV_AWS_53\nDocumentation: https://teramotc/rules#tmc101\n" +
			"To suppress: # teramotc:ignore TMC101 until=YYYY-MM-DD -- <reason>\n"},
		{"hard", testHardRule, "TMC701 bucket-name (error, hard: AWS rejects the spec; cannot be disabled or suppressed)\nBucket names\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := WriteExplain(&b, tt.rule); code != ExitOK {
				t.Errorf("exit code %d, want %d", code, ExitOK)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

// TestWriteRules checks the text table (aligned, hard and custom marked,
// the documentation URL last, "-" without one)
// and the JSON envelope of "teramotc rules".
func TestWriteRules(t *testing.T) {
	rs := []*rules.Rule{testRule, testHardRule, testCustomRule}
	var text bytes.Buffer
	if err := WriteRules(&text, "text", rs); err != nil {
		t.Fatal(err)
	}
	want := "ID      SEVERITY  HARD  NAME                 TITLE                DOCUMENTATION\n" +
		"TMC101  error     -     public-access-block  Block public access  https://teramotc/rules#tmc101\n" +
		"TMC701  error     hard  bucket-name          Bucket names         -\n" +
		"ORG001  warning   -     owner-tag (custom)   Owner tag            -\n"
	if text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	var js bytes.Buffer
	if err := WriteRules(&js, "json", rs); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		FormatVersion string        `json:"format_version"`
		Rules         []*rules.Rule `json:"rules"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, js.String())
	}
	if doc.FormatVersion != "1.0" || len(doc.Rules) != 3 || doc.Rules[2].ID != "ORG001" || !strings.HasPrefix(js.String(), "{\n  \"format_version\"") {
		t.Errorf("json:\n%s", js.String())
	}
}

// TestWriteRulesHostileText: a custom rule's title, name or link with a
// newline, tab or control character stays on its row, and a cell starting
// "::" cannot make a row a GitHub workflow command (review-diff6a F13).
func TestWriteRulesHostileText(t *testing.T) {
	r := &rules.Rule{ID: "ORG009", Name: "org\n::warning::n", Severity: rules.SeverityWarning, Custom: true,
		Title: "Owner\n::error title=pwn::from title\tx\x1b[31m", Link: "https://x.example/\n::add-mask::y"}
	var b bytes.Buffer
	if err := WriteRules(&b, "text", []*rules.Rule{r}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want a header and one row, got:\n%s", b.String())
	}
	want := "ORG009  warning   -     org ::warning::n (custom)  Owner ::error title=pwn::from title x?[31m  https://x.example/ ::add-mask::y"
	if lines[1] != want {
		t.Errorf("row:\n%q\nwant:\n%q", lines[1], want)
	}
	// A title alone on a row cannot start one with "::" either: a row
	// starting with "::" (an id is validated, but the table guards every
	// row) gets the guard.
	b.Reset()
	if err := WriteRules(&b, "text", []*rules.Rule{{ID: "::error::x", Name: "n", Severity: rules.SeverityWarning, Title: "t"}}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "::") {
			t.Errorf("unguarded workflow command line %q", l)
		}
	}
}
