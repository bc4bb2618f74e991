package apply

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The warnings of a plan file are compared with the fresh plan's as the
// file holds them: sensitive values masked on both sides (never stored in
// clear, never quoted by the refusal), access keys masked, the ids of AWS
// requests in a read error left out, in any order.
func TestCheckSavedWarnings(t *testing.T) {
	const id = "tmc-aaaa1111-acme-2222-3333"
	const key = "AKIAIOSFODNN7EXAMPLE"
	e := fakeEngine(t, newFake())
	items := loadSpec(t, "setup-guide-role", withExternalID(id))
	readErr := func(req string) string {
		return "could not list who else holds managed policy p (operation error IAM: ListEntitiesForPolicy, https response error StatusCode: 403, RequestID: " +
			req + ", api error AccessDenied: denied); check with: aws iam list-entities-for-policy"
	}
	secret := "role r trusts external id " + id + " and key " + key
	fresh := func(w ...string) *Plan {
		p := planFor(t, e, items)
		p.Warnings = append(p.Warnings, w...)
		return p
	}
	path := filepath.Join(t.TempDir(), "p.json")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/abs/spec", Plan: fresh(secret, readErr("11111111-aaaa"))}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), id) || strings.Contains(string(b), key) {
		t.Fatalf("the plan file holds a sensitive value or key in clear:\n%s", b)
	}
	saved, _, err := ReadPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		warnings []string
		want     string // "" when accepted
	}{
		{"same", []string{secret, readErr("11111111-aaaa")}, ""},
		{"another request id, other order", []string{readErr("22222222-bbbb"), secret}, ""},
		{"a new warning", []string{secret, readErr("11111111-aaaa"), "managed policy p is also attached to group/g"},
			`apply's plan warns "managed policy p is also attached to group/g", which the plan file does not`},
		{"a read failure gone", []string{secret}, `the plan file warns "could not list who else holds managed policy p`},
		{"an advisory one gone", []string{readErr("1")}, ""},
		{"another error", []string{secret, strings.Replace(readErr("1"), "403", "500", 1)}, "apply's plan warns \"could not list"},
		{"sensitive text changed", []string{strings.Replace(secret, "role r", "role q", 1), readErr("1")}, `apply's plan warns "role q trusts external id (sensitive)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := saved.Check(fresh(tc.warnings...), nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			refused(t, err, tc.want)
			if p := err.(*Problem); strings.Contains(p.Summary+p.Detail, id) || strings.Contains(p.Summary, key) {
				t.Errorf("the refusal shows a sensitive value or key: %s", p.Summary)
			}
		})
	}
}

// sdkDenied is the error the SDK returns when IAM refuses a read, as its
// text reads: the message names the caller's assumed-role session, which
// the SDK makes up per process for a profile with role_arn and no
// role_session_name.
func sdkDenied(code, op, session, requestID string) error {
	msg := "User: arn:aws:sts::111122223333:assumed-role/ci-deploy/" + session + " is not authorized to perform: iam:" + op +
		" on resource: arn:aws:iam::111122223333:policy/teramot-s3-access because no identity-based policy allows the iam:" + op + " action"
	return &smithy.OperationError{ServiceID: "IAM", OperationName: op, Err: &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: &http.Response{StatusCode: http.StatusForbidden}},
			Err: &smithy.GenericAPIError{Code: code, Message: msg, Fault: smithy.FaultClient}},
		RequestID: requestID}}
}

// TestCheckSavedReadErrors (review diff3 finding 2): the warnings that a
// read failed quote the AWS error. A CI role without
// iam:ListEntitiesForPolicy gets one per plan, with another session name
// and request id each time: its plan file applies. A read that now fails
// with another code, or no longer fails, is refused, and so is a file
// whose warning names another subject or code.
func TestCheckSavedReadErrors(t *testing.T) {
	const sess1, sess2 = "aws-go-sdk-1764273600111111111", "aws-go-sdk-1764275400222222222"
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-user", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	// plan fails ListEntitiesForPolicy with policyErr and ListUserPolicies
	// with userErr (nil: answered).
	plan := func(policyErr, userErr error) *Plan {
		f.mu.Lock()
		f.faults["ListEntitiesForPolicy"] = []error{policyErr}
		f.faults["ListUserPolicies"] = []error{userErr}
		f.mu.Unlock()
		p := planFor(t, e, items)
		e.WarnOtherAttachments(context.Background(), p)
		return p
	}
	denied := func(code, session, id string) (error, error) {
		return sdkDenied(code, "ListEntitiesForPolicy", session, id+"-1"), sdkDenied(code, "ListUserPolicies", session, id+"-2")
	}
	saved := savePlan(t, plan(denied("AccessDenied", sess1, "11111111-aaaa")))
	if len(saved.Plan.Warnings) != 2 || !strings.HasPrefix(saved.Plan.Warnings[0], "could not list who else holds managed policy teramot-s3-access (") ||
		!strings.HasPrefix(saved.Plan.Warnings[1], "could not list the policies and groups of user teramot-service-user (") {
		t.Fatalf("warnings = %q, want the two read failures", saved.Plan.Warnings)
	}
	for _, w := range saved.Plan.Warnings {
		if !strings.Contains(w, "api error AccessDenied: User: arn:aws:sts::111122223333:assumed-role/ci-deploy/"+sess1+" is not authorized") {
			t.Errorf("the warning does not quote the error for review: %q", w)
		}
	}
	edited := func(old, new string) *SavedPlan {
		p := *saved.Plan
		p.Warnings = slices.Clone(p.Warnings)
		for i, w := range p.Warnings {
			p.Warnings[i] = strings.Replace(w, old, new, 1)
		}
		return &SavedPlan{Spec: saved.Spec, Plan: &p}
	}
	policyAgain, userAgain := denied("AccessDenied", sess2, "22222222-bbbb")
	tests := []struct {
		name         string
		file         *SavedPlan
		policy, user error  // of apply's plan; nil: answered
		want         string // "" when accepted
	}{
		{"same error, another session and request ids", saved, policyAgain, userAgain, ""},
		{"another error code", saved, sdkDenied("Throttling", "ListEntitiesForPolicy", sess2, "3"), userAgain,
			`apply's plan warns "could not list who else holds managed policy teramot-s3-access (operation error IAM: ListEntitiesForPolicy, ` +
				`https response error StatusCode: 403, RequestID: 3, api error Throttling: `},
		{"the listing no longer fails", saved, nil, userAgain, `the plan file warns "could not list who else holds managed policy teramot-s3-access (`},
		{"file: another policy", edited("managed policy teramot-s3-access (", "managed policy teramot-other ("), policyAgain, userAgain,
			`apply's plan warns "could not list who else holds managed policy teramot-s3-access (`},
		{"file: another user", edited("of user teramot-service-user (", "of user bob ("), policyAgain, userAgain,
			`apply's plan warns "could not list the policies and groups of user teramot-service-user (`},
		{"file: another code", edited("api error AccessDenied:", "api error Throttling:"), policyAgain, userAgain, `apply's plan warns "could not list`},
		{"file: the command edited", edited("check with: aws iam", "check with: aws s3"), policyAgain, userAgain, `apply's plan warns "could not list`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.file.Check(plan(tc.policy, tc.user), nil)
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

// netErr is a read-failure warning quoting the SDK's error for a request
// that got no answer, as its text reads: attempts is the retryer's count
// (0: not retried); the URL names the address cause dials, if any.
func netErr(op string, attempts int, cause string) string {
	addr := "iam.amazonaws.com"
	if m := regexp.MustCompile(`[0-9.]+:[0-9]+\b`).FindString(cause); m != "" {
		addr = m
	}
	retried := ""
	if attempts > 0 {
		retried = fmt.Sprintf("exceeded maximum number of attempts, %d, ", attempts)
	}
	return "could not x (operation error " + op + ", " + retried + "https response error StatusCode: 0, RequestID: , request send failed, " +
		"Post \"https://" + addr + "/\": " + cause + "); y"
}

// TestComparableWarning: of a quoted AWS error, the message and request
// ids are left out, as far as the parenthesis it is quoted in; what
// follows is compared, and a message whose end cannot be told is
// compared whole (but for the session of an assumed-role ARN). An error
// that is not an AWS API error is compared by service, operation, HTTP
// status and kind.
func TestComparableWarning(t *testing.T) {
	s3Err := func(host, msg string) string {
		return "could not read the ACL of bucket b (operation error S3: GetBucketAcl, https response error StatusCode: 403, RequestID: R1, HostID: " +
			host + ", api error AccessDenied: " + msg + "), so the plan cannot tell whether it grants access the spec does not declare " +
			"(object ownership ObjectWriter keeps ACLs in force); check with: aws s3api get-bucket-acl --bucket b"
	}
	const role = "arn:aws:sts::111122223333:assumed-role/ci/"
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"S3: another host id and message", s3Err("h1+/=", "Access Denied"), s3Err("h2", "User: "+role+"s2 is not authorized"), true},
		{"S3: text after the error differs", s3Err("h", "Access Denied"),
			strings.Replace(s3Err("h", "Access Denied"), "ObjectWriter", "BucketOwnerPreferred", 1), false},
		{"balanced parentheses in the message", "x (api error E: a (b) c); y", "x (api error E: d (e)); y", true},
		{"the tail after the message differs", "x (api error E: m); y", "x (api error E: m); z", false},
		{"another code", "x (api error E1: m); y", "x (api error E2: m); y", false},
		{"no closing parenthesis: only the session masked", "x (api error E: " + role + "s1 (denied; y", "x (api error E: " + role + "s2 (denied; y", true},
		{"no closing parenthesis: the message compared", "x (api error E: (denied; y", "x (api error E: (refused; y", false},
		{"two errors", "a (api error E: m1) b (api error F: m2) c", "a (api error E: n1) b (api error F: n2) c", true},
		{"no error", "managed policy p is also attached to group/g", "managed policy p is also attached to group/h", false},
		// A read error that is not an AWS API error is compared by its
		// class (review: an ephemeral port refused every plan file).
		{"connection refused: another port", netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:45123: connect: connection refused"),
			netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:38943: connect: connection refused"), true},
		{"connection refused: retried or not", netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp [::1]:4566: connect: connection refused"),
			netErr("IAM: ListEntitiesForPolicy", 0, "dial tcp 10.0.0.7:443: connect: connection refused"), true},
		{"timeout: another address and wait", netErr("S3: GetBucketAcl", 5, "dial tcp 10.0.0.7:443: i/o timeout"),
			netErr("S3: GetBucketAcl", 3, "net/http: timeout awaiting response headers"), true},
		{"timeout: the context's deadline", netErr("IAM: ListUserPolicies", 0, "net/http: request canceled (Client.Timeout exceeded while awaiting headers)"),
			"could not x (operation error IAM: ListUserPolicies, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded); y", true},
		{"DNS: another resolver", netErr("IAM: ListEntitiesForPolicy", 0, "dial tcp: lookup iam.example on 10.255.255.53:53: no such host"),
			netErr("IAM: ListEntitiesForPolicy", 0, "dial tcp: lookup iam.example on 127.0.0.53:53: server misbehaving"), true},
		{"TLS: another port", netErr("S3: GetBucketAcl", 5, "tls: failed to verify certificate: x509: certificate signed by unknown authority"),
			netErr("S3: GetBucketAcl", 5, "remote error: tls: handshake failure"), true},
		{"connection reset: another local port", netErr("S3: GetBucketAcl", 2, "read tcp 127.0.0.1:46964->127.0.0.1:41753: read: connection reset by peer"),
			netErr("S3: GetBucketAcl", 2, "read tcp 127.0.0.1:50000->127.0.0.1:41999: read: connection reset by peer"), true},
		{"other: another text", netErr("IAM: ListEntitiesForPolicy", 0, "http2: server sent GOAWAY and closed the connection; LastStreamID=1"),
			netErr("IAM: ListEntitiesForPolicy", 0, "unexpected EOF"), true},
		{"connection refused, then timeout", netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:45123: connect: connection refused"),
			netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:45123: i/o timeout"), false},
		{"TLS, then DNS", netErr("S3: GetBucketAcl", 0, "tls: failed to verify certificate: x509: certificate has expired"),
			netErr("S3: GetBucketAcl", 0, "dial tcp: lookup s3.example on 10.0.0.2:53: no such host"), false},
		{"network error, then an AWS error", netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:45123: connect: connection refused"),
			"could not x (operation error IAM: ListEntitiesForPolicy, https response error StatusCode: 403, RequestID: r, api error AccessDenied: m); y", false},
		{"another operation", netErr("IAM: ListEntitiesForPolicy", 5, "dial tcp 127.0.0.1:1: connect: connection refused"),
			netErr("IAM: ListUserPolicies", 5, "dial tcp 127.0.0.1:1: connect: connection refused"), false},
		{"another service", netErr("IAM: GetUser", 0, "connect: connection refused"), netErr("STS: GetUser", 0, "connect: connection refused"), false},
		{"network error: the tail differs", netErr("IAM: ListEntitiesForPolicy", 0, "connect: connection refused"),
			strings.Replace(netErr("IAM: ListEntitiesForPolicy", 0, "connect: connection refused"), "; y", "; z", 1), false},
		{"a body that did not decode: another status", "x (operation error IAM: GetUser, https response error StatusCode: 502, RequestID: , deserialization failed, invalid character '<'); y",
			"x (operation error IAM: GetUser, https response error StatusCode: 503, RequestID: , deserialization failed, invalid character '<'); y", false},
		{"a body that did not decode: another text, same status", "x (operation error IAM: GetUser, https response error StatusCode: 502, RequestID: a, deserialization failed, invalid character '<'); y",
			"x (operation error IAM: GetUser, https response error StatusCode: 502, RequestID: b, deserialization failed, unexpected EOF at offset 17); y", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := comparableWarning(tc.a), comparableWarning(tc.b)
			if (a == b) != tc.same {
				t.Errorf("same = %v, want %v:\n%s\n%s", a == b, tc.same, a, b)
			}
		})
	}
}
