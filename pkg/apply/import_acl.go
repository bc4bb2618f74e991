package apply

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// aclGetter is the part of the S3 client that reads a bucket ACL; the
// engine's S3API does not need it, so import asks for it only here (the
// SDK's client has it; a client without it is not asked).
type aclGetter interface {
	GetBucketAcl(context.Context, *s3.GetBucketAclInput, ...func(*s3.Options)) (*s3.GetBucketAclOutput, error)
}

// importACL warns about the grants of a bucket ACL beyond the owner's
// own (ACLs are in force unless ownership is BucketOwnerEnforced). A spec
// does not express ACLs and plan and apply leave them as they are, so the
// bucket may be open to more than the spec says.
func importACL(ctx context.Context, c S3API, bucket, ownership string, expectedOwner *string, im *Imported) {
	if ownership == string(s3types.ObjectOwnershipBucketOwnerEnforced) {
		return
	}
	grants, err := aclGrants(ctx, c, bucket, expectedOwner)
	if err != nil {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: its ACL could not be read (%v); check with s3api get-bucket-acl "+
			"that it grants nothing beyond the owner, since a spec does not express ACLs.", bucket, redactErr(err)))
		return
	}
	if len(grants) == 0 {
		return
	}
	im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: its ACL grants %s, which a spec cannot express; plan and apply leave the ACL "+
		"as it is, so the bucket is open to more than the spec says. To end ACL access, set object_ownership = \"BucketOwnerEnforced\" "+
		"(it disables ACLs; plan shows that change) or run s3api put-bucket-acl --acl private.", bucket, strings.Join(grants, ", ")))
}

// aclGrants reads a bucket's ACL (GetBucketAcl, one call) and lists its
// grants beyond the owner's own, as "PERMISSION to GRANTEE". A client
// without GetBucketAcl, or an endpoint that does not support it, is not an
// error: there is nothing to list (nil, nil).
func aclGrants(ctx context.Context, c S3API, bucket string, expectedOwner *string) ([]string, error) {
	g, ok := c.(aclGetter)
	if !ok {
		return nil, nil
	}
	out, err := g.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String(bucket), ExpectedBucketOwner: expectedOwner})
	if err != nil {
		if isUnsupported(err) {
			return nil, nil
		}
		return nil, err
	}
	owner := ""
	if out.Owner != nil {
		owner = aws.ToString(out.Owner.ID)
	}
	var grants []string
	for _, gr := range out.Grants {
		if gr.Grantee == nil {
			continue
		}
		who := ""
		switch {
		case gr.Grantee.URI != nil:
			uri := aws.ToString(gr.Grantee.URI)
			who = uri[strings.LastIndex(uri, "/")+1:]
			switch who {
			case "AllUsers":
				who = "everyone (AllUsers)"
			case "AuthenticatedUsers":
				who = "every AWS account (AuthenticatedUsers)"
			}
		case gr.Grantee.EmailAddress != nil:
			who = aws.ToString(gr.Grantee.EmailAddress)
		case aws.ToString(gr.Grantee.ID) == owner:
			continue
		default:
			who = "canonical user " + aws.ToString(gr.Grantee.ID)
		}
		grants = append(grants, fmt.Sprintf("%s to %s", gr.Permission, who))
	}
	return grants, nil
}

// loggingNotes warns about what a bucket's access logging (le, its
// LoggingEnabled) has beyond target bucket and prefix: TargetGrants
// (ACL grants on every log object) and TargetObjectKeyFormat. plan does
// not compare them; apply drops them only when it rewrites the logging
// configuration for another change of the access_logging block.
func loggingNotes(bucket string, le map[string]any, im *Imported) {
	var has []string
	if gs, _ := le["TargetGrants"].([]any); len(gs) > 0 {
		var who []string
		for _, e := range gs {
			g, _ := e.(map[string]any)
			gr, _ := g["Grantee"].(map[string]any)
			id := str(gr["URI"])
			if id == "" {
				id = str(gr["ID"]) + str(gr["EmailAddress"])
			}
			who = append(who, str(g["Permission"])+" to "+id[strings.LastIndex(id, "/")+1:])
		}
		has = append(has, "TargetGrants ("+strings.Join(who, ", ")+" on every log object)")
	}
	if f, ok := le["TargetObjectKeyFormat"].(map[string]any); ok && len(f) > 0 {
		has = append(has, "TargetObjectKeyFormat")
	}
	if len(has) == 0 {
		return
	}
	im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: its access logging has %s, which a spec cannot express; plan leaves "+
		"them as they are, but apply drops them when it changes the access_logging block. Remove them with s3api put-bucket-logging "+
		"if no one should have that access to the logs.", bucket, strings.Join(has, " and ")))
}
