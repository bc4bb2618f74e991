package cli

import (
	"slices"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

func init() {
	register(&Command{
		Name:     "permissions",
		Synopsis: "Print the least-privilege IAM policy that plan, apply or import needs for a spec",
		Usage: `
Usage: teramotc permissions [flags] [SPEC]

Prints the IAM identity policy (JSON) that allows exactly the AWS calls
teramotc makes for one command on the spec (default "."), for the identity
that runs it: each action scoped to the ARNs of the spec's buckets (and of
access-log targets it names but does not declare), IAM users, roles and
managed policies (with their paths) and CloudTrail trails, in the partition
and account of its aws block. plan needs reads only; apply needs plan's
reads and the writes; import needs the reads of the spec's buckets, grants
and trails. Calls made only in some runs (a trail that drifted, a managed
policy at IAM's five versions, ...) are allowed too: docs/permissions.md
lists them. sts:GetCallerIdentity needs no permission and is left out.

The output is deterministic and takes the aws CLI's file:// form, as
render's documents do:
  teramotc permissions -command plan > plan-policy.json
  aws iam create-policy --policy-name teramotc-plan \
    --policy-document file://plan-policy.json

Without aws.account_id the account field of the IAM and CloudTrail ARNs
is "*", and a note on stderr says so. A resource named after a sensitive
value is printed as "(sensitive value)", with a warning. Offline, like
render: nothing is read outside the spec's directory.

Flags:
  -command=COMMAND     plan, apply (default) or import
  -var NAME=VALUE      set a variable (repeatable)
  -var-file=FILE       read variables from an HCL file (repeatable)
  -no-color            disable colour

Exit codes: 0 printed, 1 error (bad usage, invalid spec).
`,
		Run: runPermissions,
	})
}

func runPermissions(env *Env, args []string) int {
	fs := newFlagSet(env, "permissions")
	command := fs.String("command", "apply", "plan, apply or import")
	vars := addVarFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	path, ok := oneSpecArg(env, "permissions", rest)
	if !ok {
		return view.ExitError
	}
	if !slices.Contains(apply.PermissionCommands, *command) {
		return unknownValue(env, "permissions", "-command value", *command, apply.PermissionCommands)
	}
	c, diags := compileSpec(path, vars.options(env))
	if diags.HasErrors() || c.Out == nil {
		return failDiags(env, diags, c.files())
	}
	view.WriteDiagnostics(env.Stderr, diags, c.files(), env.ErrColor) // warnings
	p, err := apply.Permissions(c.Loaded.Spec, c.Out, *command)
	if err != nil {
		return view.WriteError(env.Stderr, "cannot compute the permissions: "+c.Loaded.Redact(err.Error()), "")
	}
	return view.WritePermissions(env.Stdout, env.Stderr, p.Document, p.Notes, c.Loaded.Redact)
}
