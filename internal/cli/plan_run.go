package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/rules"
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
	fs.IntVar(&a.parallelism, "parallelism", 10, "buckets, grants and trails worked on at once")
	return a
}

// planned is a computed plan with what apply needs to execute it.
type planned struct {
	engine *apply.Engine
	plan   *apply.Plan
	spec   *spec.Spec
}

// planSpec compiles the spec, runs the lint gate, reads the live state and
// diffs it. On failure it prints to stderr and returns ok=false.
func planSpec(ctx context.Context, env *Env, path string, opts spec.Options, af *awsFlags, skipLint bool) (*planned, bool) {
	c, diags := compileSpec(path, opts)
	if diags.HasErrors() || c.Out == nil {
		failDiags(env, diags, c.files())
		return nil, false
	}
	if len(diags) > 0 {
		view.WriteDiagnostics(env.Stderr, diags, c.files(), env.Color)
	}
	if !skipLint && !lintGate(ctx, env, path, opts) {
		return nil, false
	}
	if skipLint {
		fmt.Fprintln(env.Stderr, "Warning: -skip-lint: lint rules were not run; only validation gated this plan.")
	}
	clients, err := apply.Connect(ctx, af.conn)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return nil, false
	}
	e, err := apply.NewEngine(ctx, clients)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n\nCheck your AWS credentials (-profile, AWS_PROFILE, environment) and -endpoint-url.\n", err)
		return nil, false
	}
	e.Parallelism = af.parallelism
	s := c.Loaded.Spec
	if want := s.AWS.AccountID.Value; want != "" && want != e.Account {
		fmt.Fprintf(env.Stderr, "Error: the spec is for account %s, but the credentials are for account %s (%s).\n\nUse credentials of account %s, or fix aws.account_id in the spec.\n",
			want, e.Account, e.CallerARN, want)
		return nil, false
	}
	items, err := apply.Desired(s, c.Out)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return nil, false
	}
	live, err := e.Read(ctx, items)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: reading the live state: %v\n", err)
		return nil, false
	}
	return &planned{engine: e, plan: e.MakePlan(items, live), spec: s}, true
}

// lintGate runs the built-in rules and blocks on unsuppressed error
// findings.
func lintGate(ctx context.Context, env *Env, path string, opts spec.Options) bool {
	set, err := rules.Load(ctx, rules.Options{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: loading the lint rules: %v\n", err)
		return false
	}
	results := set.Lint(ctx, []string{path}, rules.LintOptions{Spec: opts, Now: env.Now()})
	report := lintReport(results, set, rules.SeverityError)
	blocking := 0
	for _, f := range report.Findings {
		if f.Suppression == nil && f.Rule.Severity == rules.SeverityError {
			blocking++
		}
	}
	if blocking == 0 && !report.Errors.HasErrors() {
		return true
	}
	report.Color = env.Color
	_ = view.WriteLint(env.Stderr, "text", report)
	fmt.Fprintf(env.Stderr, "\nError: lint found %d error finding(s); nothing was read from or written to AWS.\n\nFix the findings, suppress them with a reason, or rerun with -skip-lint.\n", blocking)
	return false
}
