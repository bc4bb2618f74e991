package view

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"

	"github.com/teramot/teramotc/pkg/render"
)

// RedactedDocument replaces the content of a sensitive document in printed
// output.
const RedactedDocument = "(sensitive)"

// DocumentsFormatVersion is the version of `render -o -`'s output. No
// rendered path can be "format_version" (they all end in .json).
const DocumentsFormatVersion = "1.0"

// WriteDocuments prints every document of out as one JSON object keyed by
// path (`render -o -`), after its "format_version" (first, as in every
// machine format). Sensitive documents are replaced by RedactedDocument:
// printed output never holds a sensitive value. redact (nil: none) masks the
// sensitive values that remain in paths and other documents, such as a
// bucket name from a sensitive variable in the path of its files; paths it
// makes equal get " (2)", " (3)"... in path order.
func WriteDocuments(w io.Writer, out *render.Output, redact func(string) string) error {
	all := make(map[string]any, len(out.Documents))
	for _, d := range out.Documents {
		base := d.Path
		if redact != nil {
			base = redact(base)
		}
		key := base
		for n := 2; ; n++ {
			if _, taken := all[key]; !taken {
				break
			}
			key = fmt.Sprintf("%s (%d)", base, n)
		}
		if d.Sensitive {
			all[key] = RedactedDocument
			continue
		}
		all[key] = RedactStrings(d.Content, redact)
	}
	b := fmt.Appendf(nil, "{\n  \"format_version\": %q", DocumentsFormatVersion)
	if len(all) == 0 {
		b = append(b, "\n}\n"...)
	} else { // the documents, sorted by path, from render's encoder
		b = append(append(b, ','), bytes.TrimPrefix(render.MarshalValue(all), []byte("{"))...)
	}
	_, err := w.Write(b)
	return err
}

// RedactStrings returns a copy of the JSON value v with redact applied to
// every string and object key; v itself is not modified. A nil redact
// returns v.
func RedactStrings(v any, redact func(string) string) any {
	if redact == nil {
		return v
	}
	switch x := v.(type) {
	case string:
		return redact(x)
	case []string:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = redact(e)
		}
		return s
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = RedactStrings(e, redact)
		}
		return s
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[redact(k)] = RedactStrings(e, redact)
		}
		return m
	default:
		return v
	}
}

// WriteRendered reports the files written by `render -o DIR`. redact (nil:
// none) finds the directories named after a sensitive value (a bucket name
// from a sensitive variable): the note names them redacted and says not to
// commit them, since their names show the value whatever the files' modes.
func WriteRendered(w io.Writer, dir string, out *render.Output, redact func(string) string) {
	sensitive := 0
	var dirs []string
	for _, d := range out.Documents {
		if d.Sensitive {
			sensitive++
		}
		if p := path.Dir(d.Path); redact != nil && redact(p) != p && !slices.Contains(dirs, redact(p)) {
			dirs = append(dirs, redact(p))
		}
	}
	fmt.Fprintf(w, "Rendered %s to %s.\n", plural(len(out.Documents), "file"), dir)
	switch {
	case sensitive == 1:
		fmt.Fprintln(w, "1 file holds a sensitive value and was written with mode 0600; do not commit it.")
	case sensitive > 1:
		fmt.Fprintf(w, "%d files hold sensitive values and were written with mode 0600; do not commit them.\n", sensitive)
	}
	for _, d := range dirs {
		fmt.Fprintf(w, "The name of the directory %s shows a sensitive value: do not commit it or any file in it.\n", filepath.Join(dir, filepath.FromSlash(d)))
	}
}

// StaleFile is one file that `render --check` found out of date.
type StaleFile struct {
	Path string
	Diff []byte // unified diff, when asked for; nil otherwise
}

// WriteRenderCheck reports the result of `render --check DIR` and returns
// ExitOK when nothing is stale, ExitChanged otherwise.
func WriteRenderCheck(w io.Writer, dir, spec string, stale []StaleFile) int {
	if len(stale) == 0 {
		fmt.Fprintf(w, "The rendered files in %s are up to date.\n", dir)
		return ExitOK
	}
	for _, s := range stale {
		fmt.Fprintln(w, s.Path)
	}
	for _, s := range stale {
		if len(s.Diff) > 0 {
			fmt.Fprintf(w, "\n%s", s.Diff)
		}
	}
	fmt.Fprintf(w, "\n%s in %s out of date. Run \"teramotc render %s -o %s\" to update them.\n",
		plural(len(stale), "file"), dir, spec, dir)
	return ExitChanged
}
