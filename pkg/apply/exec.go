package apply

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
)

// Result summarizes an apply.
type Result struct {
	Added, Changed int
	// Removed counts the policy attachments of revoked grants detached.
	Removed int
	// Skipped lists changes the endpoint cannot perform.
	Skipped []string
	// KeyFiles lists the files access keys were written to.
	KeyFiles []string
}

// ErrDestructive is returned when a plan has destructive changes and
// AllowDestructive is false.
var ErrDestructive = errors.New("the plan deletes data sooner than the live configuration; review it and rerun with -allow-destructive")

// stage is one barrier of the converge order: every change of a stage, in
// every bucket, is done and verified before the next stage starts.
type stage struct {
	name  string
	types []string // item types, in their order within one bucket
	phase string   // bucket-policy phase written in this stage
}

// The revoke stage comes first (apply-engine.md §2.2 step 2: "removals
// first so a failed run never leaves extra access"): every live policy that
// loses access is narrowed before any other write (see phase.go). A
// revoked grant's keys are deactivated before its policy is detached: the
// keys are the credential in the partner's hands. The plan lists the
// revoke step in this order too (planOrder).
var stages = []stage{
	{name: "revoke", types: []string{TManagedPolicy, TIAMRole, TBucketPolicy, TAccessKey, TAttachment}, phase: phaseRevoke},
	{name: "bucket", types: []string{TBucket}},
	{name: "guardrails", types: []string{TPublicAccessBlock, TOwnership, TEncryption, TVersioning, TTagging, TBucketPolicy}, phase: phaseDeny},
	{name: "retention", types: []string{TLifecycle}},
	{name: "audit policies", types: []string{TBucketPolicy}, phase: phaseService},
	{name: "audit", types: []string{TLogging, TTrail, TEventSelectors, TTrailLogging}},
	{name: "identity", types: []string{TIAMUser, TIAMRole, TAccessKey}},
	{name: "grant identity policies", types: []string{TManagedPolicy, TAttachment}},
	{name: "grant bucket policies", types: []string{TBucketPolicy}, phase: phaseFull},
}

// Apply converges the plan's changes in the safe order. Stages run one
// after the other; inside a stage, buckets (and grants, trails) run in
// parallel and the writes of one bucket are serialized. The first failing
// stage stops the run, so nothing after it (grants in particular) is
// written; a rerun converges from wherever the run stopped.
func (e *Engine) Apply(ctx context.Context, p *Plan, allowDestructive bool) (*Result, error) {
	e.defaults()
	if d := p.Destructive(); len(d) > 0 && !allowDestructive {
		return nil, fmt.Errorf("%w: %s", ErrDestructive, d[0].Reason)
	}
	e.start = time.Now()
	e.secrets = p.secrets() // progress lines mask them, as the plan does
	res := &Result{}
	done := map[*Change]bool{} // counted or skipped, in an earlier stage
	for _, st := range stages {
		todo := e.stageTodo(p, st, res, done)
		if len(todo) == 0 {
			continue
		}
		skipped, err := e.runStage(ctx, p, st, todo, res)
		if err != nil {
			res.KeyFiles = e.writtenKeyFiles() // a key created before the failure is on disk
			return res, fmt.Errorf("stage %q failed, later stages (grants included) were not run: %w", st.name, err)
		}
		countDone(res, done, st, todo, skipped)
	}
	res.KeyFiles = e.writtenKeyFiles()
	return res, nil
}

// stageTodo returns the plan's changes of stage st, in the stage's type
// order. A change the endpoint cannot perform is left out, and warned
// about and added to res.Skipped the first time a stage meets it.
func (e *Engine) stageTodo(p *Plan, st stage, res *Result, done map[*Change]bool) []*Change {
	var todo []*Change
	for _, c := range p.Changes {
		if !slices.Contains(st.types, c.Type) || !inStage(c, st) {
			continue
		}
		if c.Unsupported != "" {
			if !done[c] {
				e.warnOnce(c.Key(), c.Unsupported+"; skipped")
				res.Skipped = append(res.Skipped, c.Key())
				done[c] = true
			}
			continue
		}
		todo = append(todo, c)
	}
	sort.SliceStable(todo, func(i, j int) bool {
		return slices.Index(st.types, todo[i].Type) < slices.Index(st.types, todo[j].Type)
	})
	return todo
}

