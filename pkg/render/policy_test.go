package render

import (
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestIdentityPolicy(t *testing.T) {
	tests := []struct {
		name   string
		modify func(s *spec.Spec)
		want   string
	}{
		{"guide permissions", func(*spec.Spec) {}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::teramot-data-acme/*"},
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teramot-data-acme"}]}`},
		{"prefix scopes objects and listing", func(s *spec.Spec) {
			s.Grants[0].Prefix = set("exports/", 68)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::teramot-data-acme/exports/*"},
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teramot-data-acme",
		   "Condition":{"StringLike":{"s3:prefix":["exports/","exports/*"]}}}]}`},
		{"read only", func(s *spec.Spec) {
			s.Grants[0].Permissions = set([]string{"read"}, 67)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::teramot-data-acme/*"}]}`},
		{"extra actions on the right resource type", func(s *spec.Spec) {
			s.Grants[0].Permissions = set([]string{"read", "list"}, 67)
			s.Grants[0].Prefix = set("p/", 68)
			s.Grants[0].ExtraActions = set([]string{"s3:GetObjectVersion", "s3:GetBucketLocation", "s3:AbortMultipartUpload", "s3:GetObject", "s3:ListBucket", "s3:ListBucketVersions"}, 69)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:AbortMultipartUpload"],"Resource":"arn:aws:s3:::teramot-data-acme/p/*"},
		  {"Sid":"ListBucket","Effect":"Allow","Action":["s3:ListBucket","s3:ListBucketVersions"],"Resource":"arn:aws:s3:::teramot-data-acme",
		   "Condition":{"StringLike":{"s3:prefix":["p/","p/*"]}}},
		  {"Sid":"BucketAccess","Effect":"Allow","Action":"s3:GetBucketLocation","Resource":"arn:aws:s3:::teramot-data-acme"}]}`},
		{"kms key", func(s *spec.Spec) {
			e := &s.Buckets[0].Encryption
			e.Algorithm = set("aws:kms", 17)
			e.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 18)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::teramot-data-acme/*"},
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teramot-data-acme"},
		  {"Sid":"KMSAccess","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"arn:aws:kms:us-east-1:111122223333:key/k1",
		   "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}`},
		{"dsse key, write only", func(s *spec.Spec) {
			e := &s.Buckets[0].Encryption
			e.Algorithm = set("aws:kms:dsse", 17)
			e.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k2", 18)
			s.Grants[0].Permissions = set([]string{"write"}, 67)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::teramot-data-acme/*"},
		  {"Sid":"KMSAccess","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"arn:aws:kms:us-east-1:111122223333:key/k2",
		   "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}]}`},
		{"kms key, list only: no key access", func(s *spec.Spec) {
			e := &s.Buckets[0].Encryption
			e.Algorithm = set("aws:kms", 17)
			e.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 18)
			s.Grants[0].Permissions = set([]string{"list"}, 67)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teramot-data-acme"}]}`},
		{"listing as an extra action keeps the prefix condition", func(s *spec.Spec) {
			s.Grants[0].Permissions = set([]string{"read"}, 67)
			s.Grants[0].Prefix = set("p/", 68)
			s.Grants[0].ExtraActions = set([]string{"s3:ListBucket"}, 69)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::teramot-data-acme/p/*"},
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teramot-data-acme",
		   "Condition":{"StringLike":{"s3:prefix":["p/","p/*"]}}}]}`},
		// Review-leak2 L7: the key only through S3 in the bucket's
		// Region, also in the aws-cn partition.
		{"kms key through s3 only, aws-cn", func(s *spec.Spec) {
			s.AWS.Partition = set("aws-cn", 6)
			s.Buckets[0].Region = set("cn-north-1", 3)
			e := &s.Buckets[0].Encryption
			e.Algorithm = set("aws:kms", 17)
			e.KMSKeyARN = set("arn:aws-cn:kms:cn-north-1:111122223333:key/k3", 18)
			s.Grants[0].Permissions = set([]string{"read"}, 67)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws-cn:s3:::teramot-data-acme/*"},
		  {"Sid":"KMSAccess","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws-cn:kms:cn-north-1:111122223333:key/k3",
		   "Condition":{"StringEquals":{"kms:ViaService":"s3.cn-north-1.amazonaws.com.cn"}}}]}`},
		{"partition", func(s *spec.Spec) {
			s.AWS.Partition = set("aws-cn", 6)
			s.Grants[0].Permissions = set([]string{"list"}, 67)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws-cn:s3:::teramot-data-acme"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(false)
			tt.modify(s)
			checkDoc(t, mustRender(t, s), "grants/teramot/identity-policy.json", tt.want)
		})
	}
}

func TestTrustPolicy(t *testing.T) {
	tests := []struct {
		name      string
		modify    func(r *spec.CrossAccountRole)
		want      string
		sensitive bool
	}{
		{"account root", func(*spec.CrossAccountRole) {}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"TrustedAccountAssumeRole","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
		   "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"tmc-7f3a9c2e-acme-4b1d-9e55"}}}]}`, true},
		{"role arn, plain external id", func(r *spec.CrossAccountRole) {
			r.TrustedPrincipal = set("arn:aws:iam::210987654321:role/loader", 72)
			r.ExternalID = set("plain-id", 73)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"TrustedAccountAssumeRole","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:role/loader"},
		   "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"plain-id"}}}]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(true)
			tt.modify(s.Grants[0].Role)
			out := mustRender(t, s)
			checkDoc(t, out, "grants/teramot/trust-policy.json", tt.want)
			if got := doc(out, "grants/teramot/trust-policy.json").Sensitive; got != tt.sensitive {
				t.Errorf("Sensitive = %v, want %v", got, tt.sensitive)
			}
		})
	}
	if d := doc(mustRender(t, guideModel(false)), "grants/teramot/trust-policy.json"); d != nil {
		t.Error("an iam_user grant rendered a trust policy")
	}
}

func TestBucketPolicy(t *testing.T) {
	tests := []struct {
		name   string
		bucket string
		modify func(s *spec.Spec)
		want   string
	}{
		{"kms header", "teramot-data-acme", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.RequireTLS = set(false, 20)
			b.Encryption.Algorithm = set("aws:kms", 17)
			b.Encryption.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 18)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::teramot-data-acme/*",
		   "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}},
		  {"Sid":"DenyOtherKMSKeys","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::teramot-data-acme/*",
		   "Condition":{"Null":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"false"},
		     "StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"arn:aws:kms:us-east-1:111122223333:key/k1"}}}]}`},
		{"dsse key, uploads not required", "teramot-data-acme", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.RequireTLS = set(false, 20)
			b.Encryption.Algorithm = set("aws:kms:dsse", 17)
			b.Encryption.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 18)
			b.Encryption.RequireEncryptedUploads = set(false, 19)
		}, ""},
		{"nothing to say", "teramot-data-acme", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.RequireTLS = set(false, 20)
			b.Encryption.RequireEncryptedUploads = set(false, 18)
		}, ""},
		{"user statements", "teramot-data-acme", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.RequireTLS = set(false, 20)
			b.Encryption.RequireEncryptedUploads = set(false, 18)
			b.Statements = []*spec.Statement{
				{Block: block("bucket.data.statement.PublicRead", 42), Sid: "PublicRead",
					Effect: set("Allow", 43), Principals: set(spec.Principals{Wildcard: true}, 44),
					Actions: set([]string{"s3:GetObject"}, 45), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/public/*"}, 46)},
				{Block: block("bucket.data.statement.Analytics", 48), Sid: "Analytics",
					Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::444455556666:role/a", "arn:aws:iam::444455556666:role/b"}}}, 49),
					Actions:    set([]string{"s3:GetObject", "s3:GetObjectVersion"}, 50), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/reports/*"}, 51),
					Conditions: []*spec.Condition{
						{Test: set("StringEquals", 53), Variable: set("aws:PrincipalOrgID", 54), Values: set([]string{"o-1"}, 55)},
						{Test: set("StringEquals", 57), Variable: set("aws:PrincipalTag/team", 58), Values: set([]string{"bi", "ds"}, 59)},
					}},
			}
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::teramot-data-acme/public/*"},
		  {"Sid":"Analytics","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:role/a","arn:aws:iam::444455556666:role/b"]},
		   "Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::teramot-data-acme/reports/*",
		   "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1","aws:PrincipalTag/team":["bi","ds"]}}}]}`},
		{"not_actions statement has no Action", "teramot-data-acme", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.RequireTLS = set(false, 20)
			b.Encryption.RequireEncryptedUploads = set(false, 18)
			b.Statements = []*spec.Statement{
				{Block: block("bucket.data.statement.DenyAllButRead", 42), Sid: "DenyAllButRead",
					Effect: set("Deny", 43), Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"arn:aws:iam::444455556666:root"}}}, 44),
					NotActions: set([]string{"s3:GetObject"}, 45), Resources: set([]string{"arn:aws:s3:::teramot-data-acme/*"}, 46)},
			}
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"DenyAllButRead","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"NotAction":"s3:GetObject","Resource":"arn:aws:s3:::teramot-data-acme/*"}]}`},
		{"log bucket with unknown account: no CloudTrail statement, no wildcard account", "acme-teramot-logs", func(s *spec.Spec) {
			s.AWS.AccountID = spec.Attr[string]{}
			s.Buckets[1].RequireTLS = set(false, 50)
			s.Buckets[1].Encryption.RequireEncryptedUploads = set(false, 54)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/teramot-data/*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::teramot-data-acme"}}}]}`},
		{"log bucket: the upload deny exempts exactly the log delivery services", "acme-teramot-logs", func(s *spec.Spec) {
			s.Buckets[1].RequireTLS = set(false, 50)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-teramot-logs/*",
		   "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"AES256",
		     "aws:PrincipalServiceName":["cloudtrail.amazonaws.com","logging.s3.amazonaws.com"]}}},
		  {"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/teramot-data/*",
		   "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::teramot-data-acme"},"StringEquals":{"aws:SourceAccount":"111122223333"}}},
		  {"Sid":"AllowCloudTrailAclCheck","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:GetBucketAcl",
		   "Resource":"arn:aws:s3:::acme-teramot-logs","Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:111122223333:trail/teramot-data"}}},
		  {"Sid":"AllowCloudTrailWrite","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/teramot/AWSLogs/111122223333/*",
		   "Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:111122223333:trail/teramot-data","s3:x-amz-acl":"bucket-owner-full-control"}}}]}`},
		{"access log target only: only logging.s3 is exempt", "acme-teramot-logs", func(s *spec.Spec) {
			s.Buckets[1].RequireTLS = set(false, 50)
			s.Trails = nil
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-teramot-logs/*",
		   "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"AES256","aws:PrincipalServiceName":"logging.s3.amazonaws.com"}}},
		  {"Sid":"AllowAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/teramot-data/*",
		   "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::teramot-data-acme"},"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}`},
		{"unknown account: the deny exempts only the service that is allowed", "acme-teramot-logs", func(s *spec.Spec) {
			s.AWS.AccountID = spec.Attr[string]{}
			s.Buckets[1].RequireTLS = set(false, 50)
			s.Buckets[0].AccessLogging = nil
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-teramot-logs/*",
		   "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"AES256"}}}]}`},
		{"two sources and a plain-name target", "acme-teramot-logs", func(s *spec.Spec) {
			s.Buckets[1].RequireTLS = set(false, 50)
			s.Buckets[1].Encryption.RequireEncryptedUploads = set(false, 54)
			s.Trails = nil
			other := defaultBucket("other", "acme-other", 90)
			other.AccessLogging = &spec.AccessLogging{Block: block("bucket.other.access_logging", 93),
				TargetBucket: set("acme-teramot-logs", 94), TargetPrefix: set("other/", 95)}
			s.Buckets = append(s.Buckets, other)
		}, `{"Version":"2012-10-17","Statement":[
		  {"Sid":"AllowAccessLogDeliveryData","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/teramot-data/*",
		   "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::teramot-data-acme"},"StringEquals":{"aws:SourceAccount":"111122223333"}}},
		  {"Sid":"AllowAccessLogDeliveryOther","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
		   "Resource":"arn:aws:s3:::acme-teramot-logs/other/*",
		   "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::acme-other"},"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(false)
			tt.modify(s)
			checkDoc(t, mustRender(t, s), "buckets/"+tt.bucket+"/bucket-policy.json", tt.want)
		})
	}
}
