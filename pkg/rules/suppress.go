package rules

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A directive is one suppression: an inline or file-level comment, or an
// ignore block of .teramotc.hcl.
type directive struct {
	kind   string // "inline" | "file" | "config"
	ids    []string
	until  string // "" or YYYY-MM-DD
	reason string
	source hcl.Range // the comment or the ignore block

	target    hcl.Range // inline: the lines covered
	addresses []string  // config: block addresses (children included)
	paths     []string  // config: file globs
	baseDir   string    // config: directory paths are relative to
	scope     hcl.Range // config: the addresses (else paths) value, where TMC903 points

	used     map[string]bool // ids that suppressed a finding
	rejected map[string]bool // inline: ids that matched only errors no suppression hides
}

var (
	directiveRE = regexp.MustCompile(`^teramotc:(ignore|ignore-file)(?:\s+(.*))?$`)
	untilRE     = regexp.MustCompile(`^until=(\S*)$`)
)

// commentText strips the comment markers.
func commentText(tok []byte) string {
	s := strings.TrimSpace(string(tok))
	switch {
	case strings.HasPrefix(s, "#"):
		s = s[1:]
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case strings.HasPrefix(s, "/*"):
		s = strings.TrimSuffix(s[2:], "*/")
	}
	return strings.TrimSpace(s)
}

// parseInline reads the suppression comments of one file, from tokens when
// the loader kept them (spec.Loaded.Tokens) and otherwise lexing the file.
// rules resolves rule ids. Malformed comments come back as TMC901 findings.
func parseInline(file *hcl.File, filename string, tokens hclsyntax.Tokens, rules ruleIndex) ([]*directive, []*Finding) {
	if !bytes.Contains(bytes.ToLower(file.Bytes), []byte("teramotc")) {
		return nil, nil // no comment can be a suppression: skip lexing
	}
	if len(tokens) == 0 || tokens[len(tokens)-1].Range.End.Byte != len(file.Bytes) {
		tokens, _ = hclsyntax.LexConfig(file.Bytes, filename, hcl.InitialPos)
	}
	body, _ := file.Body.(*hclsyntax.Body)
	var dirs []*directive
	var bad []*Finding
	malformed := func(rng hcl.Range, format string, args ...any) {
		bad = append(bad, &Finding{Rule: RuleSuppressionMalformed, Range: rng, Message: fmt.Sprintf(format, args...)})
	}
	seenCode := false
	for i, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			if tok.Type != hclsyntax.TokenNewline && tok.Type != hclsyntax.TokenEOF {
				seenCode = true
			}
			continue
		}
		raw := file.Bytes[tok.Range.Start.Byte:tok.Range.End.Byte] // secrets masked
		text := commentText(raw)
		if !isSuppression(text) {
			continue
		}
		rng := tok.Range
		if rng.End.Line > rng.Start.Line && rng.End.Column == 1 { // a line comment ends after its newline
			rng.End = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + len(strings.TrimRight(string(raw), "\r\n")), Byte: rng.Start.Byte + len(strings.TrimRight(string(raw), "\r\n"))}
		}
		d, err := parseDirective(text, rules)
		if err != "" {
			malformed(rng, "Malformed suppression %q: %s", text, err)
			continue
		}
		d.source = rng
		if d.kind == "file" {
			if seenCode {
				malformed(rng, "Suppression %q must come before the first block or attribute of the file; use teramotc:ignore for a single block", text)
				continue
			}
			d.target = hcl.Range{Filename: filename, Start: hcl.Pos{Line: 1}, End: hcl.Pos{Line: 1 << 30}}
		} else {
			d.target = inlineTarget(tokens, i, body, filename)
		}
		dirs = append(dirs, d)
	}
	return dirs, bad
}

