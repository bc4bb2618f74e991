package apply

import (
	"context"

	"github.com/aws/smithy-go/middleware"

	"github.com/teramot/teramotc/pkg/spec"
)

// AWS error messages, and the bodies of S3-compatible endpoints the SDK
// echoes in them, are text teramotc did not write: they may quote an access
// key id or a secret access key (a refused tag value, a signature error, a
// proxy's debug page). Every error an AWS call returns is therefore wrapped
// so that its text, wherever it is printed or logged (stderr, progress
// lines, plan warnings), has them masked (spec.MaskCredentials).

// redactedError is an error whose text is printed with credentials masked.
// Unwrap keeps the original: error codes and HTTP statuses are classified
// exactly as before.
type redactedError struct{ err error }

func (e *redactedError) Error() string { return spec.MaskCredentials(e.err.Error()) }
func (e *redactedError) Unwrap() error { return e.err }

// redactErr wraps err (nil stays nil).
func redactErr(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{err}
}

// redactErrors is an API option for every client: a middleware at the
// start of each operation wraps the error the operation ends with (after
// the SDK's retries, deserialization and signing). The SDK adds only the
// service and operation names around it.
func redactErrors(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("teramotcRedactErrors",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleInitialize(ctx, in)
			return out, md, redactErr(err)
		}), middleware.Before)
}
