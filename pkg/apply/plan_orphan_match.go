package apply

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// docBuckets are the buckets the policy document doc (JSON, URL-encoded
// or not, as GetAccountAuthorizationDetails lists it) grants an S3 action
// on; an error when it does not parse (warned about: orphanUnreadable).
func docBuckets(doc string, buckets []string, partition string) ([]string, error) {
	doc = strings.TrimSpace(doc)
	if doc == "" {
		return nil, fmt.Errorf("the listing holds no document for its default version")
	}
	if !strings.HasPrefix(doc, "{") {
		if dec, err := url.QueryUnescape(doc); err == nil {
			doc = dec
		}
	}
	parsed, err := ParsePolicy(doc)
	if err != nil {
		return nil, err
	}
	canon, err := CanonicalPolicy(parsed, partition)
	if err != nil {
		return nil, err
	}
	return bucketsGranted(canon, buckets, partition), nil
}

// bucketsGranted are the buckets an Allow statement of the canonical
// policy doc grants an S3 action on: a Resource that names the bucket
// literally (its ARN, or an object ARN in it: resourceOnBucket), or a
// NotResource that does not leave the whole bucket out
// (notResourceExcludes). A bucket-name pattern (arn:aws:s3:::acme-*) or a
// Resource on every bucket names no bucket of the spec (review diff6b
// F13).
func bucketsGranted(doc any, buckets []string, partition string) []string {
	m, _ := doc.(map[string]any)
	var out []string
	add := func(b string) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, st := range statementsOf(m["Statement"]) {
		if !strings.EqualFold(str(st["Effect"]), "Allow") || !grantsS3(st) {
			continue
		}
		if st["NotResource"] != nil {
			not := policyValues(st["NotResource"])
			for _, b := range buckets {
				if !notResourceExcludes(not, b, partition) {
					add(b)
				}
			}
			continue
		}
		for _, res := range policyValues(st["Resource"]) {
			for _, b := range buckets {
				if resourceOnBucket(res, b) {
					add(b)
				}
			}
		}
	}
	return out
}

// grantsS3 reports whether a statement allows an S3 action: an s3: action
// (wildcards included), "*", or NotAction (everything but some actions).
func grantsS3(st map[string]any) bool {
	if st["NotAction"] != nil {
		return true
	}
	for _, a := range policyValues(st["Action"]) {
		if a == "*" || strings.HasPrefix(strings.ToLower(a), "s3:") {
			return true
		}
	}
	return false
}

// resourceOnBucket reports whether the resource pattern res names bucket
// b literally: the part of an S3 ARN before the first "/" is the name
// itself, with no wildcard (the key pattern after it may hold any). A
// grant's rendered policy names its bucket so; a pattern such as
// arn:aws:s3:::acme-* is an organisation's broad policy (a backup role's,
// say), which the spec cannot acknowledge, so warning about it would
// never stop.
func resourceOnBucket(res, b string) bool {
	i := strings.Index(res, ":s3:::")
	if !strings.HasPrefix(res, "arn:") || i < 0 {
		return false
	}
	part, _, _ := strings.Cut(res[i+len(":s3:::"):], "/")
	return part == b
}

// notResourceExcludes reports whether the NotResource patterns not leave
// out the whole of bucket b: its ARN and every object ARN in it. A
// statement whose NotResource leaves any of it in grants on the bucket
// (review diff6b F9).
func notResourceExcludes(not []string, b, partition string) bool {
	if partition == "" {
		partition = "aws"
	}
	arn := "arn:" + partition + ":s3:::" + b
	bucket, objects := false, false
	for _, p := range not {
		if wildcardMatch(p, arn) {
			bucket = true
		}
		// every key: the pattern matches the bucket's ARN and "/", and
		// ends with "*", which then takes any key
		if strings.HasSuffix(p, "*") && wildcardMatch(p, arn+"/") {
			objects = true
		}
	}
	return bucket && objects
}

// wildcardMatch matches s against an IAM pattern: "*" any run of
// characters, "?" any one.
func wildcardMatch(p, s string) bool {
	for p != "" {
		switch p[0] {
		case '*':
			for i := len(s); i >= 0; i-- {
				if wildcardMatch(p[1:], s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
		default:
			if s == "" || s[0] != p[0] {
				return false
			}
		}
		p, s = p[1:], s[1:]
	}
	return s == ""
}

// statementsOf is a Statement value as a list of statements.
func statementsOf(v any) []map[string]any {
	var out []map[string]any
	switch s := v.(type) {
	case map[string]any:
		out = append(out, s)
	case []map[string]any:
		out = s
	case []any:
		for _, x := range s {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// policyValues is a string or list-of-strings value as a list.
func policyValues(v any) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	return stringsOf(v)
}
