package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/render"
)

func init() {
	register(&Command{
		Name:     "import",
		Synopsis: "Write a spec from an existing bucket, grant and trail",
		Usage: `
Usage: teramotc import -bucket NAME [-user NAME | -role NAME] [-trail NAME] -o DIR

Reads the live state of a bucket (and optionally the IAM user or role whose
attached customer-managed policy grants access to it, and a CloudTrail
trail) and writes DIR/main.hcl, a formatted spec that "teramotc plan DIR"
reports as having no changes, except where the live state is something a
spec cannot express; then import prints a warning and a comment in the spec
says what plan shows instead:
  - no default encryption: apply adds AES256 (SSE-S3) default encryption;
  - bucket-policy statements without a Sid, or with a repeated or
    non-alphanumeric Sid, get labels (Imported1, Same2, ...) and plan shows
    the Sid rename (neutral); a Sid-less deny of insecure transport is
    imported as require_tls = true;
  - a lifecycle rule with a tag or size filter: it is imported without the
    filter and disabled (enabled = false), so applying the spec never
    deletes more; plan shows the change that disables it;
  - other lifecycle fields (dates, noncurrent transitions, ...) are left
    out; plan shows the change that drops them, which deletes nothing more;
  - what plan and apply leave alone (other policies of the user or role, a
    permissions boundary, access keys, bucket ACL grants, a trail's other
    settings) is named in a warning.
Import refuses, writing nothing, what it cannot leave out without widening
access or changing meaning (NotPrincipal or NotResource statements, trust
policies beyond one account with an external id, SSE-KMS without a key
ARN, a Deny in the grant's policy, a trail recording other buckets, ...):
one error lists each with what to change in AWS. Before writing, it plans
the spec it made against the live state and refuses a change that would
loosen access or delete data. See docs/apply.md.

A legacy bucket's spec usually has lint findings (run "teramotc lint DIR"
and review them before "teramotc plan DIR", which lints first). A role's
external id is not written to disk: the spec declares a sensitive variable
"external_id" to set with -var or TERAMOTC_VAR_external_id. Import never
writes through a symbolic link: it refuses a DIR/main.hcl that is one, and
a DIR that is one or lies under one below the working directory.

Flags:
  -bucket=NAME           the bucket to import (required)
  -user=NAME             the IAM user of the grant
  -role=NAME             the cross-account role of the grant
  -trail=NAME            the trail logging the bucket's data events
  -o, -out=DIR           output directory (required; main.hcl must not exist)
  -profile, -region, -assume-role-arn, -external-id, -endpoint-url
                         AWS connection
  -parallelism=N         buckets, grants and trails read at once (10)
  -no-color              disable colour

Exit codes: 0 written, 1 error.
`,
		Run: runImport,
	})
}

func runImport(env *Env, args []string) int {
	fs := newFlagSet(env, "import")
	var opts apply.ImportOptions
	var out string
	fs.StringVar(&opts.Bucket, "bucket", "", "bucket to import")
	fs.StringVar(&opts.User, "user", "", "IAM user of the grant")
	fs.StringVar(&opts.Role, "role", "", "cross-account role of the grant")
	fs.StringVar(&opts.Trail, "trail", "", "CloudTrail trail")
	fs.StringVar(&out, "out", "", "output directory")
	fs.StringVar(&out, "o", "", "shorthand for -out")
	af := addAWSFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "import", "import takes no positional arguments, got %s", strings.Join(rest, " "))
	case opts.Bucket == "":
		return usageError(env, "import", "-bucket is required")
	case out == "":
		return usageError(env, "import", "-o DIR is required")
	case opts.User != "" && opts.Role != "":
		return usageError(env, "import", "give -user or -role, not both")
	}
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return report(env, &problem{out + " is a file, not a directory", "-o names the directory to write main.hcl into (created if needed); give a directory path."})
	}
	path := filepath.Join(out, "main.hcl")
	if le, ok := errors.AsType[*render.LinkError](render.RefuseLinks(path)); ok {
		return report(env, &problem{fmt.Sprintf("refusing to write %s: %s is a symbolic link", path, le.Path),
			"import never writes through a symbolic link; give -o a directory that is not one and holds no main.hcl."})
	}
	if _, err := os.Lstat(path); err == nil {
		return report(env, &problem{path + " already exists", "import never overwrites a spec; give -o a directory without a main.hcl."})
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	r := &reporter{env: env}
	e, ok := connect(ctx, r, af.conn)
	if !ok {
		return view.ExitError
	}
	im, err := e.Import(ctx, opts)
	if err != nil {
		importFailed(ctx, r, e.C, opts, err)
		return view.ExitError
	}
	if p := makeDir(out, "-o names the directory to write main.hcl into (created if needed); give a directory path."); p != nil {
		return report(env, p)
	}
	if err := writeNew(path, im.HCL); err != nil {
		return report(env, &problem{fmt.Sprintf("cannot write %s: %s", path, reason(err, path)), "Check that you may write to " + out + "."})
	}
	return view.WriteImported(env.Stdout, env.Stderr, im.Notes, path, out, requiredVariables(path, im.HCL))
}

// requiredVariables returns the variables the spec src declares without a
// default (a role's external_id, which import never writes), in order: the
// commands import prints next must be given their values.
func requiredVariables(path string, src []byte) []string {
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	var names []string
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "variable" && len(b.Labels) == 1 && b.Body.Attributes["default"] == nil {
			names = append(names, b.Labels[0])
		}
	}
	return names
}

// writeNew writes data to path, which must not exist: O_EXCL also refuses
// a symbolic link put there since the check (never following it).
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

// importFailed reports why the import stopped; a bucket, user, role or
// trail that is not there is named with the flag that gave it.
func importFailed(ctx context.Context, r *reporter, c *apply.Clients, opts apply.ImportOptions, err error) {
	x := c.Explain(err)
	if x.Cause == apply.CauseNotFound && ctx.Err() == nil {
		what, flag, name := "bucket", "-bucket", opts.Bucket
		switch {
		case strings.HasPrefix(x.Action, "iam:") && opts.User != "":
			what, flag, name = "IAM user", "-user", opts.User
		case strings.HasPrefix(x.Action, "iam:") && opts.Role != "":
			what, flag, name = "IAM role", "-role", opts.Role
		case strings.HasPrefix(x.Action, "cloudtrail:"):
			what, flag, name = "trail", "-trail", opts.Trail
		}
		r.fail(fmt.Sprintf("%s %q not found", what, name),
			fmt.Sprintf("Check %s, -region and that the credentials are for the account that owns it. Nothing was written.", flag))
		if r.debug() {
			view.WriteDebug(r.env.Stderr, x.Debug)
		}
		return
	}
	r.awsFail(ctx, c, fmt.Errorf("import: %w", err), "Nothing was written.")
}
