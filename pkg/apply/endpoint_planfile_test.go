package apply

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckConnectionProfileEndpoint: apply PLANFILE compares the plan's
// endpoint with the one Connect will use before any request, also when the
// profile decides it (its ignore_configured_endpoint_urls, which drops
// AWS_ENDPOINT_URL, or its endpoint_url). Before, CheckConnection read
// only the flag and the environment: with the profile's
// ignore_configured_endpoint_urls it compared AWS_ENDPOINT_URL although
// every request went to AWS, and an endpoint only the profile gave was
// compared by Check after the preflight and the reads had gone to it. Each
// case also connects and checks that Connect uses the endpoint the check
// resolved, so that no request goes to an endpoint the check would refuse.
func TestCheckConnectionProfileEndpoint(t *testing.T) {
	const e1, e2 = "http://127.0.0.1:47331", "http://127.0.0.1:47332"
	tests := []struct {
		name    string
		planned string // the plan file's endpoint
		flags   ConnectOptions
		env     map[string]string
		profile string // the shared config file; profile p is selected by AWS_PROFILE unless flags name it
		err     string // the refusal's summary; "" when accepted
	}{
		{name: "the profile's ignore_configured_endpoint_urls drops AWS_ENDPOINT_URL (the repro)", planned: e1,
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, profile: "[profile p]\nignore_configured_endpoint_urls = true\n",
			err: `the plan was made against ` + e1 + `, but apply connects to AWS (no custom endpoint) (ignore_configured_endpoint_urls of profile "p")`},
		{name: "the profile's ignore_configured_endpoint_urls, plan made against AWS", planned: "",
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, profile: "[profile p]\nignore_configured_endpoint_urls = true\nendpoint_url = " + e2 + "\n"},
		{name: "-profile's ignore_configured_endpoint_urls", planned: e1, flags: ConnectOptions{Profile: "p"},
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, profile: "[profile p]\nignore_configured_endpoint_urls = true\n",
			err: `but apply connects to AWS (no custom endpoint) (ignore_configured_endpoint_urls of profile "p")`},
		{name: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false outranks the profile's", planned: e1,
			env:     map[string]string{"AWS_ENDPOINT_URL": e1, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"},
			profile: "[profile p]\nignore_configured_endpoint_urls = true\n"},
		{name: "-endpoint-url outranks the profile's ignore_configured_endpoint_urls", planned: e1, flags: ConnectOptions{EndpointURL: e1},
			profile: "[profile p]\nignore_configured_endpoint_urls = true\n"},
		{name: "the profile's endpoint_url, plan made against AWS", planned: "",
			profile: "[profile p]\nendpoint_url = " + e1 + "\n",
			err:     `the plan was made against AWS (no custom endpoint), but apply connects to ` + e1 + ` (endpoint_url of profile "p")`},
		{name: "the profile's endpoint_url, plan made against it", planned: e1 + "/", profile: "[profile p]\nendpoint_url = " + e1 + "\n"},
		{name: "AWS_ENDPOINT_URL outranks the profile's endpoint_url", planned: e2,
			env: map[string]string{"AWS_ENDPOINT_URL": e1}, profile: "[profile p]\nendpoint_url = " + e2 + "\n",
			err: `the plan was made against ` + e2 + `, but apply connects to ` + e1 + ` (AWS_ENDPOINT_URL)`},
		{name: "nothing sets an endpoint, plan made against one", planned: e1, profile: "[profile p]\nregion = us-east-1\n",
			err: `the plan was made against ` + e1 + `, but apply connects to AWS (no custom endpoint) (no -endpoint-url, AWS_ENDPOINT_URL or endpoint_url of profile "p")`},
		{name: "nothing sets an endpoint, plan made against AWS", planned: "", profile: "[profile p]\nregion = us-east-1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			awsTestEnv(t)
			t.Setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "")
			for _, svc := range endpointServices {
				t.Setenv(svc.env, "")
			}
			file := filepath.Join(t.TempDir(), "config")
			if err := os.WriteFile(file, []byte(tc.profile), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Setenv("AWS_CONFIG_FILE", file)
			if tc.flags.Profile == "" {
				t.Setenv("AWS_PROFILE", "p")
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			sp := &SavedPlan{Connect: ConnectOptions{Profile: "p"}, Plan: &Plan{Region: "us-east-1", Endpoint: tc.planned}}
			err := sp.CheckConnection(tc.flags, os.Getenv)
			if tc.err != "" {
				var p *Problem
				if !errors.As(err, &p) || !errors.Is(err, ErrPlanElsewhere) || !strings.Contains(p.Summary, tc.err) {
					t.Fatalf("err = %v, want a *Problem wrapping ErrPlanElsewhere that says %q", err, tc.err)
				}
			} else if err != nil {
				t.Fatalf("refused: %v", err)
			}
			c, err := Connect(context.Background(), tc.flags)
			if err != nil {
				t.Fatalf("Connect: %v", err)
			}
			if accepted := sameEndpoint(c.Endpoint, tc.planned); accepted != (tc.err == "") {
				t.Errorf("Connect uses %q for a plan made against %q, but CheckConnection accepted: %v", c.Endpoint, tc.planned, tc.err == "")
			}
		})
	}
}
