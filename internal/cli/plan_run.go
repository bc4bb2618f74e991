package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/spec"
)

// awsFlags are the connection flags of plan, apply and import.
type awsFlags struct {
	conn        apply.ConnectOptions
	parallelism int
}

func addAWSFlags(fs *flag.FlagSet) *awsFlags {
	a := &awsFlags{}
	fs.StringVar(&a.conn.Profile, "profile", "", "AWS shared-config profile")
	fs.StringVar(&a.conn.Region, "region", "", "default AWS region")
	fs.StringVar(&a.conn.AssumeRoleARN, "assume-role-arn", "", "role to assume before calling AWS")
	fs.StringVar(&a.conn.ExternalID, "external-id", "", "external id for -assume-role-arn")
	fs.StringVar(&a.conn.EndpointURL, "endpoint-url", "", "S3-compatible or emulator endpoint (default $AWS_ENDPOINT_URL)")
	a.parallelism = 10
	fs.Var(positiveInt{&a.parallelism, "parallelism"}, "parallelism", "buckets, grants and trails sending requests at once")
	return a
}

// planned is a computed plan with what apply needs to execute it.
type planned struct {
	engine *apply.Engine
	plan   *apply.Plan
	spec   *spec.Spec
	loaded *spec.Loaded // its files, for the plan file's hashes
}

// reporter prints what plan and apply say besides the plan itself: as
// text on stderr, or, under -json, as diagnostic events on stdout.
type reporter struct {
	env *Env
	ev  *view.Events // nil for text
	// planSkippedLint is set when applying a plan file made with
	// -skip-lint: the lint gate's refusal says so.
	planSkippedLint bool
}

func (r *reporter) diags(diags hcl.Diagnostics, files map[string]*hcl.File) {
	if r.ev != nil {
		r.ev.Diagnostics(diags, files)
		return
	}
	view.WriteDiagnostics(r.env.Stderr, diags, files, r.env.ErrColor)
}

// fail reports an error: "Error: summary", then the detail saying what to
// do.
func (r *reporter) fail(summary, detail string) {
	if r.ev != nil {
		r.ev.Problem(hcl.DiagError, summary, detail)
		return
	}
	view.WriteError(r.env.Stderr, summary, detail)
}

func (r *reporter) warn(summary string) {
	if r.ev != nil {
		r.ev.Problem(hcl.DiagWarning, summary, "")
		return
	}
	view.WriteWarning(r.env.Stderr, summary)
}

// planSpec compiles the spec, runs the lint gate, reads the live state and
// diffs it. On failure it reports why and returns ok=false.
func planSpec(ctx context.Context, r *reporter, path string, opts spec.Options, af *awsFlags, gate *gateFlags) (*planned, bool) {
	c, diags := compileSpec(path, opts)
	if diags.HasErrors() || c.Out == nil {
		r.diags(diags, c.files())
		return nil, false
	}
	if len(diags) > 0 {
		r.diags(diags, c.files())
	}
	if !gate.skip && !lintGate(ctx, r, path, opts, gate) {
		return nil, false
	}
	if gate.skip {
		r.warn("-skip-lint: lint rules were not run; only validation gated this plan.")
	}
	e, ok := connect(ctx, r, af.conn)
	if !ok {
		return nil, false
	}
	e.Parallelism = af.parallelism
	s := c.Loaded.Spec
	if want := s.AWS.AccountID.Value; want != "" && want != e.Account {
		r.fail(fmt.Sprintf("the spec is for account %s, but the credentials are for account %s (%s).", want, e.Account, e.CallerARN),
			fmt.Sprintf("Use credentials of account %s, or fix aws.account_id in the spec.", want))
		return nil, false
	}
	if diags, err := e.CheckLogTargets(ctx, s); err != nil || diags.HasErrors() {
		if err != nil {
			r.awsFail(ctx, e.C, err, "Nothing was written to AWS.")
		} else {
			r.diags(diags, c.files())
		}
		return nil, false
	}
	items, err := apply.Desired(s, c.Out)
	if err != nil {
		failProblem(r, err) // a rendered document apply cannot read: a bug
		return nil, false
	}
	live, err := e.Read(ctx, items)
	if err != nil {
		r.awsFail(ctx, e.C, fmt.Errorf("reading the live state: %w", err), "Nothing was written to AWS.")
		return nil, false
	}
	plan := e.MakePlan(items, live)
	e.WarnOtherAttachments(ctx, plan)
	return &planned{engine: e, plan: plan, spec: s, loaded: c.Loaded}, true
}
