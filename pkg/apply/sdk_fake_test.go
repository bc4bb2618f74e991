package apply

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithy "github.com/aws/smithy-go"
)

// sdkFake sends the fake's create calls (CreateUser, CreateRole,
// CreatePolicy, CreateBucket) through real SDK clients, so that the SDK's
// retry middleware and the engine's per-call options run, over an
// in-memory HTTP client that performs each attempt on the fake and
// serializes its answer. answers scripts the attempts of a call.
type sdkFake struct {
	*fake
	iam *iam.Client
	s3  *s3.Client

	mu       sync.Mutex
	answers  map[string][]scripted // by call, "OP NAME"
	attempts map[string]int        // attempts that reached the HTTP client, by call
	// credsLost fails that many credential lookups of an operation
	// ("CreateUser") with a dropped connection, which the SDK retries:
	// those attempts send nothing.
	credsLost map[string]int
}

// scripted is what one attempt of an operation gets instead of its answer.
type scripted int

const (
	lost500     scripted = iota // performed, then a 500 (the answer is lost)
	lostTimeout                 // performed, then a read timeout
	throttled                   // not performed: 400 Throttling
)

func newSDKFake(f *fake) *sdkFake {
	s := &sdkFake{fake: f, answers: map[string][]scripted{}, attempts: map[string]int{}, credsLost: map[string]int{}}
	static := credentials.NewStaticCredentialsProvider("AKIDFAKE", "fake", "")
	creds := aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		op := awsmiddleware.GetOperationName(ctx)
		s.mu.Lock()
		lost := s.credsLost[op] > 0
		if lost {
			s.credsLost[op]--
		}
		s.mu.Unlock()
		if lost {
			return aws.Credentials{}, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
		}
		return static.Retrieve(ctx)
	})
	retryer := func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = ratelimit.None
		})
	}
	s.iam = iam.New(iam.Options{Region: "us-east-1", Credentials: creds, Retryer: retryer()})
	s.s3 = s3.New(s3.Options{Region: "us-east-1", Credentials: creds, Retryer: retryer(), UsePathStyle: true})
	return s
}

type doer func(*http.Request) (*http.Response, error)

func (d doer) Do(r *http.Request) (*http.Response, error) { return d(r) }

// transport returns the HTTP client of one call ("OP NAME"): each attempt
// runs perform on the fake (unless scripted as throttled) and answers with
// its result, or with the scripted lost answer.
func (s *sdkFake) transport(call string, query bool, perform func() error) doer {
	op, _, _ := strings.Cut(call, " ")
	return func(r *http.Request) (*http.Response, error) {
		if r.Body != nil {
			io.Copy(io.Discard, r.Body)
		}
		s.mu.Lock()
		s.attempts[call]++
		var next *scripted
		if q := s.answers[call]; len(q) > 0 {
			next, s.answers[call] = &q[0], q[1:]
		}
		s.mu.Unlock()
		if next != nil && *next == throttled {
			return errorReply(query, 400, apiErr("Throttling", "Rate exceeded")), nil
		}
		err := perform()
		switch {
		case next != nil && *next == lost500:
			return errorReply(query, 500, apiErr("InternalError", "We encountered an internal error.")), nil
		case next != nil && *next == lostTimeout:
			return nil, &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
		case err != nil:
			status := 400
			if c := errorCode(err); c == "EntityAlreadyExists" || c == "BucketAlreadyOwnedByYou" {
				status = 409
			}
			return errorReply(query, status, err), nil
		case query:
			return reply(200, fmt.Sprintf("<%[1]sResponse><%[1]sResult></%[1]sResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></%[1]sResponse>", op)), nil
		}
		return reply(200, ""), nil
	}
}

func reply(status int, body string) *http.Response {
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"text/xml"}}, Body: io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body))}
}

// errorReply serializes err as IAM's query protocol or S3's REST-XML does.
func errorReply(query bool, status int, err error) *http.Response {
	var ae smithy.APIError
	errors.As(err, &ae)
	if query {
		return reply(status, fmt.Sprintf("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>1</RequestId></ErrorResponse>",
			ae.ErrorCode(), ae.ErrorMessage()))
	}
	return reply(status, fmt.Sprintf("<Error><Code>%s</Code><Message>%s</Message><RequestId>1</RequestId></Error>", ae.ErrorCode(), ae.ErrorMessage()))
}

func (s *sdkFake) viaIAM(call string, perform func() error) func(*iam.Options) {
	return func(o *iam.Options) { o.HTTPClient = s.transport(call, true, perform) }
}

func (s *sdkFake) CreateUser(ctx context.Context, in *iam.CreateUserInput, opts ...func(*iam.Options)) (*iam.CreateUserOutput, error) {
	return s.iam.CreateUser(ctx, in, append(opts, s.viaIAM("CreateUser "+*in.UserName, func() error { _, err := s.fake.CreateUser(ctx, in); return err }))...)
}

func (s *sdkFake) CreateRole(ctx context.Context, in *iam.CreateRoleInput, opts ...func(*iam.Options)) (*iam.CreateRoleOutput, error) {
	return s.iam.CreateRole(ctx, in, append(opts, s.viaIAM("CreateRole "+*in.RoleName, func() error { _, err := s.fake.CreateRole(ctx, in); return err }))...)
}

func (s *sdkFake) CreatePolicy(ctx context.Context, in *iam.CreatePolicyInput, opts ...func(*iam.Options)) (*iam.CreatePolicyOutput, error) {
	return s.iam.CreatePolicy(ctx, in, append(opts, s.viaIAM("CreatePolicy "+*in.PolicyName, func() error { _, err := s.fake.CreatePolicy(ctx, in); return err }))...)
}

func (s *sdkFake) CreateBucket(ctx context.Context, in *s3.CreateBucketInput, opts ...func(*s3.Options)) (*s3.CreateBucketOutput, error) {
	perform := func() error { _, err := s.fake.CreateBucket(ctx, in); return err }
	return s.s3.CreateBucket(ctx, in, append(opts, func(o *s3.Options) { o.HTTPClient = s.transport("CreateBucket "+*in.Bucket, false, perform) })...)
}

func sdkEngine(t *testing.T, s *sdkFake) *Engine {
	e := fakeEngine(t, s.fake)
	e.C.IAM = s
	e.C.S3ForRegion = func(string) S3API { return s }
	return e
}
