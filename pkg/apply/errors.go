package apply

import (
	"errors"
	"net/http"
	"strings"

	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// errorCode returns the AWS error code of err, or "".
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func httpStatus(err error) int {
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}

// notFoundCodes are the "no configuration" signals of every read (see
// apply-engine.md §3).
var notFoundCodes = map[string]bool{
	"NotFound":                                       true,
	"NoSuchBucket":                                   true,
	"NoSuchPublicAccessBlockConfiguration":           true,
	"OwnershipControlsNotFoundError":                 true,
	"ServerSideEncryptionConfigurationNotFoundError": true,
	"NoSuchBucketPolicy":                             true,
	"NoSuchLifecycleConfiguration":                   true,
	"NoSuchTagSet":                                   true,
	"NoSuchEntity":                                   true,
	"TrailNotFoundException":                         true,
}

// isNotFound reports whether err says the item does not exist.
func isNotFound(err error) bool {
	if err == nil {
		return false
	}
	if notFoundCodes[errorCode(err)] {
		return true
	}
	return httpStatus(err) == http.StatusNotFound && errorCode(err) == ""
}

// isUnsupported reports whether a third-party endpoint says it does not
// implement the operation.
func isUnsupported(err error) bool {
	switch errorCode(err) {
	case "NotImplemented", "XNotImplemented", "MethodNotAllowed":
		return true
	}
	return httpStatus(err) == http.StatusNotImplemented
}

// isTransient reports throttling, server errors and concurrent-write
// conflicts, which the resource layer retries beyond the SDK's attempts.
func isTransient(err error) bool {
	switch errorCode(err) {
	case "Throttling", "ThrottlingException", "SlowDown", "RequestLimitExceeded",
		"TooManyRequestsException", "InternalError", "ServiceUnavailable",
		"OperationAborted", "RequestTimeout":
		return true
	}
	s := httpStatus(err)
	return s >= 500 && s != http.StatusNotImplemented
}

// isPropagation reports the eventual-consistency errors AWS returns right
// after a principal, policy or bucket was created.
func isPropagation(err error) bool {
	code := errorCode(err)
	switch code {
	case "ConcurrentModification", "ConcurrentModificationException", "NoSuchEntity", "NoSuchBucket",
		"InsufficientS3BucketPolicyException":
		return true
	case "MalformedPolicy", "MalformedPolicyDocument":
		var ae smithy.APIError
		errors.As(err, &ae)
		return strings.Contains(strings.ToLower(ae.ErrorMessage()), "invalid principal")
	}
	return false
}
