package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestProfileRoleUsesEndpoint: a profile that assumes its own role
// (role_arn with source_profile) sends that AssumeRole to the endpoint
// teramotc reports, from -endpoint-url or AWS_ENDPOINT_URL, like every
// other request. Before, the SDK's STS client for it went to AWS with the
// source profile's keys. A dead proxy catches any request that leaves
// loopback (Go never proxies loopback), so the test needs no network.
func TestProfileRoleUsesEndpoint(t *testing.T) {
	m := testenv.StartMoto(t)
	tests := []struct {
		name string
		opts ConnectOptions
		env  string // AWS_ENDPOINT_URL
	}{
		{name: "-endpoint-url", opts: ConnectOptions{Profile: "assumer", EndpointURL: m.URL}},
		{name: "AWS_ENDPOINT_URL", opts: ConnectOptions{Profile: "assumer"}, env: m.URL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			awsTestEnv(t)
			t.Setenv("AWS_ACCESS_KEY_ID", "")
			t.Setenv("AWS_SECRET_ACCESS_KEY", "")
			t.Setenv("AWS_ENDPOINT_URL", tc.env)
			t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1")
			t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
			t.Setenv("NO_PROXY", "")
			cfgFile := filepath.Join(t.TempDir(), "config")
			profiles := "[profile src]\naws_access_key_id = testing\naws_secret_access_key = testing\n" +
				"[profile assumer]\nrole_arn = arn:aws:iam::123456789012:role/teramotc-deployer\nsource_profile = src\nregion = us-east-1\n"
			if err := os.WriteFile(cfgFile, []byte(profiles), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Setenv("AWS_CONFIG_FILE", cfgFile)
			c, err := Connect(context.Background(), tc.opts)
			if err != nil {
				t.Fatalf("Connect: %v", err)
			}
			out, err := c.STS.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
			if err != nil {
				t.Fatalf("GetCallerIdentity through the profile's role: %v", err)
			}
			if arn := *out.Arn; !strings.Contains(arn, "assumed-role/teramotc-deployer/") {
				t.Errorf("caller %s, want the profile's assumed role", arn)
			}
		})
	}
}
