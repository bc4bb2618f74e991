package view

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/teramot/teramotc/pkg/spec"
)

const diagSrc = `bucket "data" {
  name   = "Bad_Name"
	region = "us-east-1"
}
`

func parseDiagSrc(t *testing.T) map[string]*hcl.File {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(diagSrc), "main.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return map[string]*hcl.File{"main.hcl": f}
}

// rangeOf returns the range of the first occurrence of sub in diagSrc.
func rangeOf(t *testing.T, sub string) *hcl.Range {
	t.Helper()
	i := strings.Index(diagSrc, sub)
	if i < 0 {
		t.Fatalf("%q not in source", sub)
	}
	pos := func(off int) hcl.Pos {
		line := strings.Count(diagSrc[:off], "\n") + 1
		col := off - strings.LastIndex(diagSrc[:off], "\n")
		return hcl.Pos{Line: line, Column: col, Byte: off}
	}
	return &hcl.Range{Filename: "main.hcl", Start: pos(i), End: pos(i + len(sub))}
}

func TestWriteDiagnostic(t *testing.T) {
	files := parseDiagSrc(t)
	tests := []struct {
		name  string
		diag  *hcl.Diagnostic
		color bool
		want  string
	}{
		{
			name: "error with rule id and carets",
			diag: &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Invalid bucket name",
				Detail:  "Use 3-63 lowercase letters, digits, dots and hyphens.",
				Subject: rangeOf(t, `"Bad_Name"`), Extra: spec.DiagExtra{RuleID: "TMC701"},
			},
			want: `Error: Invalid bucket name (TMC701)

  on main.hcl line 2, in bucket "data":
  2:   name   = "Bad_Name"
                ^^^^^^^^^^

Use 3-63 lowercase letters, digits, dots and hyphens.
`,
		},
		{
			name: "warning keeps tabs in the caret line",
			diag: &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Region", Subject: rangeOf(t, `"us-east-1"`)},
			want: "Warning: Region\n\n  on main.hcl line 3, in bucket \"data\":\n  3: \tregion = \"us-east-1\"\n     \t         ^^^^^^^^^^^\n",
		},
		{
			name:  "colour underlines instead of carets",
			diag:  &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad", Subject: rangeOf(t, `"Bad_Name"`)},
			color: true,
			want:  "\x1b[1m\x1b[31mError:\x1b[0m \x1b[1mBad\x1b[0m\n\n  on main.hcl line 2, in bucket \"data\":\n  2:   name   = \x1b[4m\"Bad_Name\"\x1b[0m\n",
		},
		{
			name: "no subject",
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Empty spec", Detail: "Add a bucket block."},
			want: "Error: Empty spec\n\nAdd a bucket block.\n",
		},
		{
			name: "unknown file prints the location only",
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Gone", Subject: &hcl.Range{Filename: "other.hcl", Start: hcl.Pos{Line: 7, Column: 1}}},
			want: "Error: Gone\n\n  on other.hcl line 7:\n",
		},
		{
			name: "multi-line range is capped",
			diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Block", Subject: &hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 4, Column: 2, Byte: len(diagSrc) - 1}}},
			want: "Error: Block\n\n  on main.hcl line 1, in bucket \"data\":\n  1: bucket \"data\" {\n     ^^^^^^^^^^^^^^^\n  2:   name   = \"Bad_Name\"\n     ^^^^^^^^^^^^^^^^^^^^^\n  3: \tregion = \"us-east-1\"\n     ^^^^^^^^^^^^^^^^^^^^^\n  4: }\n     ^\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			WriteDiagnostic(&buf, tt.diag, files, tt.color)
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSanitizeLineKeepsLength(t *testing.T) {
	in := "a\x1b[31mb\xffc"
	got := sanitizeLine(in)
	if len(got) != len(in) || strings.ContainsAny(got, "\x1b") {
		t.Errorf("sanitizeLine(%q) = %q", in, got)
	}
}

func TestJSONDiagnostics(t *testing.T) {
	files := parseDiagSrc(t)
	diags := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Invalid bucket name", Subject: rangeOf(t, `"Bad_Name"`), Extra: spec.DiagExtra{RuleID: "TMC701"}},
		{Severity: hcl.DiagWarning, Summary: "No subject"},
	}
	var buf bytes.Buffer
	if err := WriteDiagnosticsJSON(&buf, diags, files); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	ctx := `bucket "data"`
	want := map[string]any{
		"format_version": "1.0", "valid": false, "error_count": 1.0, "warning_count": 1.0,
		"diagnostics": []any{
			map[string]any{
				"severity": "error", "summary": "Invalid bucket name", "detail": "", "rule_id": "TMC701",
				"range": map[string]any{
					"filename": "main.hcl",
					"start":    map[string]any{"line": 2.0, "column": 12.0, "byte": 27.0},
					"end":      map[string]any{"line": 2.0, "column": 22.0, "byte": 37.0},
				},
				"snippet": map[string]any{
					"context": ctx, "code": `  name   = "Bad_Name"`, "start_line": 2.0,
					"highlight_start_offset": 11.0, "highlight_end_offset": 21.0, "values": []any{},
				},
			},
			map[string]any{"severity": "warning", "summary": "No subject", "detail": "", "rule_id": ""},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONDiagnosticsEmptyArray(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDiagnosticsJSON(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"diagnostics": []`) || !strings.Contains(buf.String(), `"valid": true`) {
		t.Errorf("got %s", buf.String())
	}
}

func TestWriteValidate(t *testing.T) {
	warn := &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "W"}
	fail := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "E"}
	tests := []struct {
		name     string
		diags    hcl.Diagnostics
		wantCode int
		wantLast string
	}{
		{"valid", nil, ExitOK, "Success! The spec is valid."},
		{"warnings", hcl.Diagnostics{warn}, ExitOK, "Success! The spec is valid, with 1 warning shown above."},
		{"errors", hcl.Diagnostics{fail, fail, warn}, ExitError, "The spec is not valid: 2 errors, 1 warning."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			code := WriteValidate(&buf, "text", tt.diags, nil, false)
			lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
			if code != tt.wantCode || lines[len(lines)-1] != tt.wantLast {
				t.Errorf("got code %d, last line %q; want %d, %q", code, lines[len(lines)-1], tt.wantCode, tt.wantLast)
			}
		})
	}
}
