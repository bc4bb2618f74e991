package apply

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"

	"github.com/teramot/teramotc/internal/testenv"
)

// recordedCall is one AWS call the engine made: its operation and the
// names in its input that say which resource it is on.
type recordedCall struct {
	command string // the run: plan, apply or import
	api     string // s3:HeadBucket
	region  string
	fields  map[string]string // Bucket, UserName, RoleName, PolicyArn, PolicyName, Name, TrailName
	// arn is the ARN of the call's user or role as IAM knew it when the
	// call was made (recorder.current), "" when it did not exist.
	arn string
}

// recorder records every call of the clients it is installed in, as an
// SDK middleware (the real clients stay in place, optional interfaces
// such as objectLister included).
type recorder struct {
	mu      sync.Mutex
	command string
	calls   []recordedCall
	// current, when set, looks up the ARN a user or role has at the time
	// of a call (with a client that records nothing): plan reads a user on
	// its old path before apply moves it.
	current func(kind, name string) string
}

var recordedFields = []string{"Bucket", "UserName", "RoleName", "PolicyArn", "PolicyName", "Name", "TrailName"}

func (r *recorder) install(st *middleware.Stack) error {
	return st.Initialize.Add(middleware.InitializeMiddlewareFunc("teramotcRecordCall",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			c := recordedCall{
				api:    strings.ToLower(strings.ReplaceAll(awsmiddleware.GetServiceID(ctx), " ", "")) + ":" + awsmiddleware.GetOperationName(ctx),
				region: awsmiddleware.GetRegion(ctx),
				fields: map[string]string{},
			}
			v := reflect.Indirect(reflect.ValueOf(in.Parameters))
			for _, name := range recordedFields {
				if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.String {
					c.fields[name] = f.Elem().String()
				}
			}
			if r.current != nil && !strings.HasPrefix(c.api, "iam:Create") {
				if name := c.fields["UserName"]; name != "" {
					c.arn = r.current("user", name)
				} else if name := c.fields["RoleName"]; name != "" {
					c.arn = r.current("role", name)
				}
			}
			r.mu.Lock()
			c.command = r.command
			r.calls = append(r.calls, c)
			r.mu.Unlock()
			return next.HandleInitialize(ctx, in)
		}), middleware.After)
}

// recordingEngine connects to m with clients that record into r, and runs
// the preflight through them.
func recordingEngine(t *testing.T, m *testenv.Moto, r *recorder) *Engine {
	t.Helper()
	for _, kv := range m.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	ctx := context.Background()
	c, err := Connect(ctx, ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	withRec := func(opts []func(*middleware.Stack) error) []func(*middleware.Stack) error {
		return append(slices.Clip(opts), r.install)
	}
	s3For, ctFor := c.S3ForRegion, c.CloudTrailForRegion
	c.S3ForRegion = perRegion(c.Region, func(region string) S3API {
		o := s3For(region).(*s3.Client).Options()
		o.APIOptions = withRec(o.APIOptions)
		return s3.New(o)
	})
	c.CloudTrailForRegion = perRegion(c.Region, func(region string) CloudTrailAPI {
		o := ctFor(region).(*cloudtrail.Client).Options()
		o.APIOptions = withRec(o.APIOptions)
		return cloudtrail.New(o)
	})
	io := c.IAM.(*iam.Client).Options()
	io.APIOptions = withRec(io.APIOptions)
	c.IAM = iam.New(io)
	so := c.STS.(*sts.Client).Options()
	so.APIOptions = withRec(so.APIOptions)
	c.STS = sts.New(so)
	r.command = "plan" // the preflight of every command
	return testEngine(ctx, t, c)
}

// needs returns what a call needs: each action of its operation on the
// resource its input names. arn resolves a user's or role's name to its
// ARN as IAM knows it (with its path) after the runs, for a call that did
// not record the ARN it had then.
func (c recordedCall) needs(t *testing.T, account string, arn func(kind, name string) string) []callNeed {
	op, ok := OperationByAPI(c.api)
	if !ok {
		t.Errorf("the engine called %s, which Operations does not list", c.api)
		return nil
	}
	f := c.fields
	res := "*"
	switch op.Resource {
	case ResourceBucket:
		res = "arn:aws:s3:::" + f["Bucket"]
	case ResourceUser:
		res = cmp.Or(c.arn, arn("user", f["UserName"]))
	case ResourceRole:
		res = cmp.Or(c.arn, arn("role", f["RoleName"]))
	case ResourcePolicy:
		res = f["PolicyArn"]
		if res == "" {
			res = "arn:aws:iam::" + account + ":policy/" + f["PolicyName"]
		}
	case ResourceTrail:
		res = "arn:aws:cloudtrail:" + c.region + ":" + account + ":trail/" + f["Name"] + f["TrailName"]
	}
	var out []callNeed
	for _, a := range op.Actions {
		n := callNeed{action: a, resource: res}
		if op.PolicyCondition {
			n.policyARN = f["PolicyArn"]
		}
		out = append(out, n)
	}
	return out
}
