package apply

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// testImportLiveStates imports, from moto (account 111122223333),
// live states a spec cannot fully express, each on its own bucket: import
// either refuses, naming the setting, or writes a spec that loads, whose
// warnings name what it leaves out, and whose plan has only the changes
// the case allows (never a loosening one).
func testImportLiveStates(t *testing.T, e *Engine) {
	ctx := context.Background()
	s3c := e.C.S3ForRegion("us-east-1").(*s3.Client)
	iamc := e.C.IAM.(*iam.Client)
	ct := e.C.CloudTrailForRegion("us-east-1").(*cloudtrail.Client)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	bucket := func(name, policy string) {
		must(s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)}))
		must(s3c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String(name), ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{
			Rules: []s3types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}}))
		if policy != "" {
			must(s3c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String(name), Policy: aws.String(policy)}))
		}
	}
	role := func(name, b, trust string) {
		arn := "arn:aws:iam::111122223333:policy/" + name + "-access"
		must(iamc.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String(name + "-access"), PolicyDocument: aws.String(
			`{"Version":"2012-10-17","Statement":[{"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::` + b + `/*"}]}`)}))
		must(iamc.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name), Path: aws.String("/partners/"), MaxSessionDuration: aws.Int32(43200),
			AssumeRolePolicyDocument: aws.String(trust)}))
		must(iamc.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String(name), PolicyArn: aws.String(arn)}))
	}
	const trust = `{"Version":"2012-10-17","Statement":[{"Sid":"TrustedAccountAssumeRole","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},` +
		`"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1234"}%s}}]}`
	tests := []struct {
		name    string
		setup   func() ImportOptions
		refused string   // a refusal naming this, or
		notes   []string // warnings naming these
		planned []string // and the plan's changes, "action type [risk]"
	}{
		{"NotPrincipal", func() ImportOptions {
			bucket("live-notprincipal", `{"Version":"2012-10-17","Statement":[{"Sid":"DenyOthers","Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},`+
				`"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::live-notprincipal/*"}]}`)
			return ImportOptions{Bucket: "live-notprincipal"}
		}, `statement "DenyOthers" has NotPrincipal`, nil, nil},
		{"SSE-KMS with the AWS managed key", func() ImportOptions {
			bucket("live-kms", "")
			must(s3c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("live-kms"), ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{
				Rules: []s3types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAwsKms}}}}}))
			return ImportOptions{Bucket: "live-kms"}
		}, "AWS managed key aws/s3", nil, nil},
		{"2008 policy with a variable", func() ImportOptions {
			bucket("live-v2008", `{"Version":"2008-10-17","Statement":[{"Sid":"Home","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},`+
				`"Action":"s3:GetObject","Resource":"arn:aws:s3:::live-v2008/${aws:username}/*"}]}`)
			return ImportOptions{Bucket: "live-v2008"}
		}, "reads literally", nil, nil},
		{"trust with an MFA condition", func() ImportOptions {
			bucket("live-mfa", "")
			role("live-mfa-role", "live-mfa", strings.Replace(trust, "%s", `,"Bool":{"aws:MultiFactorAuthPresent":"true"}`, 1))
			return ImportOptions{Bucket: "live-mfa", Role: "live-mfa-role"}
		}, "condition Bool aws:MultiFactorAuthPresent", nil, nil},
		{"duplicate Sids and a public ACL", func() ImportOptions {
			stmt := `{"Sid":"Same","Effect":"%s","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:%s","Resource":"arn:aws:s3:::live-dup/*"}`
			bucket("live-dup", `{"Version":"2012-10-17","Statement":[`+strings.Replace(strings.Replace(stmt, "%s", "Allow", 1), "%s", "GetObject", 1)+","+
				strings.Replace(strings.Replace(stmt, "%s", "Deny", 1), "%s", "DeleteObject", 1)+`]}`)
			must(s3c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("live-dup"), ACL: s3types.BucketCannedACLPublicRead}))
			return ImportOptions{Bucket: "live-dup"}
		}, "", []string{`renames them: "Same" -> Same2`, "its ACL grants READ to everyone (AllUsers)"}, []string{"update bucket-policy [neutral]"}},
		{"role with a boundary, an inline and another managed policy", func() ImportOptions {
			bucket("live-role", "")
			role("live-role", "live-role", strings.Replace(trust, "%s", "", 1))
			must(iamc.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("live-boundary"), PolicyDocument: aws.String(
				`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)}))
			must(iamc.PutRolePermissionsBoundary(ctx, &iam.PutRolePermissionsBoundaryInput{RoleName: aws.String("live-role"),
				PermissionsBoundary: aws.String("arn:aws:iam::111122223333:policy/live-boundary")}))
			must(iamc.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("live-role"), PolicyArn: aws.String("arn:aws:iam::111122223333:policy/live-boundary")}))
			must(iamc.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("live-role"), PolicyName: aws.String("legacy"),
				PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"*"}]}`)}))
			return ImportOptions{Bucket: "live-role", Role: "live-role"}
		}, "", []string{"has the permissions boundary arn:aws:iam::111122223333:policy/live-boundary",
			"also has the managed policies arn:aws:iam::111122223333:policy/live-boundary and the inline policies legacy"}, nil},
		{"trail not logging, advanced selectors", func() ImportOptions {
			bucket("live-trail", "")
			bucket("live-trail-logs", `{"Version":"2012-10-17","Statement":[{"Sid":"CT","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},`+
				`"Action":"s3:*","Resource":["arn:aws:s3:::live-trail-logs","arn:aws:s3:::live-trail-logs/*"]}]}`)
			must(ct.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("live-trail"), S3BucketName: aws.String("live-trail-logs")}))
			must(ct.PutEventSelectors(ctx, &cloudtrail.PutEventSelectorsInput{TrailName: aws.String("live-trail"), AdvancedEventSelectors: []cttypes.AdvancedEventSelector{{
				Name: aws.String("s3"), FieldSelectors: []cttypes.AdvancedFieldSelector{{Field: aws.String("eventCategory"), Equals: []string{"Data"}},
					{Field: aws.String("resources.type"), Equals: []string{"AWS::S3::Object"}}}}}}))
			return ImportOptions{Bucket: "live-trail", Trail: "live-trail"}
		}, "", []string{"trail live-trail is not logging", "trail live-trail uses advanced event selectors"}, []string{"update trail-logging [tighten]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			im, err := e.Import(ctx, tc.setup())
			if tc.refused != "" {
				var p *Problem
				if !errors.As(err, &p) || !strings.Contains(p.Detail, tc.refused) {
					t.Fatalf("Import = %v, want a refusal naming %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(im.Notes, "\n")
			for _, w := range tc.notes {
				if !strings.Contains(notes, w) {
					t.Errorf("notes lack %q:\n%s", w, notes)
				}
			}
			items := importedItems(t, im, []string{"TERAMOTC_VAR_external_id=ext-1234"})
			live, err := e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range e.MakePlan(items, live).Changes {
				got = append(got, c.Action+" "+c.Type+" ["+c.Risk+"]")
			}
			if strings.Join(got, "; ") != strings.Join(tc.planned, "; ") {
				t.Errorf("imported spec plans %q, want %q\n%s", got, tc.planned, im.HCL)
			}
		})
	}
}
