package apply

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithy "github.com/aws/smithy-go"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// minioGrant checks, on the bucket applied by TestMinIO, that the rendered
// identity policy of a read+list grant on prefix "shared/", used as the
// session policy of MinIO credentials, allows exactly that grant.
func minioGrant(t *testing.T, m *testenv.MinIO, root *s3.Client, bucket string) {
	ctx := context.Background()
	doc := grantPolicy(t, bucket)
	for key, body := range map[string]string{"shared/a.txt": "a", "private/b.txt": "b"} {
		if _, err := root.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(body),
			ServerSideEncryption: "AES256"}); err != nil {
			t.Fatal(err)
		}
	}
	stsc := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(m.URL),
		Credentials: credentials.NewStaticCredentialsProvider(m.AccessKey, m.SecretKey, "")})
	out, err := stsc.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:minio:iam:::role/teramotc-test"),
		RoleSessionName: aws.String("teramotc"), Policy: aws.String(doc)})
	if err != nil {
		t.Fatalf("MinIO AssumeRole with the grant's policy: %v", err)
	}
	c := out.Credentials
	partner := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(m.URL), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))})
	check := func(what string, err error, allowed bool) {
		t.Helper()
		var ae smithy.APIError
		denied := errors.As(err, &ae) && ae.ErrorCode() == "AccessDenied"
		switch {
		case allowed && err != nil:
			t.Errorf("%s: want allowed, got %v", what, err)
		case !allowed && !denied:
			t.Errorf("%s: want AccessDenied, got %v", what, err)
		}
	}
	_, err = partner.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String("shared/a.txt")})
	check("read inside the prefix", err, true)
	_, err = partner.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String("shared/")})
	check("list inside the prefix", err, true)
	_, err = partner.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String("private/b.txt")})
	check("read outside the prefix", err, false)
	_, err = partner.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String("private/")})
	check("list outside the prefix", err, false)
	_, err = partner.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("shared/c.txt"), Body: strings.NewReader("c"),
		ServerSideEncryption: "AES256"})
	check("write (not granted)", err, false)
	_, err = partner.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String("shared/a.txt")})
	check("delete (not granted)", err, false)
}

// grantPolicy renders the identity policy of a read+list grant on prefix
// "shared/" of the minimal example's bucket, renamed to bucket.
func grantPolicy(t *testing.T, bucket string) string {
	t.Helper()
	loaded, diags := spec.Load("../../examples/minimal", spec.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	s := loaded.Spec
	s.Buckets[0].Name.Value = bucket
	s.Grants = append(s.Grants, &spec.Grant{Block: spec.Block{Address: "grant.partner"}, Label: "partner",
		Bucket:      spec.Attr[string]{Value: s.Buckets[0].Label},
		Permissions: spec.Attr[[]string]{Value: []string{"read", "list"}},
		Prefix:      spec.Attr[string]{Value: "shared/"},
		IAMUser:     &spec.IAMUser{Name: spec.Attr[string]{Value: "partner"}, PolicyName: spec.Attr[string]{Value: "partner"}}})
	out, diags := render.Render(s)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, d := range out.Documents {
		if d.Kind == render.KindIdentityPolicy {
			return string(render.Marshal(d))
		}
	}
	t.Fatal("no identity policy rendered")
	return ""
}
