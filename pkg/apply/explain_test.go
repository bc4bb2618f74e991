package apply

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
)

// opErr is an error as the SDK returns it for a failed call.
func opErr(service, op string, err error) error {
	return &smithy.OperationError{ServiceID: service, OperationName: op, Err: err}
}

// TestExplain: errors are summarized by cause, without request ids, with
// what the caller was doing kept where it matters.
func TestExplain(t *testing.T) {
	emu := &Clients{Endpoint: "http://127.0.0.1:4566", RequestTimeout: 3 * time.Second}
	tests := []struct {
		name        string
		c           *Clients
		err         error
		wantCause   Cause
		wantSummary string
		wantDetail  string // substring
	}{
		{"access denied names the action", nil,
			fmt.Errorf("stage %q failed: versioning b: %w", "guardrails", opErr("S3", "PutBucketVersioning", apiErr("AccessDenied", "User: arn:aws:iam::1:user/x is not authorized"))),
			CauseAccessDenied, `stage "guardrails" failed: versioning b: access denied for s3:PutBucketVersioning`, "may call s3:PutBucketVersioning"},
		{"rejected credentials", nil, opErr("STS", "GetCallerIdentity", apiErr("InvalidClientTokenId", "The security token included in the request is invalid.")),
			CauseBadCredentials, "the AWS credentials were rejected (InvalidClientTokenId)", "Check the access key"},
		{"no credentials in the chain", nil,
			fmt.Errorf("preflight: %w", opErr("STS", "GetCallerIdentity", errors.New("get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found"))),
			CauseNoCredentials, "no AWS credentials found", "AWS_ACCESS_KEY_ID"},
		{"bucket not found", nil, fmt.Errorf("bucket missing: %w", opErr("S3", "HeadBucket", apiErr("NotFound", ""))),
			CauseNotFound, "bucket missing: bucket not found", "Check the name"},
		{"user not found", nil, opErr("IAM", "ListAttachedUserPolicies", apiErr("NoSuchEntity", "The user with name nouser cannot be found.")),
			CauseNotFound, "IAM user not found", "AWS says: The user with name nouser cannot be found."},
		{"connection refused at an emulator", emu,
			fmt.Errorf("preflight: %w", opErr("STS", "GetCallerIdentity", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)})),
			CauseConnect, "cannot connect to http://127.0.0.1:4566 (connection refused)", "is running"},
		{"no answer within the request timeout", emu, fmt.Errorf("preflight: %w", opErr("STS", "GetCallerIdentity", context.DeadlineExceeded)),
			CauseTimeout, "http://127.0.0.1:4566 does not answer (no response within 3s)", "TERAMOTC_REQUEST_TIMEOUT"},
		{"interrupt", nil, fmt.Errorf("stage: %w", opErr("S3", "PutBucketPolicy", &smithy.CanceledError{Err: context.Canceled})),
			CauseInterrupted, "interrupted", "run \"teramotc plan\""},
		{"other API errors keep code and message, not the request id", nil,
			opErr("S3", "PutBucketLifecycleConfiguration", apiErr("InvalidRequest", "bad rule")),
			CauseOther, "s3:PutBucketLifecycleConfiguration: InvalidRequest: bad rule", ""},
		{"a problem passes through", nil, fmt.Errorf("x: %w", &Problem{Summary: "s", Detail: "d"}), CauseOther, "s", "d"},
		{"a plain error is its own summary", nil, errors.New("trail t not found in us-east-1"), CauseOther, "trail t not found in us-east-1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := tc.c.Explain(tc.err)
			if x.Cause != tc.wantCause || x.Summary != tc.wantSummary || !strings.Contains(x.Detail, tc.wantDetail) {
				t.Errorf("Explain = %q / %q / %q,\nwant %q / %q / detail containing %q", x.Cause, x.Summary, x.Detail, tc.wantCause, tc.wantSummary, tc.wantDetail)
			}
			if x.Debug != tc.err.Error() {
				t.Errorf("Debug = %q, want the full error %q", x.Debug, tc.err.Error())
			}
		})
	}
}

// TestPreflightTimeout: an endpoint that accepts connections and never
// answers fails the preflight after RequestTimeout, explained as not
// answering, instead of hanging.
func TestPreflightTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var (
		mu   sync.Mutex
		held []net.Conn
	)
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	}()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c) // read nothing, answer nothing
			mu.Unlock()
		}
	}()
	awsTestEnv(t)
	endpoint := "http://" + l.Addr().String()
	const timeout = 300 * time.Millisecond
	c, err := Connect(context.Background(), ConnectOptions{EndpointURL: endpoint, RequestTimeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := NewEngine(context.Background(), c)
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second): // far above the timeout: a hang, not a slow machine
		t.Fatal("the preflight did not give up on an endpoint that never answers")
	}
	if err == nil {
		t.Fatal("the preflight succeeded against an endpoint that never answers")
	}
	x := c.Explain(err)
	want := endpoint + " does not answer (no response within 300ms)"
	if x.Cause != CauseTimeout || x.Summary != want {
		t.Errorf("Explain = %q %q, want %q %q (error: %v)", x.Cause, x.Summary, CauseTimeout, want, err)
	}
}

