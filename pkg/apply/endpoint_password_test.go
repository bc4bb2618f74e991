package apply

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An endpoint URL's password is never stored or printed (review op3 M3):
// plan files keep the endpoint with the password replaced (connect and
// plan), the -json plan has none, the connect error's detail names the
// endpoint without it, and apply PLANFILE, given the endpoint with its
// password again, compares the endpoints without it.
func TestEndpointPasswordNotStored(t *testing.T) {
	const pw = "s3cr3tpw"
	const ep = "http://u:" + pw + "@127.0.0.1:15732"
	p := &Plan{Region: "us-east-1", Endpoint: ep, Changes: []*Change{}, Warnings: []string{}}
	sp := &SavedPlan{Spec: "/x/s.hcl", Connect: ConnectOptions{EndpointURL: ep, Region: "us-east-1"}.Recorded(func(string) string { return "" }), Plan: p}
	file := filepath.Join(t.TempDir(), "pw.plan")
	if err := WritePlanFile(file, sp); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), pw) {
		t.Fatalf("the plan file holds the endpoint's password:\n%s", b)
	}
	if n := strings.Count(string(b), "http://u:xxxxx@127.0.0.1:15732"); n != 2 {
		t.Errorf("the plan file names the endpoint without its password %d times, want 2 (connect, plan):\n%s", n, b)
	}
	if red := p.Redacted(); strings.Contains(red.Endpoint, pw) {
		t.Errorf("Redacted (plan -json, show -json) keeps the password: %q", red.Endpoint)
	}

	saved, _, err := ReadPlanFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, now string
		ok        bool
	}{
		{"the endpoint with its password (the hint's command)", ep, true},
		{"another password: same endpoint", "http://u:other@127.0.0.1:15732/", true},
		{"another host", "http://u:" + pw + "@127.0.0.1:15733", false},
		{"another user", "http://v:" + pw + "@127.0.0.1:15732", false},
		{"no userinfo", "http://127.0.0.1:15732", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := saved.CheckConnection(ConnectOptions{EndpointURL: tc.now}, func(string) string { return "" })
			if tc.ok != (err == nil) {
				t.Fatalf("CheckConnection = %v, want ok %v", err, tc.ok)
			}
			if err != nil && strings.Contains(fmt.Sprint(err.(*Problem).Summary, err.(*Problem).Detail), pw) {
				t.Errorf("the refusal prints the password: %v", err)
			}
			fresh := *saved.Plan
			fresh.Endpoint = tc.now
			if err := checkSaved(saved.Plan, &fresh, nil, nil); tc.ok != (err == nil || !errors.Is(err, ErrPlanElsewhere)) {
				t.Errorf("checkSaved = %v, want the endpoint accepted %v", err, tc.ok)
			}
		})
	}

	c := &Clients{Endpoint: ep}
	x := c.Explain(fmt.Errorf("preflight: %w", opErr("STS", "GetCallerIdentity", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)})))
	if x.Cause != CauseConnect || strings.Contains(x.Summary+x.Detail, pw) || !strings.Contains(x.Detail, "http://u:xxxxx@127.0.0.1:15732") {
		t.Errorf("connect error = %q / %q / %q, want CauseConnect naming the endpoint without its password", x.Cause, x.Summary, x.Detail)
	}
}
