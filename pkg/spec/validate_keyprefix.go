package spec

import (
	"strconv"
	"strings"
)

// keyPrefixes describes each attribute that holds the start of S3 object
// keys, for the check that it does not begin with "/": S3 keys do not
// (the console's folder "a" holds the keys "a/..."), so a prefix "/a/"
// matches no key under "a/", and what teramotc builds from it names keys
// that nobody writes. Each effect gets the prefix as written, the prefix
// without its leading slashes, and the prefix as written unquoted.
var keyPrefixes = map[string]struct {
	what   string
	effect func(given, fixed, inner string) string
}{
	"grant": {"grant prefix", func(given, fixed, inner string) string {
		return "the grant would give access to keys that begin with " + given + " (its policy names arn:aws:s3:::BUCKET/" +
			inner + "*), not to the keys under " + fixed + ", so the partner would be denied all of its data"
	}},
	"lifecycle": {"lifecycle rule prefix", func(given, fixed, _ string) string {
		return "the rule would apply to keys that begin with " + given + ", not to the keys under " + fixed +
			", so it would never expire or move them"
	}},
	"access_logging": {"log target prefix", func(given, fixed, inner string) string {
		return "S3 would write the access logs under keys that begin with " + given + ", not under " + fixed +
			", and the log bucket's policy would allow delivery to arn:aws:s3:::BUCKET/" + inner + "*"
	}},
}

// checkKeyPrefixStart reports a key prefix (kind: a key of keyPrefixes)
// that begins with "/", suggesting the value without the leading slashes.
func (l *loader) checkKeyPrefixStart(p Attr[string], attr, kind string) {
	if !p.Set || !strings.HasPrefix(p.Value, "/") {
		return
	}
	k := keyPrefixes[kind]
	fixed := Attr[string]{Value: strings.TrimLeft(p.Value, "/"), Sensitive: p.Sensitive}
	l.errorf(p.Range.Ptr(), "Slash at the start of a "+k.what,
		"S3 object keys do not start with \"/\": %s. Remove the leading slash. %s",
		k.effect(show(p), show(fixed), unquoted(p)), prefixFix(p, attr, fixed.Value))
}

// prefixFix says what to write instead of a prefix with slashes at its
// ends: `Did you mean "x"?`, or to leave the attribute out when nothing is
// left, or only that the slashes go when the value is sensitive (a
// suggestion would show it).
func prefixFix(p Attr[string], attr, fixed string) string {
	switch {
	case fixed == "":
		return "Leave " + attr + " out."
	case p.Sensitive:
		return "Write " + attr + " without the slashes."
	}
	return "Did you mean " + strconv.Quote(fixed) + "?"
}

// unquoted is show without the quotes, for a value inside a longer text.
func unquoted(p Attr[string]) string {
	if p.Sensitive {
		return RedactedText
	}
	q := strconv.Quote(p.Value)
	return q[1 : len(q)-1]
}
