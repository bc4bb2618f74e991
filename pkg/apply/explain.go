package apply

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"syscall"

	smithy "github.com/aws/smithy-go"

	"github.com/teramot/teramotc/pkg/spec"
)

// Problem is an error as users see it, shaped like a Terraform diagnostic:
// a terse summary and a sentence saying what to do. Err, when set, is the
// error it explains (kept for TERAMOTC_LOG=debug and errors.Is).
type Problem struct {
	Summary, Detail string
	Err             error
}

func (p *Problem) Error() string { return p.Summary }
func (p *Problem) Unwrap() error { return p.Err }

// Cause says why an AWS call failed, as far as the user can act on it.
type Cause string

const (
	CauseOther          Cause = "other"
	CauseInterrupted    Cause = "interrupted"     // SIGINT or SIGTERM
	CauseTimeout        Cause = "timeout"         // the endpoint accepted the connection but did not answer
	CauseConnect        Cause = "connect"         // connection refused, unknown host
	CauseNoCredentials  Cause = "no-credentials"  // the credential chain found nothing
	CauseBadCredentials Cause = "bad-credentials" // the credentials were rejected
	CauseAccessDenied   Cause = "access-denied"
	CauseNotFound       Cause = "not-found"
)

// Explanation is what Explain makes of an error: the cause, a terse
// summary (prefixed with what the caller was doing, when the error says
// it), and what to do. Debug is the full error text (credentials masked)
// for TERAMOTC_LOG=debug.
type Explanation struct {
	Cause           Cause
	Summary, Detail string
	// Action is the failed call as an IAM action ("s3:PutBucketPolicy"),
	// or "" when the error did not come from an AWS call.
	Action string
	Debug  string
}

// Explain turns an error of Connect, NewEngine, Read, Apply or Import into
// a summary without the SDK's request ids and retry counts, and a sentence
// saying what to do, by cause. c may be nil (before Connect succeeded).
func (c *Clients) Explain(err error) Explanation {
	x := Explanation{Cause: CauseOther, Debug: redactErr(err).Error()}
	var p *Problem
	if errors.As(err, &p) {
		x.Summary, x.Detail = p.Summary, p.Detail
		return x
	}
	var op *smithy.OperationError
	prefix, leaf := "", err
	if errors.As(err, &op) {
		x.Action = strings.ToLower(strings.ReplaceAll(op.ServiceID, " ", "")) + ":" + op.OperationName
		full, own := err.Error(), op.Error()
		if strings.HasSuffix(full, own) {
			prefix = full[:len(full)-len(own)]
		}
		leaf = op.Err
	}
	x.Cause, x.Summary, x.Detail = c.classify(leaf, x.Action)
	if x.Cause == CauseOther && op == nil {
		x.Summary = redactErr(err).Error() // not an AWS call: the error is the summary
		return x
	}
	switch x.Cause {
	case CauseOther, CauseNotFound, CauseAccessDenied:
		x.Summary = prefix + x.Summary // what the caller was doing matters
	}
	return x
}

