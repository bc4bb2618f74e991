package apply

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// ErrPlanWarnings is returned when the warnings of a plan file are not
// those of the fresh plan although its fingerprints and changes match: the
// access around the plan changed (a new holder of the grant's managed
// policy, an inline policy, group or access key of its user, a bucket ACL
// grant), or the file was edited. It is a stale plan (errors.Is
// ErrStalePlan).
var ErrPlanWarnings = fmt.Errorf("saved plan's warnings differ from the fresh plan's: %w", ErrStalePlan)

// checkWarnings refuses a fresh plan whose warnings are not the saved
// ones. The warnings name access the spec does not declare and apply
// keeps: who else holds a managed policy the plan may widen, what a user
// or role holds beyond its grant, a bucket's ACL grants, keys nobody may
// hold. They are read for the plan but are not part of the live
// fingerprint, so a reviewed plan would otherwise widen access that
// reaches holders nobody reviewed. They are compared as the plan file
// holds them (redacted, access keys masked), in any order; the request
// ids and message of an AWS error quoted in a read error are not compared,
// its code is (comparableWarning). A file whose warnings were deleted or
// edited is refused the same way, so that "teramotc show" of an applied
// file always showed its warnings.
//
// A saved warning that apply's plan no longer has is accepted, unless it
// said that a read failed: the access it named is gone, which is what the
// warnings advise (delete a console password, detach a policy), and any
// access that took its place is a new warning, which is refused. A read
// failure that is gone means the live state is now read where the review
// could not see it, so that stays a refusal (review-diff6b F12).
func checkWarnings(saved []string, fresh *Plan) error {
	was, err := warningsAsSaved(saved)
	if err != nil {
		return err
	}
	now, err := warningsAsSaved(fresh.Redacted().Warnings)
	if err != nil {
		return err
	}
	why := ""
	if w, ok := firstMissing(now, was); ok {
		why = fmt.Sprintf("apply's plan warns %s, which the plan file does not", shown(w))
	} else if w, ok := firstGoneReadFailure(was, now); ok {
		why = fmt.Sprintf("the plan file warns %s, which apply's plan does not", shown(w))
	}
	if why == "" {
		return nil
	}
	return &Problem{Err: ErrPlanWarnings,
		Summary: "the plan file's warnings are not those of the plan apply made: " + why,
		Detail: "The plan was reviewed with the file's warnings, which name access the spec does not declare and apply keeps " +
			"(who else holds the grant's managed policy, what a user or role holds beyond its grant, a bucket's ACL grants, access keys). " +
			"That access changed since the plan was made (a group attached to the policy, an inline policy or key added, an ACL grant), " +
			"or the file was edited; a change the plan widens would reach it unreviewed. (A warning that is merely gone, because the access it named was removed, is no reason to refuse; a read that failed and now succeeds is.) Do not apply this file: run \"teramotc plan -out=FILE\" again, " +
			"review it and its warnings with \"teramotc show FILE\", and apply the new file. Nothing was written."}
}

// warningsAsSaved returns warnings (already redacted) as a plan file holds
// them: access keys masked as in the file's JSON.
func warningsAsSaved(warnings []string) ([]string, error) {
	b, err := json.Marshal(warnings)
	if err != nil {
		return nil, err
	}
	var out []string
	if err := json.Unmarshal([]byte(spec.MaskAccessKeys(string(b))), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// A warning that a read failed quotes the AWS error, whose text varies
// from one plan to the next although nothing changed: the ids AWS gives
// each request, and the message, which for AccessDenied names the
// caller's assumed-role session (random per process for a profile with
// role_arn and no role_session_name). Such a warning is therefore compared
// by the rest of its text (what could not be read, the service, operation
// and HTTP status) and the error code, without the ids and the message.
var (
	requestIDs = regexp.MustCompile(`\b(RequestID|HostID): [^,\s)]*`)
	apiError   = regexp.MustCompile(`\bapi error [A-Za-z0-9._-]+: `) // smithy.GenericAPIError, then the message
	// sessionName is the session of an assumed-role ARN (the caller's):
	// masked wherever it appears, for a message that is kept.
	sessionName = regexp.MustCompile(`(:assumed-role/[^/\s]+/)[^\s,;()]+`)
)

// comparableWarning returns what is compared of a warning. The message of
// a quoted AWS error ends at the ")" that closes the parenthesis the
// warning quotes the error in; a message with an unmatched "(" is kept
// (with its session names masked), so that it is compared as written. A
// quoted error that is not an AWS API error is compared by its class
// (requestFailure).
func comparableWarning(w string) string {
	w = requestFailures(w)
	w = requestIDs.ReplaceAllString(w, "$1: ...")
	var b strings.Builder
	for {
		loc := apiError.FindStringIndex(w)
		if loc == nil {
			break
		}
		end := closingParen(w[loc[1]:])
		if end < 0 {
			break
		}
		b.WriteString(w[:loc[1]] + "...")
		w = w[loc[1]+end:]
	}
	b.WriteString(w)
	return sessionName.ReplaceAllString(b.String(), "$1...")
}

// closingParen returns the index of the first ")" of s that closes no "("
// of s, -1 when there is none.
func closingParen(s string) int {
	depth := 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth == 0:
			return i
		case r == ')':
			depth--
		}
	}
	return -1
}

