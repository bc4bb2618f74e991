package apply

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// TestConnectEndpoint: the endpoint Connect records (Clients.Endpoint, the
// plan's endpoint) is the one every client sends its requests to, however
// the SDK's configuration sets it (review op2 E4: AWS_ENDPOINT_URL_S3 and
// friends were honoured by the SDK but unseen by teramotc, which recorded
// AWS while talking to a local server). A service's own endpoint is refused
// unless it is that endpoint; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and the
// profile's ignore_configured_endpoint_urls drop AWS_ENDPOINT_URL and the
// profile's endpoints, as the SDK drops them. Nothing is sent: the requests
// are stopped once signed.
func TestConnectEndpoint(t *testing.T) {
	const e1, e2 = "http://127.0.0.1:47321", "http://127.0.0.1:47322"
	tests := []struct {
		name    string
		flag    string
		env     map[string]string
		unset   []string // variables not in the environment at all (the others are set, if only to "")
		profile string   // the shared config file, with profile p selected when set
		want    string   // the endpoint ("" for AWS) when accepted
		err     string   // the refusal's summary when refused
	}{
		{name: "AWS"},
		{name: "AWS_ENDPOINT_URL", env: map[string]string{"AWS_ENDPOINT_URL": e1}, want: e1},
		{name: "-endpoint-url over AWS_ENDPOINT_URL", flag: e1 + "/", env: map[string]string{"AWS_ENDPOINT_URL": e2}, want: e1},
		{name: "the profile's endpoint_url", profile: "[profile p]\nendpoint_url = " + e1 + "\n", want: e1},
		{name: "every service's own variable, no AWS_ENDPOINT_URL (the repro)",
			env: map[string]string{"AWS_ENDPOINT_URL_S3": e1, "AWS_ENDPOINT_URL_IAM": e1, "AWS_ENDPOINT_URL_STS": e1, "AWS_ENDPOINT_URL_CLOUDTRAIL": e1},
			err: "per-service endpoints are not supported: AWS_ENDPOINT_URL_S3 sets " + e1 + " for S3, but teramotc connects to AWS"},
		{name: "CloudTrail's variable only", env: map[string]string{"AWS_ENDPOINT_URL_CLOUDTRAIL": e1},
			err: "per-service endpoints are not supported: AWS_ENDPOINT_URL_CLOUDTRAIL sets " + e1 + " for CloudTrail, but teramotc connects to AWS"},
		{name: "a service's variable other than AWS_ENDPOINT_URL", env: map[string]string{"AWS_ENDPOINT_URL": e1, "AWS_ENDPOINT_URL_IAM": e2},
			err: "per-service endpoints are not supported: AWS_ENDPOINT_URL_IAM sets " + e2 + " for IAM, but teramotc connects to " + e1 + " (AWS_ENDPOINT_URL)"},
		{name: "a service's variable other than -endpoint-url", flag: e1, env: map[string]string{"AWS_ENDPOINT_URL_STS": e2},
			err: "per-service endpoints are not supported: AWS_ENDPOINT_URL_STS sets " + e2 + " for STS, but teramotc connects to " + e1 + " (-endpoint-url)"},
		{name: "services' variables equal to AWS_ENDPOINT_URL", env: map[string]string{"AWS_ENDPOINT_URL": e1, "AWS_ENDPOINT_URL_S3": e1 + "/", "AWS_ENDPOINT_URL_STS": e1}, want: e1},
		{name: "a service teramotc does not use", env: map[string]string{"AWS_ENDPOINT_URL_DYNAMODB": e2}},
		{name: "the profile's services section",
			profile: "[profile p]\nservices = local\n[services local]\ns3 =\n  endpoint_url = " + e2 + "\n",
			err:     `per-service endpoints are not supported: the services section "local" of profile "p" (endpoint_url for S3) sets ` + e2 + " for S3, but teramotc connects to AWS"},
		{name: "the profile's services section, other than its endpoint_url",
			profile: "[profile p]\nendpoint_url = " + e1 + "\nservices = local\n[services local]\ncloudtrail =\n  endpoint_url = " + e2 + "\n",
			err:     `per-service endpoints are not supported: the services section "local" of profile "p" (endpoint_url for CloudTrail) sets ` + e2 + " for CloudTrail, but teramotc connects to " + e1 + " (endpoint_url in the shared config)"},
		{name: "the profile's services section, equal to its endpoint_url",
			profile: "[profile p]\nendpoint_url = " + e1 + "\nservices = local\n[services local]\niam =\n  endpoint_url = " + e1 + "\n", want: e1},
		{name: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops AWS_ENDPOINT_URL and the services' variables",
			env: map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": e1, "AWS_ENDPOINT_URL_S3": e2}},
		{name: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS keeps -endpoint-url", flag: e1,
			env: map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE", "AWS_ENDPOINT_URL_S3": e2}, want: e1},
		{name: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false", env: map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false", "AWS_ENDPOINT_URL": e1}, want: e1},
		{name: "the profile's ignore_configured_endpoint_urls",
			env:     map[string]string{"AWS_ENDPOINT_URL": e2},
			profile: "[profile p]\nignore_configured_endpoint_urls = true\nendpoint_url = " + e1 + "\nservices = local\n[services local]\nsts =\n  endpoint_url = " + e2 + "\n"},
		// The SDK reads a services section for a service only when
		// AWS_ENDPOINT_URL is absent from the environment or the
		// service's own variable is present (review: teramotc refused
		// what the SDK sends to AWS_ENDPOINT_URL).
		{name: "AWS_ENDPOINT_URL over the profile's services section, as the SDK",
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, unset: allServiceVars(),
			profile: "[profile p]\nservices = local\n[services local]\ns3 =\n  endpoint_url = " + e2 + "\nsts =\n  endpoint_url = " + e2 + "\n", want: e1},
		{name: "AWS_ENDPOINT_URL over the profile's services section and endpoint_url",
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, unset: allServiceVars(),
			profile: "[profile p]\nendpoint_url = " + e2 + "\nservices = local\n[services local]\niam =\n  endpoint_url = " + e2 + "\n", want: e1},
		{name: "the services section without AWS_ENDPOINT_URL in the environment",
			unset:   append(allServiceVars(), "AWS_ENDPOINT_URL"),
			profile: "[profile p]\nservices = local\n[services local]\nsts =\n  endpoint_url = " + e2 + "\n",
			err:     `per-service endpoints are not supported: the services section "local" of profile "p" (endpoint_url for STS) sets ` + e2 + " for STS, but teramotc connects to AWS"},
		{name: "-endpoint-url and the services section without AWS_ENDPOINT_URL", flag: e1,
			unset:   append(allServiceVars(), "AWS_ENDPOINT_URL"),
			profile: "[profile p]\nservices = local\n[services local]\nsts =\n  endpoint_url = " + e2 + "\n",
			err:     `per-service endpoints are not supported: the services section "local" of profile "p" (endpoint_url for STS) sets ` + e2 + " for STS, but teramotc connects to " + e1 + " (-endpoint-url)"},
		{name: "AWS_ENDPOINT_URL and the services section, a service's variable set empty",
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, unset: []string{"AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_CLOUDTRAIL"},
			profile: "[profile p]\nservices = local\n[services local]\ns3 =\n  endpoint_url = " + e2 + "\n",
			err:     `per-service endpoints are not supported: the services section "local" of profile "p" (endpoint_url for S3) sets ` + e2 + " for S3, but teramotc connects to " + e1 + " (AWS_ENDPOINT_URL)"},
		{name: "AWS_ENDPOINT_URL and a service's own variable, AWS_ENDPOINT_URL absent from the others",
			env: map[string]string{"AWS_ENDPOINT_URL": e1, "AWS_ENDPOINT_URL_CLOUDTRAIL": e2}, unset: []string{"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS"},
			err: "per-service endpoints are not supported: AWS_ENDPOINT_URL_CLOUDTRAIL sets " + e2 + " for CloudTrail, but teramotc connects to " + e1 + " (AWS_ENDPOINT_URL)"},
		{name: "an endpoint that is not a URL", env: map[string]string{"AWS_ENDPOINT_URL": "localhost:4566"},
			err: `the endpoint "localhost:4566" (AWS_ENDPOINT_URL) is not a URL`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			awsTestEnv(t)
			for _, k := range []string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_DEFAULT_PROFILE"} {
				t.Setenv(k, "")
			}
			for _, svc := range endpointServices {
				t.Setenv(svc.env, "")
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			for _, k := range tc.unset {
				unsetenv(t, k)
			}
			if tc.profile != "" {
				file := filepath.Join(t.TempDir(), "config")
				if err := os.WriteFile(file, []byte(tc.profile), 0o600); err != nil {
					t.Fatal(err)
				}
				t.Setenv("AWS_CONFIG_FILE", file)
				t.Setenv("AWS_PROFILE", "p")
			}
			c, err := Connect(context.Background(), ConnectOptions{EndpointURL: tc.flag})
			if tc.err != "" {
				var p *Problem
				if !errors.As(err, &p) || p.Summary != tc.err {
					t.Fatalf("err = %v, want a *Problem %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Connect: %v", err)
			}
			if c.Endpoint != tc.want {
				t.Errorf("Endpoint = %q, want %q", c.Endpoint, tc.want)
			}
			for svc, got := range sentTo(t, c) {
				if tc.want != "" && got != tc.want || tc.want == "" && !strings.HasSuffix(got, ".amazonaws.com") {
					t.Errorf("%s sends to %s, but Connect recorded %q", svc, got, c.Endpoint)
				}
			}
			if tc.flag != "" {
				return // the SDK's own clients do not know the flag
			}
			for svc, got := range sdkSentTo(t) {
				if tc.want != "" && got != tc.want || tc.want == "" && !strings.HasSuffix(got, ".amazonaws.com") {
					t.Errorf("the SDK's own %s client sends to %s, but Connect recorded %q", svc, got, c.Endpoint)
				}
			}
		})
	}
}

// allServiceVars are the services' own variables (AWS_ENDPOINT_URL_S3 ...).
func allServiceVars() []string {
	var out []string
	for _, svc := range endpointServices {
		out = append(out, svc.env)
	}
	return out
}

// unsetenv removes k from the environment for the test (the SDK tells a
// variable set empty from one not set), restoring it afterwards.
func unsetenv(t *testing.T, k string) {
	t.Helper()
	t.Setenv(k, "")
	if err := os.Unsetenv(k); err != nil {
		t.Fatal(err)
	}
}

// sdkSentTo returns, per service, where a client the SDK builds from the
// environment and shared config alone (as it builds the STS client that
// assumes a profile's role) sends a request: the precedence teramotc must
// agree with.
func sdkSentTo(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, call := destinations(t)
	call("S3", func(stop func(*middleware.Stack) error) error {
		_, err := s3.NewFromConfig(cfg).ListBuckets(ctx, &s3.ListBucketsInput{}, s3.WithAPIOptions(stop))
		return err
	})
	call("IAM", func(stop func(*middleware.Stack) error) error {
		_, err := iam.NewFromConfig(cfg).GetUser(ctx, &iam.GetUserInput{}, iam.WithAPIOptions(stop))
		return err
	})
	call("STS", func(stop func(*middleware.Stack) error) error {
		_, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}, sts.WithAPIOptions(stop))
		return err
	})
	call("CloudTrail", func(stop func(*middleware.Stack) error) error {
		_, err := cloudtrail.NewFromConfig(cfg).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{}, cloudtrail.WithAPIOptions(stop))
		return err
	})
	return got
}

