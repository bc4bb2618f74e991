package apply

// A user whose grant sets create_access_key while every key it has is
// Inactive: a revoked_grant deactivated them (or someone did by hand), and
// the block became a grant again. apply creates a key only for a user with
// none, and it never reactivates one (a key out of use may have leaked
// meanwhile), so without a warning the re-grant would read as restored
// access while the partner still cannot sign a request (docs/apply.md,
// "Access keys" and "Revoking a grant").

import (
	"fmt"
	"path/filepath"
)

// inactiveKeysWarning is the plan warning about user (of the grant at
// address) whose keys all are Inactive, "" when it has none or an active
// one. It names the keys as keyNames does and gives both ways out:
// reactivate a key whose secret the partner still holds, or delete every
// inactive key so that the next apply creates a new one (apply creates a
// key only when the user has none, and IAM allows two per user).
func (e *Engine) inactiveKeysWarning(user, address string, keys []accessKey) string {
	if len(keys) == 0 || len(activeIDs(keys)) > 0 {
		return ""
	}
	ids := keyIDs(keys)
	what, all := "its access key "+keyNames(ids)+" is", "it"
	if len(ids) > 1 {
		what, all = fmt.Sprintf("its %d access keys (%s) are", len(ids), keyNames(ids)), "both (IAM allows two keys per user, and apply creates one only when the user has none)"
	}
	return fmt.Sprintf("user %s has no active access key: %s Inactive (a revoked_grant deactivates a revoked user's keys), "+
		"and create_access_key in %s creates a key only when the user has none, so this plan creates no key and the user still cannot sign requests with one after apply. "+
		"teramotc never reactivates a key: one that was out of use may have leaked meanwhile. "+
		"Either reactivate it, if the partner still holds its secret and you are sure it was not exposed: "+
		"aws iam update-access-key --user-name %s --access-key-id ID --status Active, with the full id from aws iam list-access-keys --user-name %s; "+
		"or delete %s (%s) and move the old key file %s out of -key-dir, and the next apply creates a new key",
		user, what, address, user, user, all, deleteKeyCommands(user, ids), filepath.Base(e.keyFilePath(user)))
}
