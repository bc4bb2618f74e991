package view

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// SARIF conventions of teramotc (see docs/cli.md): one run per invocation,
// results relative to %SRCROOT%, a region with startLine on every result,
// fingerprints that survive line moves, spec errors as tool execution
// notifications rather than a second run.
const (
	sarifSrcRoot        = "%SRCROOT%"
	sarifFingerprintKey = "teramotcFindingHash/v2" // v1 hashed the message
	// sarifUnhonouredKey is the invocation property counting the
	// suppression comments not honoured because inline ignores are off.
	sarifUnhonouredKey = "unhonouredInlineIgnores"
)

func writeLintSARIF(w io.Writer, r *LintReport) error {
	doc, err := NewLintSARIF(r)
	if err != nil {
		return err
	}
	return writeJSON(w, doc)
}

// NewLintSARIF builds the SARIF 2.1.0 log of r. Suppressed findings are
// left out unless SARIFIncludeSuppressed is set (GitHub code scanning shows
// them as open alerts whatever their suppressions say). The run has
// automationDetails only with a SARIFCategory: code scanning's uploader
// sets its own category only on a run without one.
func NewLintSARIF(r *LintReport) (*sarif.Report, error) {
	doc, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	run := sarif.NewRunWithInformationURI("teramotc", version.InformationURI)
	drv := run.Tool.Driver
	ver := cmp.Or(r.Version, version.Version)
	drv.Version = &ver
	drv.SemanticVersion = ptr(strings.TrimPrefix(ver, "v"))
	if r.SARIFCategory != "" {
		run.AutomationDetails = sarif.NewRunAutomationDetails().WithID(strings.TrimSuffix(r.SARIFCategory, "/") + "/")
	}
	run.ColumnKind = "unicodeCodePoints" // see sarifColumn
	if r.SARIFRoot != "" {
		run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{
			sarifSrcRoot: sarif.NewSimpleArtifactLocation(fileURI(filepath.ToSlash(r.SARIFRoot), true)),
		}
	}

	index := map[string]uint{}
	fps := r.sarifFingerprints()
	for _, f := range r.sarifFindings() {
		id := ruleID(f)
		i, ok := index[id]
		if !ok {
			i = uint(len(drv.Rules))
			index[id] = i
			drv.Rules = append(drv.Rules, sarifRule(lintRuleOf(r, f)))
		}
		run.Results = append(run.Results, sarifResult(r, f, i, fps[f]))
	}

	code := r.ExitCode()
	inv := run.AddInvocation(!r.Errors.HasErrors()).WithExitCode(code).WithExitCodeDescription(r.exitCodeDescription(code))
	inv.RuleConfigurationOverrides = r.sarifOverrides()
	if r.Unhonoured > 0 {
		// inline ignores off: the comments that suppressed nothing (the
		// text formats' "not honoured" count); code scanning ignores
		// property bags
		inv.Properties = sarif.Properties{sarifUnhonouredKey: r.Unhonoured}
	}
	inv.ToolExecutionNotifications = make([]*sarif.Notification, 0, len(r.Errors))
	for _, d := range r.Errors {
		n := sarifNotification(r, d)
		o := r.origin(d)
		if n.Locations == nil && o.Path != "" {
			// no range: the spec, file or directory it concerns, without a region
			n.Locations = []*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(r.sarifArtifact(o.Path)))}
		}
		n.Properties = sarif.Properties{"cause": string(o.Cause)}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	doc.AddRun(run)
	return doc, nil
}

// sarifFindings are the findings SARIF lists, in SortFindings order: the
// unsuppressed ones, and the suppressed ones with SARIFIncludeSuppressed.
func (r *LintReport) sarifFindings() []*rules.Finding {
	rc := *r
	rc.ShowSuppressed = r.SARIFIncludeSuppressed
	return rc.visible()
}

func sarifResult(r *LintReport, f *rules.Finding, ruleIndex uint, fp string) *sarif.Result {
	res := sarif.NewRuleResult(ruleID(f)).
		WithRuleIndex(int(ruleIndex)).
		WithLevel(sarifLevel(findingSeverity(f))).
		WithMessage(sarif.NewTextMessage(f.Message)).
		WithLocations([]*sarif.Location{sarifLocation(r, f.Range)})
	res.PartialFingerprints = map[string]any{sarifFingerprintKey: fp}
	if s := f.Suppression; s != nil {
		kind := "inSource"
		if s.Kind == "config" {
			kind = "external"
		}
		sup := sarif.NewSuppression(kind).WithStatus("accepted")
		justification := s.Reason
		if s.Until != "" {
			justification += " (until " + s.Until + ")"
		}
		sup.Justification = &justification
		sup.Location = sarifLocation(r, s.Source)
		src := s.Source
		src.Filename = r.sarifPath(src.Filename)
		sup.Guid = ptr(lintGUID(fp, s.Kind, src.String()))
		res.Suppressions = []*sarif.Suppression{sup}
	}
	return res
}

// sarifLocation converts rng; a range with no file points at the first file
// of the report, and a missing line at line 1, because code scanning
// rejects results without a location and validators a region without
// startLine.
func sarifLocation(r *LintReport, rng hcl.Range) *sarif.Location {
	name := rng.Filename
	if name == "" {
		if names := sortedFileNames(r.Files); len(names) > 0 {
			name = names[0]
		}
	}
	region := sarif.NewRegion().WithStartLine(max(rng.Start.Line, 1))
	if rng.Start.Line > 0 {
		file := r.Files[rng.Filename]
		if rng.Start.Column > 0 {
			region.WithStartColumn(sarifColumn(file, rng.Start))
		}
		if rng.End.Line > rng.Start.Line || rng.End.Line == rng.Start.Line && rng.End.Column > rng.Start.Column {
			region.WithEndLine(rng.End.Line)
			if rng.End.Column > 0 {
				region.WithEndColumn(sarifColumn(file, rng.End))
			}
		}
		if text, ok := sarifSnippet(file, rng); ok {
			region.WithSnippet(sarif.NewArtifactContent().WithText(text))
		}
	}
	return sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
		WithArtifactLocation(r.sarifArtifact(name)).
		WithRegion(region))
}

// sarifMaxSnippet caps the source text copied into a region.
const sarifMaxSnippet = 4096

// sarifSnippet returns the source text of rng when its file is known, the
// range lies inside it, and the text is short valid UTF-8.
func sarifSnippet(file *hcl.File, rng hcl.Range) (string, bool) {
	if file == nil || rng.Start.Byte < 0 || rng.End.Byte <= rng.Start.Byte || rng.End.Byte > len(file.Bytes) || rng.End.Byte-rng.Start.Byte > sarifMaxSnippet {
		return "", false
	}
	b := file.Bytes[rng.Start.Byte:rng.End.Byte]
	return string(b), utf8.Valid(b)
}

func sarifNotification(r *LintReport, d *hcl.Diagnostic) *sarif.Notification {
	text := d.Summary
	if d.Detail != "" {
		text += "\n\n" + d.Detail
	}
	n := sarif.NewNotification().WithLevel(lintDiagSeverity(d.Severity)).WithTextMessage(text)
	if d.Subject != nil {
		n.Locations = []*sarif.Location{sarifLocation(r, *d.Subject)}
	}
	if id := spec.RuleID(d); id != "" {
		n.AssociatedRule = &sarif.ReportingDescriptorReference{Id: &id}
	}
	return n
}

// lintGUID derives a stable name-based (version 5 style) GUID from parts.
func lintGUID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func ptr[T any](v T) *T { return &v }
