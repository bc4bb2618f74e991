package apply

// A revoked user's console password (its IAM login profile). A password
// is a credential, not a permission: what the user may do comes from its
// policies and groups, so the password does not keep the access keys
// active (revokedChange), and apply does not delete it (a revocation
// deletes nothing). But the person holding it can still sign in to the
// console as that user, so plan warns and names the command that deletes
// it (docs/apply.md, "Revoking a grant").

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// loginProfileReader is the part of the IAM client that tells whether a
// user has a console password; a client without it is not asked.
type loginProfileReader interface {
	GetLoginProfile(context.Context, *iam.GetLoginProfileInput, ...func(*iam.Options)) (*iam.GetLoginProfileOutput, error)
}

// revokedLoginWarning is the plan warning about the console password of
// revoked user name (declared at address), "" when it has none. One
// GetLoginProfile call per revoked user that exists, in every plan: the
// warning repeats until the password is deleted.
func (e *Engine) revokedLoginWarning(ctx context.Context, name, address string) string {
	lr, ok := e.C.IAM.(loginProfileReader)
	if !ok {
		return ""
	}
	_, err := lr.GetLoginProfile(ctx, &iam.GetLoginProfileInput{UserName: aws.String(name)})
	switch {
	case isNotFound(err) || (err != nil && e.C.Endpoint != "" && isUnsupported(err)):
		return "" // no console password (or an endpoint without login profiles)
	case err != nil:
		// The error in parentheses: a plan file compares its code only
		// (comparableWarning).
		return fmt.Sprintf("could not read whether revoked user %s (%s) still has a console password (%v); "+
			"check with: aws iam get-login-profile --user-name %s", name, address, err, name)
	}
	return fmt.Sprintf("revoked user %s (%s) still has a console password (IAM login profile), which apply leaves: "+
		"whoever holds it can still sign in to the AWS console as the user, with any access the user keeps. "+
		"The password grants no permission by itself, so it does not keep the user's access keys active. "+
		"To end console sign-in, delete it: aws iam delete-login-profile --user-name %s", name, address, name)
}
