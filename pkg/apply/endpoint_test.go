package apply

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		profile string // the shared config file, with profile p selected when set
		want    string // the endpoint ("" for AWS) when accepted
		err     string // the refusal's summary when refused
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
		})
	}
}

var errStopped = errors.New("stopped before sending")

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
	got := map[string]string{}
	call := func(svc string, send func(stop func(*middleware.Stack) error) error) {
		var to string
		if err := send(stopSigned(&to)); !errors.Is(err, errStopped) {
			t.Fatalf("%s: %v, want the request stopped", svc, err)
		}
		got[svc] = to
	}
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
