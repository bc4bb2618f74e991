package apply

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestMotoRevokeLegacyPolicy (review D5 A0) against moto, which rejects
// duplicate Sids as IAM does: a legacy policy with one statement per
// action loses s3:DeleteObject at step 2, in a run whose audit stage
// fails, and a rerun converges.
func TestMotoRevokeLegacyPolicy(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", nil)), false); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	const obj = "arn:aws:s3:::" + dataBucket + "/*"
	legacy := `{"Version":"2012-10-17","Statement":[
		{"Sid":"AllowGet","Effect":"Allow","Action":"s3:GetObject","Resource":"` + obj + `"},
		{"Sid":"AllowPut","Effect":"Allow","Action":"s3:PutObject","Resource":"` + obj + `"},
		{"Sid":"AllowDelete","Effect":"Allow","Action":"s3:DeleteObject","Resource":"` + obj + `"},
		{"Sid":"AllowList","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::` + dataBucket + `"}]}`
	arn := e.policyARN("teramot-s3-access")
	if _, err := e.C.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: aws.String(arn), PolicyDocument: aws.String(legacy), SetAsDefault: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", both(permissions("read", "write", "list"), brokenTrail))), false); err == nil ||
		!strings.Contains(err.Error(), `stage "audit" failed`) {
		t.Fatalf("apply error = %v, want the audit stage to fail", err)
	}
	doc, err := e.policyDocument(ctx, arn)
	if err != nil {
		t.Fatal(err)
	}
	assertUniqueSids(t, "managed policy", doc)
	var actions []string
	for _, s := range statements(doc) {
		if s["Effect"] == "Allow" {
			actions = append(actions, stringSet(s["Action"], nil)...)
		}
	}
	if got := strings.Join(mergeSorted(nil, actions), ","); got != "s3:getobject,s3:listbucket,s3:putobject" {
		t.Errorf("managed policy allows %s after the failed run, want get, list and put", got)
	}
	items := loadSpec(t, "setup-guide-user", permissions("read", "write", "list"))
	if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if p := planFor(t, e, items); len(p.Changes) != 0 {
		t.Errorf("not converged: %d changes, first %s %s", len(p.Changes), p.Changes[0].Type, p.Changes[0].Name)
	}
}

// TestMotoMovedLogs (review D15) against moto: the trail's log_prefix and
// the access-log target_prefix move in a run whose audit stage fails; the
// log bucket policy must still let both services write where they deliver,
// and the converged policy no longer allows the old locations.
func TestMotoMovedLogs(t *testing.T) {
	m := testenv.StartMoto(t)
	e := connectMoto(t, m)
	ctx := context.Background()
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", nil)), false); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	if _, err := e.Apply(ctx, planFor(t, e, loadSpec(t, "setup-guide-user", both(moveLogs, brokenTrail))), false); err == nil ||
		!strings.Contains(err.Error(), `stage "audit" failed`) {
		t.Fatalf("apply error = %v, want the audit stage to fail", err)
	}
	motoDeliveryAllowed(t, e, "after the failed run")
	items := loadSpec(t, "setup-guide-user", moveLogs)
	if _, err := e.Apply(ctx, planFor(t, e, items), false); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	pol := motoDeliveryAllowed(t, e, "converged")
	if allowsService(pol, "cloudtrail.amazonaws.com", "arn:aws:s3:::"+logsBucket+"/teramot/AWSLogs/"+testAccount+"/x.json.gz") ||
		allowsService(pol, "logging.s3.amazonaws.com", "arn:aws:s3:::"+logsBucket+"/teramot-data/x") {
		t.Errorf("the converged policy still allows the old locations: %s", mustJSON(pol))
	}
	assertUniqueSids(t, "log bucket policy", pol)
}

// motoDeliveryAllowed checks that the log bucket policy lets CloudTrail
// and S3 log delivery write where the trail and the data bucket's logging
// deliver now, and returns the canonical policy.
func motoDeliveryAllowed(t *testing.T, e *Engine, when string) any {
	t.Helper()
	ctx := context.Background()
	s3c := e.C.S3ForRegion(e.C.Region)
	out, err := s3c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String(logsBucket)})
	if err != nil {
		t.Fatal(err)
	}
	pol := mustParse(t, aws.ToString(out.Policy))
	tr, err := e.C.CloudTrailForRegion(e.C.Region).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{"teramot-data"}})
	if err != nil || len(tr.TrailList) != 1 {
		t.Fatalf("describe trail: %v", err)
	}
	obj := "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(tr.TrailList[0].S3KeyPrefix) + "/AWSLogs/" + testAccount + "/x.json.gz"
	if !allowsService(pol, "cloudtrail.amazonaws.com", obj) {
		t.Errorf("%s: CloudTrail may not write %s: %s", when, obj, mustJSON(pol))
	}
	lg, err := s3c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String(dataBucket)})
	if err != nil || lg.LoggingEnabled == nil {
		t.Fatalf("get bucket logging: %v", err)
	}
	obj = "arn:aws:s3:::" + logsBucket + "/" + aws.ToString(lg.LoggingEnabled.TargetPrefix) + "x"
	if !allowsService(pol, "logging.s3.amazonaws.com", obj) {
		t.Errorf("%s: S3 log delivery may not write %s: %s", when, obj, mustJSON(pol))
	}
	return pol
}