// parseDirective parses the text of a suppression comment; it returns a
// reason for the user when the text is malformed. Rule ids may be written
// in any case; the directive holds them upper case.
func parseDirective(text string, rules ruleIndex) (*directive, string) {
	head, reason, hasReason := strings.Cut(text, "--")
	head = strings.TrimSpace(head)
	if msg := checkMarker(head); msg != "" {
		return nil, msg
	}
	m := directiveRE.FindStringSubmatch(head)
	if m == nil {
		return nil, "write it as `teramotc:ignore ID[,ID] [until=YYYY-MM-DD] -- reason`"
	}
	d := &directive{kind: "inline", used: map[string]bool{}}
	if m[1] == "ignore-file" {
		d.kind = "file"
	}
	fields := strings.Fields(m[2])
	if len(fields) == 0 {
		return nil, "it names no rule id"
	}
	for _, id := range strings.Split(fields[0], ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		r := rules.Rule(strings.ToUpper(id))
		if r == nil && !strings.EqualFold(id, "all") {
			msg := "no rule has the id " + id
			if s := suggestRules(id, rules.Rules(), canSuppress); s != "" {
				msg += "." + s
			}
			return nil, msg
		}
		if r != nil {
			id = r.ID
		}
		if msg := suppressible(id, rules.Rule); msg != "" {
			return nil, msg
		}
		if !slices.Contains(d.ids, id) {
			d.ids = append(d.ids, id)
		}
	}
	if len(d.ids) == 0 {
		return nil, "it names no rule id"
	}
	for _, f := range fields[1:] {
		u := untilRE.FindStringSubmatch(f)
		if u == nil {
			return nil, fmt.Sprintf("unexpected %q: only rule ids and until=YYYY-MM-DD may come before \"--\"", f)
		}
		if _, err := time.Parse(time.DateOnly, u[1]); err != nil {
			return nil, fmt.Sprintf("until=%s is not a date in the form YYYY-MM-DD", u[1])
		}
		d.until = u[1]
	}
	d.reason = strings.TrimSpace(reason)
	if !hasReason || d.reason == "" {
		return nil, "it gives no reason; add \"-- why this is acceptable\""
	}
	if placeholder(d.reason) {
		return nil, fmt.Sprintf("its reason %q is a placeholder; write why the finding is acceptable after \"--\"", d.reason)
	}
	if !hasWord(d.reason) {
		return nil, fmt.Sprintf("its reason %q has no word of two or more letters; write why the finding is acceptable after \"--\"", d.reason)
	}
	return d, ""
}

// hasWord reports whether a suppression's reason holds a word: two
// letters in a row (any script). ".", "x" or "1" says nothing to a
// reviewer; "DATA-123" or "ok" at least names something.
func hasWord(reason string) bool {
	run := 0
	for _, r := range reason {
		if !unicode.IsLetter(r) {
			run = 0
			continue
		}
		if run++; run >= 2 {
			return true
		}
	}
	return false
}

// placeholder reports whether a suppression's reason is a placeholder in
// angle brackets, such as the "<reason>" of the snippet lint prints after
// a finding (review-adopt F-ignore-placeholder): pasted as is, it would
// suppress with no reason a reviewer can read.
func placeholder(reason string) bool {
	r := strings.TrimSpace(reason)
	return len(r) >= 2 && r[0] == '<' && r[len(r)-1] == '>' && !strings.ContainsAny(r[1:len(r)-1], "<>")
}

// canSuppress reports whether a suppression may name r: the ids suggested
// for a misspelt one.
func canSuppress(r *Rule) bool { return !r.Hard && !slices.Contains(MetaRules(), r) }

// suppressible explains why id cannot be named in a suppression, or "".
func suppressible(id string, known func(string) *Rule) string {
	r := known(id)
	switch {
	case strings.EqualFold(id, "all"):
		return "\"all\" is not allowed; name each rule id"
	case r == nil:
		return fmt.Sprintf("no rule has the id %s", id)
	case r.Hard:
		return fmt.Sprintf("%s is a hard rule (AWS rejects such a spec) and cannot be suppressed; fix the spec", id)
	case slices.Contains(MetaRules(), r):
		return fmt.Sprintf("%s reports on suppressions and cannot itself be suppressed", id)
	}
	return ""
}