// classify is Explain for the error of one call (below the SDK's
// operation wrapper).
func (c *Clients) classify(err error, action string) (Cause, string, string) {
	where := c.endpointName()
	if host := requestHost(err); host != "" {
		where = host
	}
	code := errorCode(err)
	var ae smithy.APIError
	msg := ""
	if errors.As(err, &ae) {
		msg = strings.TrimSpace(spec.MaskCredentials(ae.ErrorMessage()))
	}
	switch {
	case errors.Is(err, context.Canceled):
		return CauseInterrupted, "interrupted", "Nothing weaker than before was left behind; run \"teramotc plan\" to see what remains."
	case isTimeout(err):
		return CauseTimeout, fmt.Sprintf("%s does not answer (no response within %s)", where, c.requestTimeout()),
			"Check that " + where + " is the right endpoint and that it is up; a proxy or firewall that holds connections open gives the same result. TERAMOTC_REQUEST_TIMEOUT (a duration such as 2m) sets how long each request may wait."
	case isCredentialChain(err) && code == "":
		return CauseNoCredentials, "no AWS credentials found",
			"Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, give -profile (or AWS_PROFILE) with a profile that has credentials, or run where an instance or task role is available."
	case isCredentialChain(err):
		return CauseBadCredentials, fmt.Sprintf("cannot get credentials: %s%s", code, colon(msg)),
			"Check -assume-role-arn and -external-id, and that the base credentials may assume that role."
	}
	if reason, ok := connectFailure(err); ok {
		detail := "Check the network connection, proxy settings (HTTPS_PROXY) and -region."
		if c != nil && c.Endpoint != "" {
			detail = "Check that the server at " + endpointName(c.Endpoint) + " is running and that -endpoint-url (or AWS_ENDPOINT_URL) names it."
		}
		return CauseConnect, fmt.Sprintf("cannot connect to %s (%s)", where, reason), detail
	}
	switch code {
	case "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException",
		"UnrecognizedClientException", "AuthFailure", "InvalidToken", "TokenRefreshRequired":
		return CauseBadCredentials, fmt.Sprintf("the AWS credentials were rejected (%s)", code),
			"Check the access key (or -profile), and refresh expired session credentials."
	case "AccessDenied", "AccessDeniedException", "AuthorizationError", "UnauthorizedOperation", "AllAccessDisabled":
		need := ""
		if op, ok := OperationByAPI(action); ok && len(op.Actions) > 0 && !slices.Equal(op.Actions, []string{action}) {
			// the IAM action(s) of the call: s3:HeadBucket needs s3:ListBucket
			need = " (IAM permission " + strings.Join(op.Actions, " and ") + ")"
		}
		return CauseAccessDenied, "access denied for " + action,
			"Use credentials that may call " + action + need + " on this resource, or have it granted to them; " +
				"\"teramotc permissions SPEC\" prints the whole policy teramotc needs." + awsSays(msg)
	}
	if isNotFound(err) {
		return CauseNotFound, notFoundWhat(action, code) + " not found", "Check the name, -region and the account of the credentials." + awsSays(msg)
	}
	if code != "" {
		return CauseOther, action + ": " + code + colon(msg), ""
	}
	return CauseOther, action + ": " + redactErr(err).Error(), ""
}

func colon(msg string) string {
	if msg == "" {
		return ""
	}
	return ": " + msg
}

func awsSays(msg string) string {
	if msg == "" {
		return ""
	}
	return " (AWS says: " + msg + ")"
}

// notFoundWhat names what a not-found answer of action is about.
func notFoundWhat(action, code string) string {
	op := action[strings.Index(action, ":")+1:]
	switch {
	case code == "NoSuchBucket" || strings.HasPrefix(action, "s3:"):
		return "bucket"
	case code == "TrailNotFoundException" || strings.HasPrefix(action, "cloudtrail:"):
		return "trail"
	case strings.Contains(op, "User") || strings.Contains(op, "AccessKey"):
		return "IAM user"
	case strings.Contains(op, "Role"):
		return "IAM role"
	case strings.Contains(op, "Policy"):
		return "IAM policy"
	}
	return "resource"
}

// endpointName is the endpoint calls go to, for messages, without its
// password.
func (c *Clients) endpointName() string {
	if c != nil && c.Endpoint != "" {
		return endpointName(c.Endpoint)
	}
	return "AWS"
}

// requestHost is scheme://host of the request err is about, or "".
func requestHost(err error) string {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return ""
	}
	u, perr := url.Parse(ue.URL)
	if perr != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// connectFailure reports a connection that could not be opened, and why.
func connectFailure(err error) (string, bool) {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "unknown host " + dns.Name, true
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return "connection refused", true
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return oe.Err.Error(), true
	}
	return "", false
}

// isCredentialChain reports an error of the credential provider (nothing
// found, or an assume-role call that failed) rather than of the call.
func isCredentialChain(err error) bool {
	s := err.Error()
	return strings.Contains(s, "get credentials:") || strings.Contains(s, "failed to retrieve credentials") ||
		strings.Contains(s, "failed to refresh cached credentials")
}

// ErrorSummary is the summary Explain gives err when the connection is not
// at hand (the endpoint of a timeout is then the request's host): text
// printed about an error outside its diagnostic, such as apply -json's
// apply_errored detail, without the SDK's request ids, HTTP statuses and
// retry counts. Mask it with Change.Mask or Plan.Mask before printing.
func ErrorSummary(err error) string {
	if err == nil {
		return ""
	}
	return (*Clients)(nil).Explain(err).Summary
}
