package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestImportSkipsGeneratedSids imports a KMS bucket whose policy teramotc
// rendered: the generated statements (DenyInsecureTransport,
// DenyUnencryptedUploads, DenyOtherKMSKeys) come back from the encryption
// settings, not as statement blocks, so the re-rendered policy has each Sid
// once (a duplicate is TMC508); a user's statement is still imported.
func TestImportSkipsGeneratedSids(t *testing.T) {
	const key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	f, e := importFake(t, nil)
	b := f.buckets[importBucketName]
	b.enc = &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{
		ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAwsKms, KMSMasterKeyID: aws.String(key)},
		BucketKeyEnabled:                   aws.Bool(true)}}}
	objects := "arn:aws:s3:::" + importBucketName + "/*"
	b.policy = aws.String(`{"Version":"2012-10-17","Statement":[
{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::` + importBucketName + `","` + objects + `"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
{"Sid":"DenyUnencryptedUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"` + objects + `","Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}},
{"Sid":"DenyOtherKMSKeys","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"` + objects + `","Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"` + key + `"},"Null":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"false"}}},
{"Sid":"PartnerRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"` + objects + `"}]}`)
	im, err := e.Import(context.Background(), ImportOptions{Bucket: importBucketName})
	if err != nil {
		t.Fatal(err)
	}
	src := string(im.HCL)
	for _, sid := range []string{"DenyInsecureTransport", "DenyUnencryptedUploads", "DenyOtherKMSKeys"} {
		if strings.Contains(src, `"`+sid+`"`) {
			t.Errorf("the generated %s became a statement block:\n%s", sid, src)
		}
	}
	if !strings.Contains(src, `statement "PartnerRead"`) {
		t.Errorf("the user's statement was not imported:\n%s", src)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), im.HCL, 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("imported spec does not load: %s\n%s", diags.Error(), src)
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatalf("imported spec does not render: %s", diags.Error())
	}
	for _, d := range out.Documents {
		if d.Kind != render.KindBucketPolicy {
			continue
		}
		seen := map[string]int{}
		for _, s := range d.Content.(map[string]any)["Statement"].([]any) {
			seen[s.(map[string]any)["Sid"].(string)]++
		}
		for sid, n := range seen {
			if n > 1 {
				t.Errorf("the re-rendered policy has Sid %s %d times:\n%s", sid, n, render.Marshal(d))
			}
		}
		if seen["DenyOtherKMSKeys"] != 1 {
			t.Errorf("the re-rendered policy lacks DenyOtherKMSKeys:\n%s\n%s", render.Marshal(d), src)
		}
	}
}