// inStage reports whether change c, of one of stage st's types, belongs to
// st: a revoked grant's change is written in the revoke stage only, and a
// grant's attachment or access key never in it.
func inStage(c *Change, st stage) bool {
	revoked := c.item != nil && c.item.Revoke
	if revoked || c.Type == TAttachment || c.Type == TAccessKey {
		return revoked == (st.phase == phaseRevoke)
	}
	return true
}

// runStage applies todo, the changes of stage st: the changes of one
// bucket (or grant, trail) one after the other, the groups in parallel.
// A write the endpoint rejects as unsupported is added to res.Skipped and
// returned in skipped; any other error stops the stage.
func (e *Engine) runStage(ctx context.Context, p *Plan, st stage, todo []*Change, res *Result) (skipped map[*Change]bool, err error) {
	groups := groupChanges(todo)
	var skipMu sync.Mutex
	skipped = map[*Change]bool{}
	err = e.parallel(ctx, len(groups), func(ctx context.Context, i int) error {
		var revokeErrs []error // failed revocations: the group's other revocations still run
		for _, c := range groups[i] {
			if err := takePlace(ctx); err != nil { // interrupted: start no further change
				return joinFirst(revokeErrs, err)
			}
			if err := e.applyChange(ctx, p, c, st.phase); err != nil {
				skip, refused := e.skipUnsupported(p, c, st.phase, err)
				switch {
				case skip:
					skipMu.Lock()
					res.Skipped = append(res.Skipped, c.Key())
					skipped[c] = true
					skipMu.Unlock()
					continue
				case refused != err:
					err = refused // names the change itself
				default:
					err = fmt.Errorf("%s %s: %w", c.Type, c.Name, err)
				}
				if c.item.Revoke && ctx.Err() == nil {
					// A revoked grant's detach and key deactivation are
					// independent removals of access: one failing must
					// not leave the other undone.
					revokeErrs = append(revokeErrs, err)
					continue
				}
				return joinFirst(revokeErrs, err)
			}
		}
		return joinFirst(revokeErrs, nil)
	})
	return skipped, err
}

// joinFirst returns the errors of errs and err, in order: nil for none,
// the error itself for one (so callers see it unwrapped), else joined.
func joinFirst(errs []error, err error) error {
	if err != nil {
		errs = append(errs, err)
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// countDone counts the changes stage st completed as added or changed,
// each once: not those skipped, nor those a later stage completes (the
// revoke stage's writes, a bucket policy's phases before the full one).
func countDone(res *Result, done map[*Change]bool, st stage, todo []*Change, skipped map[*Change]bool) {
	for _, c := range todo {
		revoked := c.item != nil && c.item.Revoke // complete after the revoke stage
		if skipped[c] || done[c] || st.phase == phaseRevoke && !revoked || (c.Type == TBucketPolicy && st.phase != phaseFull) {
			continue
		}
		done[c] = true
		switch c.Action {
		case ActionCreate:
			res.Added++
		case ActionDelete:
			res.Removed++
		default:
			res.Changed++
		}
	}
}

// writtenKeyFiles returns the access key files written so far.
func (e *Engine) writtenKeyFiles() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string{}, e.keyFiles...)
}

// groupChanges groups changes like groupItems, keeping the stage's type
// order inside a group (changes are already sorted by step, then by type
// order of the stage via the plan order).
func groupChanges(cs []*Change) [][]*Change {
	idx := map[string]int{}
	var groups [][]*Change
	for _, c := range cs {
		g := "addr:" + c.Address
		if c.item.Bucket != "" {
			g = "bucket:" + c.item.Bucket
		}
		i, ok := idx[g]
		if !ok {
			i = len(groups)
			idx[g] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], c)
	}
	return groups
}

// writesFollow reports whether the plan writes a sub-resource of bucket
// (after creating it: buckets come first). The first of those writes
// retries NoSuchBucket until a new bucket is visible, so creating it need
// not wait with HeadBucket: one request less per new bucket.
func (p *Plan) writesFollow(bucket string) bool {
	for _, c := range p.Changes {
		if c.Type != TBucket && c.Unsupported == "" && c.item != nil && c.item.Bucket == bucket {
			return true
		}
	}
	return false
}
