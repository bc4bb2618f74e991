package apply

import (
	"errors"
	"strings"
	"testing"
)

// Apply takes its connection from its own flags and environment, never
// from the plan file's connect (review sec2 F2: a file edited to another
// endpoint, profile or role redirected apply there), and refuses before
// connecting when they differ from what the plan was made with.
func TestCheckConnection(t *testing.T) {
	const role = "arn:aws:iam::111122223333:role/deploy"
	made := func() *SavedPlan {
		return &SavedPlan{Connect: ConnectOptions{Profile: "prod", AssumeRoleARN: role},
			Plan: &Plan{Region: "eu-west-1", Endpoint: "http://127.0.0.1:5123"}}
	}
	tests := []struct {
		name  string
		file  func(*SavedPlan) // the plan file as made (or edited)
		flags ConnectOptions
		env   map[string]string
		err   string // "" when accepted
	}{
		{"same, from flags", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role, EndpointURL: "http://127.0.0.1:5123/", Region: "eu-west-1", ExternalID: "x"}, nil, ""},
		{"same, from the environment", nil, ConnectOptions{AssumeRoleARN: role},
			map[string]string{"AWS_PROFILE": "prod", "AWS_ENDPOINT_URL": "http://127.0.0.1:5123", "AWS_REGION": "eu-west-1"}, ""},
		{"AWS_DEFAULT_PROFILE and AWS_DEFAULT_REGION", nil, ConnectOptions{AssumeRoleARN: role},
			map[string]string{"AWS_DEFAULT_PROFILE": "prod", "AWS_DEFAULT_REGION": "eu-west-1"}, ""},
		{"endpoint and region left to the profile", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role}, nil, ""},
		{"file edited to another endpoint (the repro)", func(sp *SavedPlan) {
			sp.Connect.EndpointURL, sp.Plan.Endpoint = "http://127.0.0.1:47124", "http://127.0.0.1:47124"
		}, ConnectOptions{Profile: "prod", AssumeRoleARN: role}, map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:5123"},
			"the plan was made against http://127.0.0.1:47124, but apply connects to http://127.0.0.1:5123 (AWS_ENDPOINT_URL)"},
		{"-endpoint-url other than the plan's", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role, EndpointURL: "http://127.0.0.1:5124"}, nil,
			"the plan was made against http://127.0.0.1:5123, but apply connects to http://127.0.0.1:5124 (-endpoint-url)"},
		{"a custom endpoint for a plan made against AWS", func(sp *SavedPlan) { sp.Plan.Endpoint = "" },
			ConnectOptions{Profile: "prod", AssumeRoleARN: role}, map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:5123"},
			"the plan was made against AWS (no custom endpoint), but apply connects to http://127.0.0.1:5123"},
		{"no password in the message", func(sp *SavedPlan) { sp.Plan.Endpoint = "http://u:hunter2@127.0.0.1:9" },
			ConnectOptions{Profile: "prod", AssumeRoleARN: role}, map[string]string{"AWS_ENDPOINT_URL": "http://u:s3cr3t@127.0.0.1:5123"},
			"the plan was made against http://u:xxxxx@127.0.0.1:9, but apply connects to http://u:xxxxx@127.0.0.1:5123"},
		{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: the SDK drops AWS_ENDPOINT_URL (review op2 E4)", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role},
			map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:5123"},
			"the plan was made against http://127.0.0.1:5123, but apply connects to AWS (no custom endpoint) (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true)"},
		{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS for a plan made against AWS", func(sp *SavedPlan) { sp.Plan.Endpoint = "" },
			ConnectOptions{Profile: "prod", AssumeRoleARN: role}, map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "True", "AWS_ENDPOINT_URL": "http://127.0.0.1:5123"}, ""},
		{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS keeps -endpoint-url", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role, EndpointURL: "http://127.0.0.1:5123"},
			map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"}, ""},
		{"file edited to another profile", func(sp *SavedPlan) { sp.Connect.Profile = "attacker" },
			ConnectOptions{AssumeRoleARN: role}, map[string]string{"AWS_PROFILE": "prod"},
			`the plan was made with profile "attacker", but apply uses profile "prod" (AWS_PROFILE)`},
		{"-profile with a plan made without", func(sp *SavedPlan) { sp.Connect.Profile = "" },
			ConnectOptions{Profile: "dev", AssumeRoleARN: role}, map[string]string{"AWS_PROFILE": "prod"},
			`the plan was made with no profile (the default credential chain), but apply uses profile "dev" (-profile)`},
		{"no profile now", nil, ConnectOptions{AssumeRoleARN: role}, map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:5123"},
			`the plan was made with profile "prod", but apply uses no profile`},
		{"default is no profile", func(sp *SavedPlan) { sp.Connect.Profile = "default" }, ConnectOptions{AssumeRoleARN: role},
			map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:5123"}, ""},
		{"file edited to another role", func(sp *SavedPlan) { sp.Connect.AssumeRoleARN = "arn:aws:iam::999999999999:role/x" },
			ConnectOptions{Profile: "prod", AssumeRoleARN: role}, nil,
			`the plan was made assuming role "arn:aws:iam::999999999999:role/x", but apply runs assuming role "` + role + `"`},
		{"role in the file, none given", nil, ConnectOptions{Profile: "prod"}, nil,
			`the plan was made assuming role "` + role + `", but apply runs without -assume-role-arn`},
		{"another region from the environment", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role}, map[string]string{"AWS_REGION": "us-east-1"},
			`the plan was made with default region "eu-west-1", but apply runs with "us-east-1" (AWS_REGION)`},
		{"-region wins over the environment", nil, ConnectOptions{Profile: "prod", AssumeRoleARN: role, Region: "eu-west-1"}, map[string]string{"AWS_REGION": "us-east-1"}, ""},
		{"control characters escaped", func(sp *SavedPlan) { sp.Connect.Profile = "p\x1b[2J\u202e" },
			ConnectOptions{Profile: "prod", AssumeRoleARN: role}, nil, `profile "p\x1b[2J\u202e"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sp := made()
			if tc.file != nil {
				tc.file(sp)
			}
			err := sp.CheckConnection(tc.flags, func(k string) string { return tc.env[k] })
			if tc.err == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var p *Problem
			if !errors.Is(err, ErrPlanElsewhere) || !errors.As(err, &p) {
				t.Fatalf("err = %v, want a *Problem wrapping ErrPlanElsewhere", err)
			}
			if !strings.Contains(p.Summary, tc.err) {
				t.Errorf("summary %q does not say %q", p.Summary, tc.err)
			}
			if !strings.Contains(p.Detail, "Nothing was sent to AWS") || !strings.Contains(p.Detail, "plan -out=FILE") {
				t.Errorf("detail %q does not say how to rerun", p.Detail)
			}
			for _, secret := range []string{"hunter2", "s3cr3t", "\x1b"} {
				if strings.Contains(err.Error()+p.Detail, secret) {
					t.Errorf("message holds %q: %s", secret, err.Error()+p.Detail)
				}
			}
		})
	}
}

// The plan file records the profile plan used, from -profile or the
// environment as the SDK reads it, and never the external id.
func TestConnectRecorded(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name  string
		flags ConnectOptions
		env   map[string]string
		want  ConnectOptions
	}{
		{"flag wins", ConnectOptions{Profile: "a", ExternalID: "x"}, map[string]string{"AWS_PROFILE": "b"}, ConnectOptions{Profile: "a"}},
		{"AWS_PROFILE", ConnectOptions{Region: "eu-west-1"}, map[string]string{"AWS_PROFILE": "b", "AWS_DEFAULT_PROFILE": "c"}, ConnectOptions{Profile: "b", Region: "eu-west-1"}},
		{"AWS_DEFAULT_PROFILE", ConnectOptions{}, map[string]string{"AWS_DEFAULT_PROFILE": "c"}, ConnectOptions{Profile: "c"}},
		{"none", ConnectOptions{}, nil, ConnectOptions{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.flags.Recorded(env(tc.env)); got != tc.want {
				t.Errorf("Recorded = %+v, want %+v", got, tc.want)
			}
		})
	}
}