var errStopped = errors.New("stopped before sending")

// destinations returns a map of where each service's request went and the
// function that sends one (stopped once signed) and records it there.
func destinations(t *testing.T) (map[string]string, func(svc string, send func(stop func(*middleware.Stack) error) error)) {
	got := map[string]string{}
	return got, func(svc string, send func(stop func(*middleware.Stack) error) error) {
		t.Helper()
		var to string
		if err := send(stopSigned(&to)); !errors.Is(err, errStopped) {
			t.Fatalf("%s: %v, want the request stopped", svc, err)
		}
		got[svc] = to
	}
}

// stopSigned records where a request goes (scheme and host) once it is
// signed, and stops it there.
func stopSigned(got *string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("stopSigned",
			func(ctx context.Context, in middleware.FinalizeInput, _ middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				if r, ok := in.Request.(*smithyhttp.Request); ok {
					*got = r.URL.Scheme + "://" + r.URL.Host
				}
				return middleware.FinalizeOutput{}, middleware.Metadata{}, errStopped
			}), middleware.After)
	}
}

// sentTo returns, per service, where c's client sends a request.
func sentTo(t *testing.T, c *Clients) map[string]string {
	t.Helper()
	ctx := context.Background()
	got, call := destinations(t)
	call("S3", func(stop func(*middleware.Stack) error) error {
		_, err := c.S3ForRegion("").HeadBucket(ctx, &s3.HeadBucketInput{Bucket: new("b")}, s3.WithAPIOptions(stop))
		return err
	})
	call("IAM", func(stop func(*middleware.Stack) error) error {
		_, err := c.IAM.GetUser(ctx, &iam.GetUserInput{}, iam.WithAPIOptions(stop))
		return err
	})
	call("STS", func(stop func(*middleware.Stack) error) error {
		_, err := c.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}, sts.WithAPIOptions(stop))
		return err
	})
	call("CloudTrail", func(stop func(*middleware.Stack) error) error {
		_, err := c.CloudTrailForRegion("").DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{}, cloudtrail.WithAPIOptions(stop))
		return err
	})
	return got
}
