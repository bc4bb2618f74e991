package apply

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
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
func Connect(ctx context.Context, opts ConnectOptions) (*Clients, error) {
	load := []func(*config.LoadOptions) error{
		config.WithRetryer(newRetryer(opts.MaxAttempts)),
	}
	if opts.Profile != "" {
		load = append(load, config.WithSharedConfigProfile(opts.Profile))
	}
	if opts.Region != "" {
		load = append(load, config.WithRegion(opts.Region))
	}
	endpoint := opts.EndpointURL
	if endpoint == "" {
		endpoint = os.Getenv("AWS_ENDPOINT_URL")
	}
	if endpoint != "" {
		load = append(load,
			config.WithRequestChecksumCalculation(aws.RequestChecksumCalculationWhenRequired),
			config.WithResponseChecksumValidation(aws.ResponseChecksumValidationWhenRequired))
	}
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", redactErr(err))
	}
	cfg.APIOptions = append(cfg.APIOptions, redactErrors)
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if endpoint == "" && cfg.BaseEndpoint != nil {
		// endpoint_url from the shared config file.
		endpoint = *cfg.BaseEndpoint
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
	return newClients(cfg, endpoint), nil
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
