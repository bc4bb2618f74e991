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