// inlineTarget is what the comment at tokens[i] covers: the line it trails,
// or else the attribute or block that starts on the next line with code.
func inlineTarget(tokens hclsyntax.Tokens, i int, body *hclsyntax.Body, filename string) hcl.Range {
	line := tokens[i].Range.Start.Line
	trailing := false
	for j := i - 1; j >= 0 && tokens[j].Range.Start.Line == line; j-- {
		if tokens[j].Type != hclsyntax.TokenNewline && tokens[j].Type != hclsyntax.TokenComment {
			trailing = true
		}
	}
	if !trailing {
		for j := i + 1; j < len(tokens); j++ {
			t := tokens[j]
			if t.Type == hclsyntax.TokenEOF {
				return hcl.Range{Filename: filename, Start: hcl.Pos{Line: -1}, End: hcl.Pos{Line: -1}}
			}
			if t.Type != hclsyntax.TokenNewline && t.Type != hclsyntax.TokenComment {
				line = t.Range.Start.Line
				break
			}
		}
	}
	rng := hcl.Range{Filename: filename, Start: hcl.Pos{Line: line}, End: hcl.Pos{Line: line}}
	if item, ok := itemAt(body, line); ok {
		rng.End.Line = item.End.Line
	}
	return rng
}

// itemAt returns the range of the outermost attribute or block that starts
// on line.
func itemAt(body *hclsyntax.Body, line int) (hcl.Range, bool) {
	if body == nil {
		return hcl.Range{}, false
	}
	for _, a := range body.Attributes {
		if a.SrcRange.Start.Line == line {
			return a.SrcRange, true
		}
	}
	for _, b := range body.Blocks {
		r := b.Range()
		if r.Start.Line == line {
			return r, true
		}
		if r.Start.Line < line && line <= r.End.Line {
			return itemAt(b.Body, line)
		}
	}
	return hcl.Range{}, false
}

// matches reports whether d covers f (ignoring expiry).
func (d *directive) matches(f *Finding) bool {
	if !slices.Contains(d.ids, f.Rule.ID) {
		return false
	}
	switch d.kind {
	case "config":
		if len(d.addresses) == 0 && len(d.paths) == 0 {
			return true
		}
		for _, a := range d.addresses {
			if f.Address == a || strings.HasPrefix(f.Address, a+".") {
				return true
			}
		}
		return slices.ContainsFunc(d.paths, func(p string) bool { return d.globMatches(p, f.Range.Filename) })
	default:
		return sameFile(d.target.Filename, f.Range.Filename) &&
			d.target.Start.Line <= f.Range.Start.Line && f.Range.Start.Line <= d.target.End.Line
	}
}

// globMatches reports whether the paths glob p of a config directive
// matches the file filename: as given, or relative to the configuration's
// directory.
func (d *directive) globMatches(p, filename string) bool {
	if ok, _ := path.Match(p, filepath.ToSlash(filename)); ok {
		return true
	}
	r, err := filepath.Rel(d.baseDir, filename)
	if err != nil {
		return false
	}
	ok, _ := path.Match(p, filepath.ToSlash(r))
	return ok
}

// blanket reports whether the config directive d covers every file of a
// spec of the given files, and so every finding of its rules there as a
// disabled rule would: it has neither addresses nor paths, or one of its
// paths globs ("*", "**", "*.hcl") matches each file.
func (d *directive) blanket(files []string) bool {
	if d.kind != "config" {
		return false
	}
	if len(d.addresses) == 0 && len(d.paths) == 0 {
		return true
	}
	return len(files) > 0 && slices.ContainsFunc(d.paths, func(p string) bool {
		return !slices.ContainsFunc(files, func(f string) bool { return !d.globMatches(p, f) })
	})
}

func sameFile(a, b string) bool { return filepath.Clean(a) == filepath.Clean(b) }

// expired reports whether the until date is before today (until is the
// last day the suppression applies).
func (d *directive) expired(today string) bool {
	return d.until != "" && d.until < today
}
