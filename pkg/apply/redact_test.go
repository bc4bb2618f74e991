package apply

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Errors of the clients Connect builds print credentials masked, and are
// classified by code and status exactly as before.
func TestConnectRedactsErrors(t *testing.T) {
	const (
		keyID  = "AKIAENDPOINTECHO7Q2X"
		secret = "Xq9/EndpointEchoedSecretKey+0123456789ab"
	)
	leaky := "key " + keyID + " and secret " + secret + " were refused"
	for _, tc := range []struct {
		name     string
		status   int
		body     string
		call     func(context.Context, *Clients) error
		code     string
		notFound bool
	}{
		{"S3 access denied", http.StatusForbidden,
			"<Error><Code>AccessDenied</Code><Message>" + leaky + "</Message></Error>",
			func(ctx context.Context, c *Clients) error {
				_, err := c.S3ForRegion("").GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("b")})
				return err
			}, "AccessDenied", false},
		{"S3 not found", http.StatusNotFound,
			"<Error><Code>NoSuchBucketPolicy</Code><Message>" + leaky + "</Message></Error>",
			func(ctx context.Context, c *Clients) error {
				_, err := c.S3ForRegion("").GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("b")})
				return err
			}, "NoSuchBucketPolicy", true},
		{"IAM not found", http.StatusNotFound,
			"<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>" + leaky + "</Message></Error></ErrorResponse>",
			func(ctx context.Context, c *Clients) error {
				_, err := c.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String("u")})
				return err
			}, "NoSuchEntity", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/xml")
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
			}))
			defer srv.Close()
			t.Setenv("AWS_ACCESS_KEY_ID", "x")
			t.Setenv("AWS_SECRET_ACCESS_KEY", "x")
			t.Setenv("AWS_CONFIG_FILE", "/dev/null")
			t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
			c, err := Connect(context.Background(), ConnectOptions{EndpointURL: srv.URL, Region: "us-east-1", MaxAttempts: 1})
			if err != nil {
				t.Fatal(err)
			}
			err = tc.call(context.Background(), c)
			if err == nil {
				t.Fatal("no error")
			}
			text := fmt.Errorf("read: %w", err).Error()
			if strings.Contains(text, keyID) || strings.Contains(text, secret) {
				t.Errorf("the error text holds a credential: %s", text)
			}
			if !strings.Contains(text, "were refused") {
				t.Errorf("the error text lost the message: %s", text)
			}
			if got := errorCode(err); got != tc.code {
				t.Errorf("errorCode = %q, want %q", got, tc.code)
			}
			if got := isNotFound(err); got != tc.notFound {
				t.Errorf("isNotFound = %v, want %v", got, tc.notFound)
			}
		})
	}
}
