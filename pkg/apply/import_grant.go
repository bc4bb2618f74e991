package apply

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

func traversal(root, attr string) hcl.Traversal {
	return hcl.Traversal{hcl.TraverseRoot{Name: root}, hcl.TraverseAttr{Name: attr}}
}

var permissionOf = map[string]string{"s3:getobject": "read", "s3:putobject": "write", "s3:deleteobject": "delete", "s3:listbucket": "list"}

func (e *Engine) importGrant(ctx context.Context, root *hclwrite.Body, bucketLabel string, opts ImportOptions, im *Imported) error {
	owner, name := "user/"+opts.User, opts.User
	if opts.Role != "" {
		owner, name = "role/"+opts.Role, opts.Role
	}
	policyName, doc, others, err := e.attachedPolicy(ctx, owner, opts.Bucket)
	if err != nil {
		return err
	}
	if err := e.importIdentityExtras(ctx, owner, others, im); err != nil {
		return err
	}
	dm, _ := doc.(map[string]any)
	im.checkVersion(fmt.Sprintf("%s: the managed policy %s", owner, policyName), dm)
	g := root.AppendNewBlock("grant", []string{hclLabel(name)}).Body()
	g.SetAttributeTraversal("bucket", traversal("bucket", bucketLabel))
	var perms, extra []string
	prefix := ""
	for _, s := range statements(doc) {
		sid := str(s["Sid"])
		if sid == "KMSAccess" {
			continue
		}
		im.checkGrantStatement(owner, policyName, s)
		for _, a := range stringSet(s["Action"], nil) {
			if p, ok := permissionOf[strings.ToLower(a)]; ok {
				perms = append(perms, p)
			} else {
				extra = append(extra, a)
			}
		}
		if sid == "ObjectAccess" {
			for _, r := range stringSet(s["Resource"], nil) {
				if i := strings.Index(r, ":::"); i >= 0 {
					if _, rest, ok := strings.Cut(r[i+3:], "/"); ok {
						prefix = strings.TrimSuffix(rest, "*")
					}
				}
			}
		}
	}
	perms, extra = dedupe(perms), dedupe(extra)
	g.SetAttributeValue("permissions", strList(perms))
	if len(extra) > 0 {
		g.SetAttributeValue("extra_actions", strList(extra))
	}
	if prefix != "" {
		g.SetAttributeValue("prefix", cty.StringVal(prefix))
	}
	if opts.User != "" {
		out, err := e.C.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(opts.User)})
		if err != nil {
			return fmt.Errorf("user %s: %w", opts.User, err)
		}
		boundaryNote("user", opts.User, out.User.PermissionsBoundary, im)
		u := g.AppendNewBlock("iam_user", nil).Body()
		u.SetAttributeValue("name", cty.StringVal(opts.User))
		if p := aws.ToString(out.User.Path); p != "/" && p != "" {
			u.SetAttributeValue("path", cty.StringVal(p))
		}
		u.SetAttributeValue("policy_name", cty.StringVal(policyName))
	} else {
		if err := e.importRole(ctx, g, opts.Role, policyName, im); err != nil {
			return err
		}
	}
	root.AppendNewline()
	return nil
}

