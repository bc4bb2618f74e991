package spec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// keyPrefixes describes each attribute that holds the start of S3 object
// keys, for the check that it does not begin with "/". The keys that the
// console and most tools write do not (the console's folder "a" holds the
// keys "a/..."), so a prefix "/a/" most likely means "a/". S3 keys may
// start with "/", though (an SDK's PutObject with Key "/a/x"), and then the
// prefix is right: the check is a warning, which nothing refuses (import
// of such a bucket, plan, apply). Each effect gets the prefix as written,
// the prefix without its leading slashes, and the prefix as written
// unquoted.
var keyPrefixes = map[string]struct {
	what   string
	effect func(given, fixed, inner string) string
}{
	"grant": {"grant prefix", func(given, fixed, inner string) string {
		return "the grant gives access to keys that begin with " + given + " (its policy names arn:aws:s3:::BUCKET/" +
			inner + "*), not to the keys under " + fixed
	}},
	"lifecycle": {"lifecycle rule prefix", func(given, fixed, _ string) string {
		return "the rule applies to keys that begin with " + given + ", not to the keys under " + fixed +
			", which it never expires or moves"
	}},
	"access_logging": {"log target prefix", func(given, fixed, inner string) string {
		return "S3 writes the access logs under keys that begin with " + given + ", not under " + fixed +
			", and the log bucket's policy allows delivery to arn:aws:s3:::BUCKET/" + inner + "*"
	}},
}

// checkKeyPrefixStart warns about a key prefix (kind: a key of
// keyPrefixes) that begins with "/", suggesting the value without the
// leading slashes.
func (l *loader) checkKeyPrefixStart(p Attr[string], attr, kind string) {
	if !p.Set || !strings.HasPrefix(p.Value, "/") {
		return
	}
	k := keyPrefixes[kind]
	fixed := Attr[string]{Value: strings.TrimLeft(p.Value, "/"), Sensitive: p.Sensitive}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Slash at the start of a " + k.what,
		Detail: fmt.Sprintf("The keys that the S3 console and most tools write do not start with \"/\": %s. "+
			"Remove the leading slash unless the bucket's keys really begin with \"/\". %s",
			k.effect(show(p), show(fixed), unquoted(p)), prefixFix(p, attr, fixed.Value)),
		Subject: l.subject(p.Range.Ptr()),
	})
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
