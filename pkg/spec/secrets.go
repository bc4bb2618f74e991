package spec

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// SecretHit is an AWS credential found written in a spec or variable file
// (the input of rule TMC705). The secret text itself is never kept.
type SecretHit struct {
	Kind  string    `json:"kind"` // "access_key_id" | "secret_access_key"
	Range hcl.Range `json:"range"`
}

// secretNameRe is the name a quoted secret (findQuotedSecrets) must be
// assigned to on its line: aws_secret_access_key = "...", secret: "...",
// "SecretKey" = "...".
var secretNameRe = newLazyRegexp(`(?i)(?:secret|password|passwd|credential|private_key|token)[a-z0-9_.-]*["']?\s*[=:]\s*$`)

// scanSecrets records the AWS access key ids and secret access keys written
// in src (findSecrets) as SecretHits at their place.
func (l *loader) scanSecrets(filename string, src []byte) {
	for _, m := range findSecrets(src, l.secretDefaults(filename)) {
		l.addSecret(m.kind, filename, src, m.start, m.end)
	}
}

// secretMatch is a credential found in a text: its kind and [start, end).
type secretMatch struct {
	kind       string
	start, end int
}

// findSecrets returns the credentials in src: every access key id, and
// every run of 40 characters (AWS's length; up to 128, so that a key pasted
// with extra characters is caught too) assigned to a name that looks like a
// secret on its line, quoted (aws_secret_access_key = "...") or not (a
// heredoc or file line AWS_SECRET_ACCESS_KEY=...). A quoted run inside one
// of defaults needs no name.
func findSecrets(src []byte, defaults []hcl.Range) []secretMatch {
	var out []secretMatch
	for _, m := range findAccessKeys(src) {
		out = append(out, secretMatch{"access_key_id", m[0], m[1]})
	}
	named := func(at int) bool {
		lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
		return secretNameRe.Match(src[lineStart:at])
	}
	matches, runs := findQuotedSecrets(src)
	for i, m := range matches {
		if named(m[0]) || inRanges(defaults, m[0]) {
			out = append(out, secretMatch{"secret_access_key", runs[i][0], runs[i][1]})
		}
	}
	for _, r := range findBareSecrets(src) {
		if named(r[0]) {
			out = append(out, secretMatch{"secret_access_key", r[0], r[1]})
		}
	}
	return out
}

// secretDefaults returns the byte ranges of the default values of the
// variable blocks in a parsed spec file whose name looks like a secret's
// (variable "aws_secret_access_key" { default = "..." }): there the name is
// the variable's label, not written on the value's line.
func (l *loader) secretDefaults(filename string) []hcl.Range {
	f := l.parser.Files()[filename]
	if f == nil {
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	return secretDefaultsIn(body)
}

func inRanges(rs []hcl.Range, offset int) bool {
	for _, r := range rs {
		if r.Start.Byte <= offset && offset < r.End.Byte {
			return true
		}
	}
	return false
}

func (l *loader) addSecret(kind, filename string, src []byte, start, end int) {
	l.spec.Secrets = append(l.spec.Secrets, &SecretHit{
		Kind:  kind,
		Range: hcl.Range{Filename: filename, Start: offsetPos(src, start), End: offsetPos(src, end)},
	})
}

// MaskAccessKeys returns s with every AWS access key id (AKIA or ASIA and 16
// upper-case letters or digits) overwritten by '*', the way source snippets
// show a key written in a spec. It masks more than the TMC705 scanner
// reports: a key glued to the letters before it (after an escape such as
// %0A or \n in an output format) is masked too. Use it on any text leaving
// the program; the lengths of s and of the result are equal.
func MaskAccessKeys(s string) string {
	var b []byte
	for i := 0; i+accessKeyLen <= len(s); i++ {
		if !accessKeyAt(s, i) {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < i+accessKeyLen; k++ {
			b[k] = maskByte
		}
		i += accessKeyLen - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// accessKeyLen is the length of an access key id.
const accessKeyLen = 20

// accessKeyAt reports whether an access key id starts at s[i]: AKIA or ASIA,
// 16 upper-case letters or digits, and not one more.
func accessKeyAt(s string, i int) bool {
	if len(s)-i < accessKeyLen || s[i] != 'A' || s[i+1] != 'K' && s[i+1] != 'S' || s[i+2] != 'I' || s[i+3] != 'A' {
		return false
	}
	for k := i + 4; k < i+accessKeyLen; k++ {
		if !IsKeyByte(s[k]) {
			return false
		}
	}
	return i+accessKeyLen == len(s) || !IsKeyByte(s[i+accessKeyLen])
}

// IsKeyByte reports whether c may be part of an access key id: an
// upper-case letter or a digit. A writer that masks a stream holds back a
// trailing run of such bytes (at most 20) until it knows how the run ends.
func IsKeyByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// MaskCredentials returns s with every access key id and every secret
// access key overwritten by '*'. A secret access key is a run of exactly 40
// base64 characters (letters, digits, '/' and '+') holding an upper-case
// letter, a lower-case letter and a digit or symbol, as every key AWS issues
// does. Use it on text teramotc did not write, such as the error messages of
// AWS or of an endpoint: it may quote a credential from anywhere. (Hex
// digests and ARNs do not match; a 40-character mixed-case path segment
// would, and is masked too.)
func MaskCredentials(s string) string {
	s = MaskAccessKeys(s)
	var b []byte
	for i := 0; i < len(s); {
		if !isSecretByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isSecretByte(s[j]) {
			j++
		}
		if j-i == secretKeyLen && looksRandom(s[i:j]) {
			if b == nil {
				b = []byte(s)
			}
			for k := i; k < j; k++ {
				b[k] = maskByte
			}
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// secretKeyLen is the length of a secret access key.
const secretKeyLen = 40

func isSecretByte(c byte) bool {
	return 'a' <= c && c <= 'z' || IsKeyByte(c) || c == '/' || c == '+'
}

// looksRandom reports whether s mixes upper- and lower-case letters with a
// digit or symbol.
func looksRandom(s string) bool {
	var upper, lower, other bool
	for i := range len(s) {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			upper = true
		case 'a' <= c && c <= 'z':
			lower = true
		default:
			other = true
		}
	}
	return upper && lower && other
}
