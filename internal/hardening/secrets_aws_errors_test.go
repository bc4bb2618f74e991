package hardening

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Credentials a misbehaving endpoint quotes in its error messages.
const (
	echoedKey    = "AKIAENDPOINTECHO7Q2X"
	echoedSecret = "Xq9/EndpointEchoedSecretKey+0123456789ab"
)

// endpointCase is how the fake AWS endpoint answers: which requests fail,
// and with what.
type endpointCase struct {
	name string
	// fail answers a request the case makes fail, or returns false to let
	// the endpoint answer it normally.
	fail func(w http.ResponseWriter, r *http.Request, action string) bool
	// want is printed: the error reached the user. When quoted, the error
	// text quotes the credentials, so their masked form is printed too.
	want   string
	quoted bool
	// args are extra connection flags.
	args []string
}

const leakyMessage = "User " + echoedKey + " (secret " + echoedSecret + ") is not authorized"

func s3Error(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>%s</Code><Message>%s</Message><RequestId>R1</RequestId></Error>`, code, leakyMessage)
}

func queryError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>R1</RequestId></ErrorResponse>`, code, leakyMessage)
}

// s3Read reports whether the request is an S3 read of a bucket's
// configuration (HeadBucket answers without a body).
func s3Read(r *http.Request, action string) bool {
	return action == "" && r.Method == http.MethodGet
}

var endpointCases = []endpointCase{
	{name: "S3 error message", want: "access denied for s3:Get", quoted: true,
		fail: func(w http.ResponseWriter, r *http.Request, action string) bool {
			if !s3Read(r, action) {
				return false
			}
			s3Error(w, http.StatusForbidden, "AccessDenied")
			return true
		}},
	{name: "IAM error message", want: "access denied for iam:", quoted: true,
		fail: func(w http.ResponseWriter, r *http.Request, action string) bool {
			if action == "" || action == "GetCallerIdentity" {
				return false
			}
			queryError(w, http.StatusForbidden, "AccessDenied")
			return true
		}},
	{name: "assume-role error", want: "cannot get credentials: AccessDenied", quoted: true,
		args: []string{"-assume-role-arn", "arn:aws:iam::123456789012:role/deploy"},
		fail: func(w http.ResponseWriter, r *http.Request, action string) bool {
			if action != "AssumeRole" {
				return false
			}
			queryError(w, http.StatusForbidden, "AccessDenied")
			return true
		}},
	// A body that is not the XML S3 sends: the SDK's error names the
	// decoding failure and does not echo the body.
	{name: "malformed answer", want: "deserialization failed",
		fail: func(w http.ResponseWriter, r *http.Request, action string) bool {
			if !s3Read(r, action) {
				return false
			}
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, "<ServerSideEncryptionConfiguration><Rule>%s %s", echoedKey, echoedSecret)
			return true
		}},
}

// fakeEndpoint serves S3 (path style), IAM and STS on loopback: the caller
// is account 123456789012, buckets exist and hold nothing, IAM has no
// entities, and c makes some requests fail with credentials in the text.
func fakeEndpoint(t *testing.T, c endpointCase) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		action := ""
		if r.Method == http.MethodPost && r.URL.Path == "/" {
			if err := r.ParseForm(); err == nil {
				action = r.PostForm.Get("Action")
			}
		}
		if c.fail(w, r, action) {
			return
		}
		switch {
		case action == "GetCallerIdentity":
			fmt.Fprint(w, `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLEUSERID</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`)
		case action != "":
			w.Header().Set("Content-Type", "text/xml")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>not found</Message></Error></ErrorResponse>`)
		case r.Method == http.MethodHead:
			w.WriteHeader(http.StatusOK)
		default:
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `<Error><Code>NoSuchBucketPolicy</Code><Message>none</Message></Error>`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// testAWSErrorsRedacted runs plan (text and json), apply (text and json) and import of the
// sensitive-everywhere corpus spec against endpoints whose errors quote an access
// key id and a secret access key: every command fails with the error
// printed, and neither credential appears on stdout or stderr.
func testAWSErrorsRedacted(t *testing.T, bin string) {
	if len(echoedSecret) != 40 {
		t.Fatalf("echoedSecret has %d characters, want 40 (the length of a secret access key)", len(echoedSecret))
	}
	c := corpus(t)[1]
	w := c.ways["env"]
	secrets := append([]string{echoedKey, echoedSecret}, c.secrets...)
	for _, ec := range endpointCases {
		t.Run(ec.name, func(t *testing.T) {
			srv := fakeEndpoint(t, ec)
			env := append([]string{
				"AWS_ACCESS_KEY_ID=testing", "AWS_SECRET_ACCESS_KEY=testing", "AWS_REGION=us-east-1",
				"AWS_ENDPOINT_URL=" + srv.URL, "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
				"AWS_EC2_METADATA_DISABLED=true",
			}, w.env...)
			for _, args := range [][]string{
				{"plan", c.spec},
				{"plan", "-json", c.spec},
				{"apply", "-auto-approve", "-key-dir", t.TempDir(), c.spec},
				{"apply", "-json", "-auto-approve", "-key-dir", t.TempDir(), c.spec},
				{"import", "-bucket", "teramot-sensitive-everywhere", "-user", "teramot-corpus-reader", "-o", t.TempDir()},
			} {
				args = append(append([]string{args[0]}, ec.args...), args[1:]...)
				what := "teramotc " + strings.Join(args, " ")
				text, code := runBin(t, bin, env, args...)
				if code != 1 {
					t.Errorf("%s exited %d, want 1:\n%s", what, code, head(text))
				}
				if !strings.Contains(text, ec.want) {
					t.Errorf("%s does not print the error (%q):\n%s", what, ec.want, head(text))
				}
				if ec.quoted && !strings.Contains(text, strings.Repeat("*", len(echoedSecret))) {
					t.Errorf("%s does not print the masked credentials:\n%s", what, head(text))
				}
				assertNoSecret(t, what, text, secrets)
			}
		})
	}
}
