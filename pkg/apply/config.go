package apply

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/logging"

	"github.com/teramot/teramotc/pkg/spec"
)

// ConnectOptions selects credentials and endpoints.
type ConnectOptions struct {
	Profile       string `json:"profile,omitempty"`         // --profile
	Region        string `json:"region,omitempty"`          // --region; default from the chain, else us-east-1
	AssumeRoleARN string `json:"assume_role_arn,omitempty"` // --assume-role-arn
	ExternalID    string `json:"-"`                         // --external-id (with AssumeRoleARN); never saved
	EndpointURL   string `json:"endpoint_url,omitempty"`    // --endpoint-url; falls back to AWS_ENDPOINT_URL
	// MaxAttempts of the SDK retryer (0: 5).
	MaxAttempts int `json:"-"`
	// RequestTimeout bounds the preflight call and how long each request
	// waits for the endpoint to answer (0: DefaultRequestTimeout).
	RequestTimeout time.Duration `json:"-"`
	// Log receives the SDK's own log lines (credentials masked); nil
	// drops them (they are warnings such as "falling back to IMDSv1" that
	// the user cannot act on).
	Log io.Writer `json:"-"`
}

// newRetryer returns a fresh standard retryer (one per client call, so that
// clients do not share a retry token bucket) that also retries S3's
// OperationAborted (a concurrent write on the same bucket).
func newRetryer(maxAttempts int) func() aws.Retryer {
	if maxAttempts <= 0 {
		maxAttempts = 5
	}
	return func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = maxAttempts
			o.RateLimiter = ratelimit.None // a CLI makes few calls; never refuse a retry
			o.Retryables = append(append([]retry.IsErrorRetryable{}, o.Retryables...),
				retry.RetryableErrorCode{Codes: map[string]struct{}{"OperationAborted": {}}})
		})
	}
}

// Connect builds the clients from the default credential chain and opts.
// Its errors are *Problem: an endpoint that is not a URL, a service's own
// endpoint (resolveEndpoint), a profile that is not in the shared config, a
// configuration that does not load. It sends nothing.
func Connect(ctx context.Context, opts ConnectOptions) (*Clients, error) {
	timeout := opts.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	load := []func(*config.LoadOptions) error{
		config.WithRetryer(newRetryer(opts.MaxAttempts)),
		config.WithLogger(sdkLogger(opts.Log)),
		config.WithHTTPClient(awshttp.NewBuildableClient().
			WithDialerOptions(func(d *net.Dialer) { d.Timeout = min(timeout, d.Timeout) }).
			WithTransportOptions(func(t *http.Transport) { t.ResponseHeaderTimeout = timeout })),
	}
	if opts.Profile != "" {
		load = append(load, config.WithSharedConfigProfile(opts.Profile))
	}
	if opts.Region != "" {
		load = append(load, config.WithRegion(opts.Region))
	}
	var endpoint string // resolved below, before any credentials are fetched
	load = append(load, profileRoleAt(&endpoint)...)
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return nil, configProblem(err)
	}
	cfg.APIOptions = append(cfg.APIOptions, redactErrors)
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	endpoint, err = resolveEndpoint(ctx, opts.EndpointURL, cfg)
	if err != nil {
		return nil, err
	}
	if endpoint != "" {
		cfg.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		cfg.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	}
	if opts.AssumeRoleARN != "" {
		prov := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg, withSTSEndpoint(endpoint)), opts.AssumeRoleARN,
			func(o *stscreds.AssumeRoleOptions) {
				o.RoleSessionName = "teramotc"
				if opts.ExternalID != "" {
					o.ExternalID = aws.String(opts.ExternalID)
				}
			})
		cfg.Credentials = aws.NewCredentialsCache(prov)
	}
	c := newClients(cfg, endpoint)
	c.RequestTimeout = timeout
	return c, nil
}

// checkEndpoint rejects an endpoint that is not an http(s) URL with a
// host, before any call is made with it.
func checkEndpoint(endpoint, source string) error {
	if p := CheckEndpoint(endpoint); p != nil {
		p.Summary = fmt.Sprintf("the endpoint %q (%s) is not a URL", EndpointWithoutPassword(endpoint), source)
		return p
	}
	return nil
}

// CheckEndpoint returns the problem of an endpoint that is not an http(s)
// URL with a host, or nil. Its summary names the endpoint without its
// password (EndpointWithoutPassword), not where it came from.
func CheckEndpoint(endpoint string) *Problem {
	u, err := url.Parse(endpoint)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return nil
	}
	return &Problem{
		Summary: fmt.Sprintf("the endpoint %q is not a URL", EndpointWithoutPassword(endpoint)),
		Detail:  "Give the endpoint as an http or https URL with a host, such as http://127.0.0.1:5000 or https://s3.example.com.",
	}
}

// configProblem explains an error of loading the shared configuration.
func configProblem(err error) error {
	var nf config.SharedConfigProfileNotExistError
	if errors.As(err, &nf) {
		return &Problem{
			Summary: fmt.Sprintf("profile %q not found in the shared config", nf.Profile),
			Detail:  "Check the name (\"aws configure list-profiles\" lists them) and the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name, or leave -profile and AWS_PROFILE unset to use the environment's credentials.",
			Err:     err,
		}
	}
	return &Problem{
		Summary: "cannot load the AWS configuration: " + redactErr(err).Error(),
		Detail:  "Fix the shared config and credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE) or the AWS_* environment variables.",
		Err:     err,
	}
}

// sdkLogger drops the SDK's log lines, or writes them to w with
// credentials masked.
func sdkLogger(w io.Writer) logging.Logger {
	if w == nil {
		return logging.Nop{}
	}
	var mu sync.Mutex
	return logging.LoggerFunc(func(cls logging.Classification, format string, v ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "SDK %s %s\n", cls, spec.MaskCredentials(fmt.Sprintf(format, v...)))
	})
}

func withSTSEndpoint(endpoint string) func(*sts.Options) {
	return func(o *sts.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	}
}

func newClients(cfg aws.Config, endpoint string) *Clients {
	c := &Clients{Endpoint: strings.TrimRight(endpoint, "/"), Region: cfg.Region}
	c.S3ForRegion = perRegion(cfg.Region, func(region string) S3API {
		return s3.NewFromConfig(cfg, func(o *s3.Options) {
			o.Region = region
			if endpoint != "" {
				o.BaseEndpoint = aws.String(endpoint)
				o.UsePathStyle = true
			}
		})
	})
	c.CloudTrailForRegion = perRegion(cfg.Region, func(region string) CloudTrailAPI {
		return cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
			o.Region = region
			if endpoint != "" {
				o.BaseEndpoint = aws.String(endpoint)
			}
		})
	})
	c.IAM = iam.NewFromConfig(cfg, func(o *iam.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	c.STS = sts.NewFromConfig(cfg, withSTSEndpoint(endpoint))
	return c
}

// perRegion returns a function that builds one client per region (the
// default region for ""), once, and hands out the same client afterwards.
func perRegion[T any](defaultRegion string, build func(region string) T) func(string) T {
	var mu sync.Mutex
	clients := map[string]T{}
	return func(region string) T {
		if region == "" {
			region = defaultRegion
		}
		mu.Lock()
		defer mu.Unlock()
		cl, ok := clients[region]
		if !ok {
			cl = build(region)
			clients[region] = cl
		}
		return cl
	}
}
