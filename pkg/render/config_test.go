package render

import (
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

func TestBucketConfiguration(t *testing.T) {
	const dir = "buckets/teramot-data-acme/"
	tests := []struct {
		name   string
		modify func(s *spec.Spec)
		path   string
		want   string
	}{
		{"guide lifecycle gets a filter", func(*spec.Spec) {}, dir + "lifecycle.json", `{"Rules":[{"ID":"TeramotDataLifecycle","Status":"Enabled",
		  "Filter":{"Prefix":""},"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"},{"Days":90,"StorageClass":"GLACIER"}]}]}`},
		{"disabled rule with prefix and expirations", func(s *spec.Spec) {
			r := s.Buckets[0].LifecycleRules[0]
			r.Enabled = set(false, 24)
			r.Prefix = set("tmp/", 25)
			r.Transitions = nil
			r.ExpirationDays = set(10, 26)
			r.NoncurrentExpirationDays = set(5, 27)
			r.AbortIncompleteUploadDays = set(2, 28)
		}, dir + "lifecycle.json", `{"Rules":[{"ID":"TeramotDataLifecycle","Status":"Disabled","Filter":{"Prefix":"tmp/"},
		  "Expiration":{"Days":10},"NoncurrentVersionExpiration":{"NoncurrentDays":5},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":2}}]}`},
		{"no rules, no file", func(s *spec.Spec) { s.Buckets[0].LifecycleRules = nil }, dir + "lifecycle.json", ""},
		{"kms encryption", func(s *spec.Spec) {
			e := &s.Buckets[0].Encryption
			e.Algorithm = set("aws:kms", 17)
			e.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/k1", 18)
			e.BucketKey = def(true, e.Block)
		}, dir + "encryption.json", `{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms",
		  "KMSMasterKeyID":"arn:aws:kms:us-east-1:111122223333:key/k1"},"BucketKeyEnabled":true}]}`},
		{"versioning off", func(s *spec.Spec) { s.Buckets[0].Versioning = set(false, 21) }, dir + "versioning.json", `{"Status":"Suspended"}`},
		{"public access flags one by one", func(s *spec.Spec) {
			b := s.Buckets[0]
			b.BlockPublicAcls = set(false, 14)
			b.RestrictPublicBuckets = set(false, 15)
		}, dir + "public-access-block.json", `{"BlockPublicAcls":false,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":false}`},
		{"ownership", func(s *spec.Spec) { s.Buckets[0].ObjectOwnership = set("BucketOwnerPreferred", 14) }, dir + "ownership-controls.json",
			`{"Rules":[{"ObjectOwnership":"BucketOwnerPreferred"}]}`},
		{"tags", func(*spec.Spec) {}, dir + "tagging.json", `{"TagSet":[{"Key":"owner","Value":"data-platform"},{"Key":"purpose","Value":"teramot-data-sharing"}]}`},
		{"no tags, no file", func(s *spec.Spec) { s.Buckets[0].Tags = spec.Tags{} }, dir + "tagging.json", ""},
		{"logging", func(*spec.Spec) {}, dir + "logging.json", `{"LoggingEnabled":{"TargetBucket":"acme-teramot-logs","TargetPrefix":"teramot-data/"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(false)
			tt.modify(s)
			checkDoc(t, mustRender(t, s), tt.path, tt.want)
		})
	}
}

func TestTrail(t *testing.T) {
	const dir = "trails/teramot-data/"
	tests := []struct {
		name            string
		modify          func(t *spec.Trail)
		trail, selector string
	}{
		{"guide", func(*spec.Trail) {}, `{"Name":"teramot-data","S3BucketName":"acme-teramot-logs","S3KeyPrefix":"teramot",
		  "IsMultiRegionTrail":true,"EnableLogFileValidation":true,"IncludeGlobalServiceEvents":true}`,
			`{"TrailName":"teramot-data","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,
		  "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::teramot-data-acme/"]}]}]}`},
		{"reads only, kms, no prefix", func(t *spec.Trail) {
			t.WriteEvents = set(false, 85)
			t.LogPrefix = def("", t.Block)
			t.KMSKeyARN = set("arn:aws:kms:us-east-1:111122223333:key/t", 86)
			t.MultiRegion = set(false, 87)
			t.LogFileValidation = set(false, 88)
		}, `{"Name":"teramot-data","S3BucketName":"acme-teramot-logs","KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/t",
		  "IsMultiRegionTrail":false,"EnableLogFileValidation":false,"IncludeGlobalServiceEvents":true}`,
			`{"TrailName":"teramot-data","EventSelectors":[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true,
		  "DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::teramot-data-acme/"]}]}]}`},
		{"writes only", func(t *spec.Trail) { t.ReadEvents = set(false, 84) }, "", `{"TrailName":"teramot-data","EventSelectors":[{
		  "ReadWriteType":"WriteOnly","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::teramot-data-acme/"]}]}]}`},
		{"no data events", func(t *spec.Trail) {
			t.ReadEvents = set(false, 84)
			t.WriteEvents = set(false, 85)
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(false)
			tt.modify(s.Trails[0])
			out := mustRender(t, s)
			if tt.trail != "" {
				checkDoc(t, out, dir+"trail.json", tt.trail)
			}
			checkDoc(t, out, dir+"event-selectors.json", tt.selector)
		})
	}
}