// firstMissing returns the first warning of a that b lacks, counting
// repeats (the comparison ignores order, not multiplicity).
func firstMissing(a, b []string) (string, bool) {
	if m := missing(a, b); len(m) > 0 {
		return m[0], true
	}
	return "", false
}

// firstGoneReadFailure returns the first warning of saved that fresh
// lacks and that says a read failed (it quotes an SDK error).
func firstGoneReadFailure(saved, fresh []string) (string, bool) {
	for _, w := range missing(saved, fresh) {
		if apiError.MatchString(w) || operationError.MatchString(w) {
			return w, true
		}
	}
	return "", false
}

// missing returns the warnings of a that b lacks, in a's order, counting
// repeats.
func missing(a, b []string) []string {
	left := make([]string, len(b))
	for i, w := range b {
		left[i] = comparableWarning(w)
	}
	var out []string
	for _, w := range a {
		i := slices.Index(left, comparableWarning(w))
		if i < 0 {
			out = append(out, w)
			continue
		}
		left = slices.Delete(left, i, i+1)
	}
	return out
}

// A read that failed without an answer from AWS (the connection refused,
// no answer in time, a name that does not resolve, a certificate not
// trusted) is quoted as the SDK's error too, "operation error IAM:
// ListEntitiesForPolicy, " and then text that varies from one plan to the
// next although nothing relevant changed: the address and ephemeral port
// of the connection, the resolver's address, a duration, how many attempts
// the retryer made. Such an error is compared by its class: service and
// operation (kept), the HTTP status when a response came, and its kind
// (requestFailureKind). So a plan file whose read failed for want of a
// connection applies while it still fails the same way; one whose read
// now fails another way (timeout instead of connection refused, an AWS
// error code instead of a network error) or no longer fails is refused.
var (
	operationError = regexp.MustCompile(`\boperation error [A-Za-z0-9 ]+: [A-Za-z0-9]+, `)
	responseStatus = regexp.MustCompile(`\bStatusCode: ([0-9]+)`)
)

// requestFailures replaces in w each quoted SDK error that is not an AWS
// API error, as far as the ")" that closes the parenthesis it is quoted in,
// by its class. One whose end cannot be told is left as it is.
func requestFailures(w string) string {
	var b strings.Builder
	for {
		loc := operationError.FindStringIndex(w)
		if loc == nil {
			break
		}
		end := closingParen(w[loc[1]:])
		if end < 0 {
			break
		}
		quoted := w[loc[1] : loc[1]+end]
		b.WriteString(w[:loc[1]])
		if apiError.MatchString(quoted) {
			b.WriteString(quoted)
		} else {
			b.WriteString(requestFailure(quoted))
		}
		w = w[loc[1]+end:]
	}
	b.WriteString(w)
	return b.String()
}

// requestFailure is the class of the text of an SDK error after its
// service and operation: "request failed: KIND", with ", HTTP status N"
// when a response came (a body that did not decode).
func requestFailure(text string) string {
	class := "request failed: " + requestFailureKind(text)
	if m := responseStatus.FindStringSubmatch(text); m != nil && m[1] != "0" {
		class += ", HTTP status " + m[1]
	}
	return class
}

// requestFailureKind tells the kinds of failed request apart by the
// words Go's net, net/http and crypto/tls put in their errors, whatever
// address or duration they name: DNS (the endpoint's name did not
// resolve), connection refused, timeout (no connection or answer in time,
// also a TLS handshake's), TLS (a certificate or handshake refused),
// connection reset; anything else is "other".
func requestFailureKind(text string) string {
	t := strings.ToLower(text)
	has := func(words ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(t, w) })
	}
	switch {
	case has("no such host", "dial tcp: lookup ", "dial udp: lookup ", "server misbehaving"):
		return "DNS"
	case has("connection refused"):
		return "connection refused"
	case has("timeout", "timed out", "deadline exceeded"):
		return "timeout"
	case has("tls:", "x509:", "certificate"):
		return "TLS"
	case has("connection reset", "broken pipe"):
		return "connection reset"
	}
	return "other"
}
