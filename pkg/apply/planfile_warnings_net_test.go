package apply

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// TestCheckSavedNetworkReadErrors: a plan file whose reads failed without
// an answer quotes the SDK's error, which names the address and ephemeral
// port it dialled. Before, such a warning was compared as written, so a
// plan made while a local server was down was refused by every apply
// (another port, another wait). It is compared by service, operation and
// kind of failure: the same kind applies, another kind, an AWS error or a
// read that no longer fails is refused. The errors are the SDK's own, of
// requests to loopback addresses.
func TestCheckSavedNetworkReadErrors(t *testing.T) {
	refusedAt, refusedAgain := closedEndpoint(t), closedEndpoint(t)
	stop := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // never answers in time
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(stop) }) // before hang.Close
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	// plan fails ListEntitiesForPolicy and ListUserPolicies with errs (nil:
	// answered).
	plan := func(errs [2]error) *Plan {
		f.mu.Lock()
		f.faults["ListEntitiesForPolicy"] = []error{errs[0]}
		f.faults["ListUserPolicies"] = []error{errs[1]}
		f.mu.Unlock()
		p := planFor(t, e, items)
		e.WarnOtherAttachments(context.Background(), p)
		return p
	}
	saved := savePlan(t, plan(sdkReadErrors(t, refusedAt)))
	if len(saved.Plan.Warnings) != 2 || !strings.Contains(saved.Plan.Warnings[0], strings.TrimPrefix(refusedAt, "http://")+": connect: connection refused") {
		t.Fatalf("warnings = %q, want the two reads refused by %s", saved.Plan.Warnings, refusedAt)
	}
	tests := []struct {
		name string
		errs [2]error
		want string // "" when accepted
	}{
		{"connection refused again, at another port (the repro)", sdkReadErrors(t, refusedAgain), ""},
		{"no answer in time", sdkReadErrors(t, hang.URL),
			`apply's plan warns "could not list who else holds managed policy teramot-s3-access (operation error IAM: ListEntitiesForPolicy, `},
		{"an AWS error instead", [2]error{sdkDenied("AccessDenied", "ListEntitiesForPolicy", "s", "1"), sdkDenied("AccessDenied", "ListUserPolicies", "s", "2")},
			`apply's plan warns "could not list who else holds managed policy teramot-s3-access (operation error IAM: ListEntitiesForPolicy, https response error StatusCode: 403`},
		{"the reads no longer fail", [2]error{}, `the plan file warns "could not list who else holds managed policy teramot-s3-access (`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := saved.Check(plan(tc.errs), nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			refused(t, err, tc.want)
		})
	}
}

// closedEndpoint is the URL of a loopback port nothing listens on.
func closedEndpoint(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return url
}

// sdkReadErrors returns the errors the SDK gives the two reads
// (ListEntitiesForPolicy, ListUserPolicies) against endpoint, retried as
// teramotc retries them, each request waiting at most 200ms.
func sdkReadErrors(t *testing.T, endpoint string) [2]error {
	t.Helper()
	awsTestEnv(t)
	c, err := Connect(context.Background(), ConnectOptions{EndpointURL: endpoint, MaxAttempts: 2, RequestTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, policy := c.IAM.ListEntitiesForPolicy(ctx, &iam.ListEntitiesForPolicyInput{PolicyArn: aws.String("arn:aws:iam::123456789012:policy/teramot-s3-access")})
	_, user := c.IAM.ListUserPolicies(ctx, &iam.ListUserPoliciesInput{UserName: aws.String("teramot-service-user")})
	if policy == nil || user == nil {
		t.Fatalf("%s answered", endpoint)
	}
	return [2]error{policy, user}
}