// awsTestEnv gives the SDK static credentials and no shared files.
func awsTestEnv(t *testing.T) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", "testing")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "testing")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	t.Setenv("AWS_ENDPOINT_URL", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// TestConnectProblems: Connect refuses what cannot work before any call,
// with a summary and what to do.
func TestConnectProblems(t *testing.T) {
	tests := []struct {
		name        string
		opts        ConnectOptions
		wantSummary string
		wantDetail  string
	}{
		{"endpoint is not a URL", ConnectOptions{EndpointURL: "not a url"}, `the endpoint "not a url" (-endpoint-url) is not a URL`, "http://127.0.0.1:5000"},
		{"endpoint without a scheme", ConnectOptions{EndpointURL: "localhost:4566"}, `the endpoint "localhost:4566" (-endpoint-url) is not a URL`, "http or https"},
		{"endpoint's password not printed", ConnectOptions{EndpointURL: "ftp://u:secretpw@127.0.0.1:9"}, `the endpoint "ftp://u:xxxxx@127.0.0.1:9" (-endpoint-url) is not a URL`, "http or https"},
		{"password of an endpoint without a scheme", ConnectOptions{EndpointURL: "u:secretpw@127.0.0.1:9"}, `the endpoint "u:xxxxx@127.0.0.1:9" (-endpoint-url) is not a URL`, "http or https"},
		{"profile not in the shared config", ConnectOptions{Profile: "nosuch"}, `profile "nosuch" not found in the shared config`, "aws configure list-profiles"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			awsTestEnv(t)
			_, err := Connect(context.Background(), tc.opts)
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("err = %v, want a *Problem", err)
			}
			if p.Summary != tc.wantSummary || !strings.Contains(p.Detail, tc.wantDetail) {
				t.Errorf("problem = %q / %q, want %q / detail containing %q", p.Summary, p.Detail, tc.wantSummary, tc.wantDetail)
			}
		})
	}
}

// TestSDKLogger: without a log writer the SDK's own lines are dropped;
// with one they are written with credentials masked.
func TestSDKLogger(t *testing.T) {
	sdkLogger(nil).Logf("WARN", "falling back to IMDSv1") // must not panic or print
	var buf bytes.Buffer
	sdkLogger(&buf).Logf("WARN", "signing with %s", "AKIAIOSFODNN7EXAMPLE")
	if got := buf.String(); !strings.HasPrefix(got, "SDK WARN signing with") || strings.Contains(got, "AKIAIOSFODNN7EXAMPLE") {
		t.Errorf("logged %q, want the line with the access key masked", got)
	}
}

// TestCheckKeyDir: the key directory is checked before any write.
func TestCheckKeyDir(t *testing.T) {
	withKey := &Plan{Changes: []*Change{{Type: TAccessKey, Name: "svc", Action: ActionCreate}}}
	noKey := &Plan{Changes: []*Change{{Type: TBucket, Name: "b", Action: ActionCreate}}}
	tests := []struct {
		name        string
		plan        *Plan
		dir         func(t *testing.T) string
		wantSummary string // "" for no problem
	}{
		{"usable directory", withKey, func(t *testing.T) string { return t.TempDir() }, ""},
		{"no key to write: not checked", noKey, func(t *testing.T) string { return "/nonexistent/keys" }, ""},
		{"missing", withKey, func(t *testing.T) string { return filepath.Join(t.TempDir(), "keys") }, "-key-dir DIR does not exist"},
		{"a file", withKey, func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "f")
			os.WriteFile(p, nil, 0o600)
			return p
		}, "-key-dir DIR is not a directory"},
		{"not writable", withKey, func(t *testing.T) string {
			d := t.TempDir()
			os.Chmod(d, 0o500)
			t.Cleanup(func() { os.Chmod(d, 0o700) })
			unprivilegedProbe(t)
			return d
		}, "-key-dir DIR is not writable"},
		{"key file already there", withKey, func(t *testing.T) string {
			d := t.TempDir()
			os.WriteFile(filepath.Join(d, "svc.access-key.json"), []byte("{}"), 0o600)
			return d
		}, "DIR/svc.access-key.json already exists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			e := &Engine{KeyDir: dir}
			err := e.CheckKeyDir(tc.plan)
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), dir, "DIR")
			}
			if got != tc.wantSummary {
				t.Errorf("CheckKeyDir = %q, want %q", got, tc.wantSummary)
			}
			if entries, _ := os.ReadDir(dir); tc.wantSummary == "" && len(entries) > 0 {
				t.Errorf("the check left %d files in %s", len(entries), dir)
			}
		})
	}
}

// unprivilegedProbe makes CheckKeyDir's writability probe see directories
// as a user who is not root does: one without the owner's write bit refuses
// the file (root, as CI runs, may write anywhere), so the refusal is
// tested everywhere.
func unprivilegedProbe(t *testing.T) {
	t.Helper()
	real := keyDirProbe
	t.Cleanup(func() { keyDirProbe = real })
	keyDirProbe = func(dir, pattern string) (*os.File, error) {
		if info, err := os.Stat(dir); err == nil && info.Mode().Perm()&0o200 == 0 {
			return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: fs.ErrPermission}
		}
		return real(dir, pattern)
	}
}