// attachedPolicy returns the customer-managed policy attached to owner
// that names bucket (or, when none does, the first one), and the ARNs of
// the other policies attached to owner.
func (e *Engine) attachedPolicy(ctx context.Context, owner, bucket string) (string, any, []string, error) {
	kind, name := splitOwner(owner)
	var arns []string
	if kind == "user" {
		out, err := e.C.IAM.ListAttachedUserPolicies(ctx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String(name)})
		if err != nil {
			return "", nil, nil, fmt.Errorf("%s: %w", owner, err)
		}
		for _, p := range out.AttachedPolicies {
			arns = append(arns, aws.ToString(p.PolicyArn))
		}
	} else {
		out, err := e.C.IAM.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String(name)})
		if err != nil {
			return "", nil, nil, fmt.Errorf("%s: %w", owner, err)
		}
		for _, p := range out.AttachedPolicies {
			arns = append(arns, aws.ToString(p.PolicyArn))
		}
	}
	chosen := -1
	var doc any
	for i, arn := range arns {
		if strings.Contains(arn, ":iam::aws:") {
			continue
		}
		d, err := e.policyDocument(ctx, arn)
		if err != nil {
			return "", nil, nil, err
		}
		if chosen < 0 || (!namesBucket(doc, bucket) && namesBucket(d, bucket)) {
			chosen, doc = i, d
		}
	}
	if chosen < 0 {
		return "", nil, nil, &Problem{Summary: fmt.Sprintf("cannot import: %s has no customer-managed policy attached", owner),
			Detail: "A grant is one customer-managed policy attached to the user or role; inline and AWS-managed policies cannot be one. " +
				"Import the bucket without -user/-role, or move the access into a customer-managed policy and import again. Nothing was written."}
	}
	others := append(append([]string{}, arns[:chosen]...), arns[chosen+1:]...)
	return arns[chosen][strings.LastIndex(arns[chosen], "/")+1:], doc, others, nil
}

// namesBucket reports whether a policy document has a resource in bucket.
func namesBucket(doc any, bucket string) bool {
	for _, s := range statements(doc) {
		for _, r := range stringSet(s["Resource"], nil) {
			if _, rest, ok := strings.Cut(r, ":s3:::"); ok && (rest == bucket || strings.HasPrefix(rest, bucket+"/")) {
				return true
			}
		}
	}
	return false
}

func (e *Engine) importRole(ctx context.Context, g *hclwrite.Body, role, policyName string, im *Imported) error {
	out, err := e.C.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(role)})
	if err != nil {
		return fmt.Errorf("role %s: %w", role, err)
	}
	doc, err := ParsePolicy(aws.ToString(out.Role.AssumeRolePolicyDocument))
	if err != nil {
		return err
	}
	boundaryNote("role", role, out.Role.PermissionsBoundary, im)
	tm, _ := doc.(map[string]any)
	im.checkVersion("role "+role+": the trust policy", tm)
	before := len(im.refused)
	if im.externalID = im.checkTrust(role, doc); im.externalID == "" && len(im.refused) == before {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: role %s: the trust policy has no sts:ExternalId condition, which a spec requires; "+
			"plan shows the trust-policy change that adds it (tighten): set external_id to the id the partner will send.", role))
	}
	r := g.AppendNewBlock("cross_account_role", nil).Body()
	r.SetAttributeValue("name", cty.StringVal(role))
	if p := aws.ToString(out.Role.Path); p != "/" && p != "" {
		r.SetAttributeValue("path", cty.StringVal(p))
	}
	for _, s := range statements(doc) {
		p, _ := s["Principal"].(map[string]any)
		for _, id := range stringSet(p["AWS"], nil) {
			parts := strings.Split(id, ":")
			switch {
			case len(parts) == 6 && parts[5] == "root":
				r.SetAttributeValue("trusted_account_id", cty.StringVal(parts[4]))
				r.SetAttributeValue("trusted_principal", cty.StringVal("root"))
			case len(parts) == 6:
				r.SetAttributeValue("trusted_account_id", cty.StringVal(parts[4]))
				r.SetAttributeValue("trusted_principal", cty.StringVal(id))
			case accountID.MatchString(id):
				r.SetAttributeValue("trusted_account_id", cty.StringVal(id))
				r.SetAttributeValue("trusted_principal", cty.StringVal("root"))
			}
		}
		break
	}
	r.SetAttributeTraversal("external_id", traversal("var", "external_id"))
	r.SetAttributeValue("max_session_duration", cty.NumberIntVal(int64(aws.ToInt32(out.Role.MaxSessionDuration))))
	r.SetAttributeValue("policy_name", cty.StringVal(policyName))
	im.Notes = append(im.Notes, "The role's external id is not written to disk: set it with -var external_id=... or TERAMOTC_VAR_external_id.")
	return nil
}
