package view

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// writeLintGitHub writes GitHub Actions workflow commands, one annotation
// per spec error and finding:
// ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=ID name::message
// (col and endColumn only when the range is on one line; F relative to
// GitHubRoot when set).
// An error without a range names the file it concerns (file=F, no line),
// or starts its message with the directory it concerns. A last notice
// without a location lists the rules the configuration disabled or
// re-graded, if any.
func writeLintGitHub(w io.Writer, r *LintReport) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Errors {
		level := "error"
		if d.Severity == hcl.DiagWarning {
			level = "warning"
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += "\n\n" + d.Detail
		}
		title := d.Summary
		if id := spec.RuleID(d); id != "" {
			title = id + " " + title
		}
		var rng *hcl.Range
		if d.Subject != nil {
			rng = ptr(r.gitHubRange(*d.Subject))
		}
		if o := r.origin(d); rng == nil && o.Path != "" {
			if o.File {
				rng = &hcl.Range{Filename: r.gitHubPath(o.Path)} // file=, without a line
			} else {
				msg = r.gitHubPath(o.Path) + ": " + msg // a directory cannot be annotated
			}
		}
		writeGitHubCommand(bw, level, rng, title, msg)
	}
	for _, f := range r.visible() {
		level, title := gitHubLevel(findingSeverity(f)), strings.TrimSpace(ruleID(f)+" "+ruleName(f))
		msg := f.Message
		if f.Suppression != nil {
			level, title = "notice", title+" (suppressed)"
			msg += "\n\nSuppressed: " + lintDescribeSuppression(f.Suppression)
		}
		rng := r.gitHubRange(f.Range)
		writeGitHubCommand(bw, level, &rng, title, msg)
	}
	if line := r.overridesLine(); line != "" {
		writeGitHubCommand(bw, "notice", nil, "teramotc configuration", line)
	}
	return bw.Flush()
}

// gitHubRange is rng with its file relative to GitHubRoot (see gitHubPath).
func (r *LintReport) gitHubRange(rng hcl.Range) hcl.Range {
	rng.Filename = r.gitHubPath(rng.Filename)
	return rng
}

func gitHubLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityWarning:
		return "warning"
	case rules.SeverityNotice:
		return "notice"
	}
	return "error"
}

// writeGitHubCommand writes one ::LEVEL PROPS::MESSAGE line; rng may be nil
// or have no filename, then the annotation has no location.
func writeGitHubCommand(w io.Writer, level string, rng *hcl.Range, title, msg string) {
	var props []string
	if rng != nil && rng.Filename != "" {
		props = append(props, "file="+gitHubEscapeProperty(gitHubSanitize(rng.Filename)))
		if rng.Start.Line > 0 {
			// GitHub rejects columns on an annotation of several lines:
			// col and endColumn only when the range is on one line.
			oneLine := rng.End.Line <= rng.Start.Line // or no end
			props = append(props, fmt.Sprintf("line=%d", rng.Start.Line))
			if oneLine && rng.Start.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", rng.Start.Column))
			}
			if rng.End.Line >= rng.Start.Line {
				props = append(props, fmt.Sprintf("endLine=%d", rng.End.Line))
				if oneLine && rng.End.Column > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", rng.End.Column))
				}
			}
		}
	}
	if title != "" {
		props = append(props, "title="+gitHubEscapeProperty(gitHubSanitize(title)))
	}
	cmd := "::" + level
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	fmt.Fprintf(w, "%s::%s\n", cmd, gitHubEscapeData(gitHubSanitize(msg)))
}

// gitHubSanitize is lintSanitize keeping carriage returns, which the
// workflow-command escaping encodes (%0D) like newlines.
func gitHubSanitize(s string) string {
	parts := strings.Split(s, "\r")
	for i, p := range parts {
		parts[i] = lintSanitize(p)
	}
	return strings.Join(parts, "\r")
}

// gitHubDataEscaper escapes the message of a workflow command.
var gitHubDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// gitHubPropertyEscaper escapes a property value of a workflow command.
var gitHubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func gitHubEscapeData(s string) string     { return gitHubDataEscaper.Replace(s) }
func gitHubEscapeProperty(s string) string { return gitHubPropertyEscaper.Replace(s) }
