package render

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"
)

// keyOrder ranks the keys that come first in an object: the keys of the IAM
// policy grammar in the order AWS documentation and consoles print them, and
// the ID of a lifecycle rule.
var keyOrder = map[string]int{
	"Version": 1, "Id": 2, "ID": 3, "Statement": 4,
	"Sid": 5, "Effect": 6, "Principal": 7, "NotPrincipal": 8,
	"Action": 9, "NotAction": 10, "Resource": 11, "NotResource": 12, "Condition": 13,
}

// Marshal encodes a document's content as the bytes written to its file.
//
// The encoding is deterministic: two-space indent, a final newline, no HTML
// escaping, and one key order for every object of every document: first the
// keys of the IAM policy grammar and ID, in the order Version, Id, ID,
// Statement, Sid, Effect, Principal, NotPrincipal, Action, NotAction,
// Resource, NotResource, Condition; then every other key in byte order.
// Policies thus read the way AWS prints them, lifecycle rules start with their
// ID, and everything else has sorted keys.
func Marshal(doc *Document) []byte {
	return MarshalValue(doc.Content)
}

// MarshalValue encodes any JSON value (as held in Document.Content) with the
// rules of Marshal.
func MarshalValue(v any) []byte {
	buf := appendValue(make([]byte, 0, 512), v, 0)
	return append(buf, '\n')
}

func appendValue(buf []byte, v any, depth int) []byte {
	switch v := v.(type) {
	case nil:
		return append(buf, "null"...)
	case bool:
		return strconv.AppendBool(buf, v)
	case string:
		return appendString(buf, v)
	case int:
		return strconv.AppendInt(buf, int64(v), 10)
	case int64:
		return strconv.AppendInt(buf, v, 10)
	case float64:
		b, _ := json.Marshal(v)
		return append(buf, b...)
	case []any:
		return appendArray(buf, len(v), depth, func(buf []byte, i int) []byte {
			return appendValue(buf, v[i], depth+1)
		})
	case []string:
		return appendArray(buf, len(v), depth, func(buf []byte, i int) []byte {
			return appendString(buf, v[i])
		})
	case map[string]any:
		return appendObject(buf, v, depth)
	default:
		panic(fmt.Sprintf("render: unsupported JSON value %T", v))
	}
}

func appendArray(buf []byte, n, depth int, elem func([]byte, int) []byte) []byte {
	if n == 0 {
		return append(buf, "[]"...)
	}
	buf = append(buf, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = indent(buf, depth+1)
		buf = elem(buf, i)
	}
	buf = indent(buf, depth)
	return append(buf, ']')
}

func appendObject(buf []byte, m map[string]any, depth int) []byte {
	if len(m) == 0 {
		return append(buf, "{}"...)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	buf = append(buf, '{')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = indent(buf, depth+1)
		buf = appendString(buf, k)
		buf = append(buf, ": "...)
		buf = appendValue(buf, m[k], depth+1)
	}
	buf = indent(buf, depth)
	return append(buf, '}')
}

// keyLess orders the keys of keyOrder first, by rank, then the rest by bytes.
func keyLess(a, b string) bool {
	ra, rb := keyOrder[a], keyOrder[b]
	switch {
	case ra != 0 && rb != 0:
		return ra < rb
	case ra != 0:
		return true
	case rb != 0:
		return false
	}
	return a < b
}

func indent(buf []byte, depth int) []byte {
	buf = append(buf, '\n')
	for i := 0; i < depth; i++ {
		buf = append(buf, ' ', ' ')
	}
	return buf
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Only what JSON requires is escaped
// (quote, backslash, control characters), plus U+2028 and U+2029; invalid
// UTF-8 becomes U+FFFD.
func appendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				buf = append(buf, '\\', c)
			case c == '\n':
				buf = append(buf, '\\', 'n')
			case c == '\r':
				buf = append(buf, '\\', 'r')
			case c == '\t':
				buf = append(buf, '\\', 't')
			case c < 0x20:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, "\ufffd"...)
		case r == '\u2028' || r == '\u2029':
			buf = append(buf, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return append(buf, '"')
}
