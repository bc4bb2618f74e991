package view

import (
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcled"

	"github.com/teramot/teramotc/pkg/spec"
)

// DiagnosticsFormatVersion is the version of the JSON document written by
// WriteDiagnosticsJSON (validate -f json). Adding fields keeps it; renaming
// or removing one bumps it.
const DiagnosticsFormatVersion = "1.0"

// JSONDiagnostics is the `-f json` document of validate (and of any command
// that fails with diagnostics), shaped like `terraform validate -json`.
type JSONDiagnostics struct {
	FormatVersion string            `json:"format_version"`
	Valid         bool              `json:"valid"`
	ErrorCount    int               `json:"error_count"`
	WarningCount  int               `json:"warning_count"`
	Diagnostics   []*JSONDiagnostic `json:"diagnostics"`
}

// JSONDiagnostic is one diagnostic in JSON.
type JSONDiagnostic struct {
	Severity string       `json:"severity"` // "error" | "warning"
	Summary  string       `json:"summary"`
	Detail   string       `json:"detail"`
	RuleID   string       `json:"rule_id"` // "" when the diagnostic is not a catalog rule
	Range    *JSONRange   `json:"range,omitempty"`
	Snippet  *JSONSnippet `json:"snippet,omitempty"`
}

// JSONRange is an hcl.Range in JSON; lines and columns start at 1, bytes
// at 0.
type JSONRange struct {
	Filename string  `json:"filename"`
	Start    JSONPos `json:"start"`
	End      JSONPos `json:"end"`
}

// JSONPos is one position of a JSONRange.
type JSONPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// JSONSnippet is the source around a diagnostic: Code holds the lines the
// range covers, starting at StartLine (a line longer than 160 characters is
// clipped around the range, "…" marking each cut end); the highlight offsets
// are byte offsets into Code.
type JSONSnippet struct {
	Context              *string  `json:"context"`
	Code                 string   `json:"code"`
	StartLine            int      `json:"start_line"`
	HighlightStartOffset int      `json:"highlight_start_offset"`
	HighlightEndOffset   int      `json:"highlight_end_offset"`
	Values               []string `json:"values"`
}

// NewJSONRange converts an hcl.Range.
func NewJSONRange(r hcl.Range) *JSONRange {
	return &JSONRange{
		Filename: r.Filename,
		Start:    JSONPos{r.Start.Line, r.Start.Column, r.Start.Byte},
		End:      JSONPos{r.End.Line, r.End.Column, r.End.Byte},
	}
}

// NewJSONDiagnostic converts one diagnostic, with its snippet when its file
// is in files.
func NewJSONDiagnostic(d *hcl.Diagnostic, files map[string]*hcl.File) *JSONDiagnostic {
	jd := &JSONDiagnostic{Severity: "error", Summary: d.Summary, Detail: d.Detail, RuleID: spec.RuleID(d)}
	if d.Severity == hcl.DiagWarning {
		jd.Severity = "warning"
	}
	if d.Subject == nil {
		return jd
	}
	jd.Range = NewJSONRange(*d.Subject)
	file := files[d.Subject.Filename]
	if file == nil || len(file.Bytes) == 0 {
		return jd
	}
	lines := sourceLines(file.Bytes, *d.Subject)
	sn := &JSONSnippet{StartLine: lines[0].num, Values: []string{}}
	if ctx := hcled.ContextString(file, d.Subject.Start.Byte); ctx != "" {
		sn.Context = &ctx
	}
	offset := 0
	for i, l := range lines {
		if i > 0 {
			sn.Code += "\n"
			offset++
		}
		if i == 0 {
			sn.HighlightStartOffset = offset + l.from
		}
		sn.HighlightEndOffset = offset + l.to
		sn.Code += l.text
		offset += len(l.text)
	}
	jd.Snippet = sn
	return jd
}

// NewJSONDiagnostics builds the JSON document of diags; arrays are never
// null.
func NewJSONDiagnostics(diags hcl.Diagnostics, files map[string]*hcl.File) *JSONDiagnostics {
	errs, warns := CountDiagnostics(diags)
	doc := &JSONDiagnostics{
		FormatVersion: DiagnosticsFormatVersion,
		Valid:         errs == 0,
		ErrorCount:    errs,
		WarningCount:  warns,
		Diagnostics:   make([]*JSONDiagnostic, 0, len(diags)),
	}
	for _, d := range diags {
		doc.Diagnostics = append(doc.Diagnostics, NewJSONDiagnostic(d, files))
	}
	return doc
}

// WriteDiagnosticsJSON writes diags as one indented JSON document.
func WriteDiagnosticsJSON(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	return writeJSON(w, NewJSONDiagnostics(diags, files))
}

// writeJSON writes v indented by two spaces, without HTML escaping, with a
// final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
