package apply

// A create (CreateUser, CreateRole, CreatePolicy, CreateBucket) answered
// "already exists" (IAM EntityAlreadyExists, S3 BucketAlreadyOwnedByYou)
// means one of two things:
//
//   - an earlier attempt of this run's own create reached AWS and its
//     answer was lost (a timeout, a dropped connection, a server fault), and
//     the SDK's retryer or the resource-level retry (retry.go) sent the call
//     again: the resource is ours, and apply goes on with it;
//   - someone else created it between the plan's read and this write: the
//     operator approved a plan that showed a new, empty resource, and the
//     existing one may carry state the plan never showed (policies, group
//     memberships, access keys, objects, ACLs, tags). Taking it over would
//     apply a plan nobody reviewed, so the change stops with a *Problem and
//     nothing is written to it.
//
// They are told apart by what this change sent: a middleware added per
// call as the last of the Finalize step (after the SDK's retry middleware
// and signing) sees every attempt of the create that reached the wire,
// and the attempts of every create call of one change (the resource-level
// retry may send several) are recorded together. "Already exists" is adopted only when an earlier
// attempt may have created the resource: it succeeded (a later step of the
// change failed and the whole change was retried), or it ended without an
// answer that proves nothing was made (keyNotCreated's test, as for
// CreateAccessKey). So a single attempt answered "already exists", or one
// after attempts that were all refused (throttling), is refused.
//
// us-east-1 is the exception S3 leaves: CreateBucket there answers 200 for
// a bucket the caller's account already owns, so a bucket made by someone
// else in the account after the plan's HeadBucket cannot be told from a
// new one, and apply configures it as planned (docs/apply.md, "Created
// since the plan").

import (
	"context"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
)

// createAttempts is what the create calls of one change sent.
type createAttempts struct {
	mu      sync.Mutex
	sent    int  // attempts, all calls together
	created bool // an attempt may have created the resource
}

// record notes one attempt that ended with err.
func (a *createAttempts) record(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.sent++
	if err == nil || !keyNotCreated(err) {
		a.created = true
	}
}

func (a *createAttempts) mayHaveCreated() (bool, int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.created, a.sent
}

// attemptCounterID names the counting middleware in the stack.
const attemptCounterID = "teramotcCreateAttempts"

// addCounter adds the middleware that records each attempt as the last of
// the Finalize step: after the SDK's retry middleware, so each attempt
// passes through it once, and after the credential lookup, endpoint
// resolution and signing that follow "Retry", so an attempt that failed
// there, and sent nothing, is not counted as one that may have created
// the resource.
func (a *createAttempts) addCounter(st *middleware.Stack) error {
	return st.Finalize.Add(middleware.FinalizeMiddlewareFunc(attemptCounterID,
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleFinalize(ctx, in)
			a.record(err)
			return out, md, err
		}), middleware.After)
}

// countIAM and countS3 are the per-call options that count a create's
// attempts (the client's options are copied per call, so the client is
// not changed).
func (a *createAttempts) countIAM(o *iam.Options) { o.APIOptions = append(o.APIOptions, a.addCounter) }
func (a *createAttempts) countS3(o *s3.Options)   { o.APIOptions = append(o.APIOptions, a.addCounter) }

// createLog holds the create attempts of each change of a run.
type createLog struct {
	mu sync.Mutex
	m  map[*Change]*createAttempts
}

// attemptsOf returns the attempts of the change ctx carries (applyChange
// puts it there); outside a change, a fresh record that adopts nothing.
func (e *Engine) attemptsOf(ctx context.Context) *createAttempts {
	c := changeOf(ctx)
	if c == nil {
		return &createAttempts{}
	}
	l := &e.creates
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = map[*Change]*createAttempts{}
	}
	if l.m[c] == nil {
		l.m[c] = &createAttempts{}
	}
	return l.m[c]
}

// settleCreate judges the error of it's create call, sent with a's
// counter. It returns adopt=false and a nil error when the call created
// the resource; adopt=true when it answered "already exists" after an
// attempt of this change that may have created it; otherwise an error:
// the call's own, or a *Problem when the resource was created by someone
// else since the plan.
func (e *Engine) settleCreate(ctx context.Context, a *createAttempts, it *Item, err error) (adopt bool, _ error) {
	if err == nil {
		a.mu.Lock()
		a.created = true // also when the client has no counter (test fakes)
		a.mu.Unlock()
		return false, nil
	}
	kind, call, code := createNames(it.Type)
	if errorCode(err) != code {
		return false, err
	}
	if created, sent := a.mayHaveCreated(); created {
		e.report(ProgressEvent{Kind: ProgressAdopted, Change: changeOf(ctx), Subject: it.Type + "." + it.Name, Call: call, Code: code, Attempts: sent})
		return true, nil
	}
	name := it.Name
	if it.Type == TBucket {
		name = it.Bucket
	}
	return false, &Problem{Err: err,
		Summary: fmt.Sprintf("%s %q was created outside this run after the plan", kind, name),
		Detail: fmt.Sprintf("%s answered %s, and no earlier attempt of this run can have created it: it was created outside this run after the plan showed it as new. "+
			"apply does not take it over, since its %s were never in the plan you approved. Nothing was changed on it. "+
			"Run \"teramotc plan\" again to review its current state, then apply.", call, code, createdState(it.Type))}
}

// createNames returns what the messages call a created item, its create
// call and the call's "already exists" error code.
func createNames(typ string) (kind, call, code string) {
	switch typ {
	case TIAMUser:
		return "IAM user", "CreateUser", "EntityAlreadyExists"
	case TIAMRole:
		return "IAM role", "CreateRole", "EntityAlreadyExists"
	case TManagedPolicy:
		return "managed policy", "CreatePolicy", "EntityAlreadyExists"
	}
	return "bucket", "CreateBucket", "BucketAlreadyOwnedByYou"
}

// createdState is the state of an existing item that a plan to create it
// does not show.
func createdState(typ string) string {
	switch typ {
	case TIAMUser:
		return "policies, group memberships, access keys, login profile and tags"
	case TIAMRole:
		return "trust policy, policies, instance profiles and tags"
	case TManagedPolicy:
		return "policy versions and attachments"
	}
	return "objects, ACLs, bucket policy, other settings and tags"
}
