package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// Rules see the real values of the spec: the built-in ones must check a
// sensitive principal or action, and a custom policy may be written by
// whoever opened the pull request. What a rule writes leaves pkg/rules only
// through redactFindings, which applies the loader's redaction
// (spec.Loaded.Redact: every value given to a sensitive variable or derived
// from one becomes "(sensitive value)", every access key '*') to each
// finding's message, address and file name, whatever rule wrote them.

// redactFindings redacts the text of each finding in place. A file name
// that is one of files (the spec's, its var files', its configuration) is
// kept: it is the real file, not a value a rule chose.
func redactFindings(loaded *spec.Loaded, findings []*Finding, files map[string]*hcl.File) {
	if loaded == nil {
		return
	}
	for _, f := range findings {
		f.Message = loaded.Redact(f.Message)
		f.Address = loaded.Redact(f.Address)
		if _, known := files[f.Range.Filename]; !known {
			f.Range.Filename = loaded.Redact(f.Range.Filename)
		}
	}
}

// redactDiags returns copies of diags with their summaries and details
// redacted (render's checks and evaluation errors, which may quote a value
// of the spec or of a rule's input).
func redactDiags(loaded *spec.Loaded, diags hcl.Diagnostics) hcl.Diagnostics {
	if loaded == nil || len(diags) == 0 {
		return diags
	}
	out := make(hcl.Diagnostics, len(diags))
	for i, d := range diags {
		c := *d
		c.Summary, c.Detail = loaded.Redact(d.Summary), loaded.Redact(d.Detail)
		out[i] = &c
	}
	return out
}
