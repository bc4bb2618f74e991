package apply

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Engine reads, plans and converges. Create it with NewEngine.
type Engine struct {
	C         *Clients
	Account   string // from sts:GetCallerIdentity
	Partition string
	CallerARN string

	// Parallelism bounds the buckets, grants and trails sending requests
	// at once (default 10); one waiting between read-backs or before a
	// retry does not count (parallel.go).
	Parallelism int
	// OnProgress, when set, receives the apply's progress as data
	// (progress.go); calls are serialized.
	OnProgress func(ProgressEvent)
	// PropagationTimeout bounds each resource-level retry loop (default
	// 2 minutes); Backoff is the first delay between attempts (default 1s,
	// doubling up to 10s).
	PropagationTimeout time.Duration
	Backoff            time.Duration
	// ReadBackEqual is how many consecutive equal reads a waiter needs
	// (default 2; lifecycle uses ReadBackEqual+1).
	ReadBackEqual int
	// WaitInterval overrides the delay between read-back reads (default:
	// 2s on AWS, 10s for lifecycle, 100ms on other endpoints).
	WaitInterval time.Duration
	// KeyDir is where a created access key is written (0600 file).
	KeyDir string

	// warnMu guards warned (stages run in parallel).
	warnMu     sync.Mutex
	warned     map[string]bool
	progressMu sync.Mutex
	mu         sync.Mutex
	keyFiles   []string
	keys       accessKeyBook // access keys listed and created (access_keys.go)
	start      time.Time
	caps       capCache             // what the endpoint implements (see probe)
	ran        map[*Change]runState // how far each change got (Tally), under progressMu
	secrets    []string             // the plan's sensitive strings, masked in progress lines
	created    bucketSet            // buckets this engine created (retry.go: their NoSuchBucket is propagation)
	creates    createLog            // attempts of each create change (create_race.go)
	preflight  []string             // warnings of NewEngine, repeated by every plan

	// attachedSeen holds each user's and role's attached policies, as
	// last read (plan_identity_extra.go).
	attachedSeen attachedLists
}

// NewEngine runs the preflight (sts:GetCallerIdentity) and returns an
// engine bound to the caller's account. The preflight is bounded by the
// clients' RequestTimeout, retries included, so that an endpoint that
// accepts connections but never answers is reported at once
// (Clients.Explain says so) instead of hanging the first command.
func NewEngine(ctx context.Context, c *Clients) (*Engine, error) {
	pctx, cancel := context.WithTimeout(ctx, c.requestTimeout())
	out, err := c.STS.GetCallerIdentity(pctx, &sts.GetCallerIdentityInput{})
	cancel()
	if err != nil && c.Endpoint != "" && errorCode(err) != "" {
		// An S3-compatible server without AWS STS: only S3 can be managed.
		// Said by every plan (MakePlan): no progress handler is set yet.
		e := &Engine{C: c, Partition: "aws"}
		e.preflight = append(e.preflight, fmt.Sprintf("%s does not answer sts:GetCallerIdentity (%s); only S3 resources can be managed there", endpointName(c.Endpoint), short(err)))
		return e, nil
	}
	if err != nil {
		return nil, fmt.Errorf("preflight sts:GetCallerIdentity: %w", err)
	}
	e := &Engine{C: c, Account: aws.ToString(out.Account), CallerARN: aws.ToString(out.Arn), Partition: "aws"}
	if parts := strings.SplitN(e.CallerARN, ":", 3); len(parts) == 3 && parts[0] == "arn" {
		e.Partition = parts[1]
	}
	return e, nil
}

func (e *Engine) defaults() {
	if e.Parallelism <= 0 {
		e.Parallelism = 10
	}
	if e.PropagationTimeout <= 0 {
		e.PropagationTimeout = 2 * time.Minute
	}
	if e.Backoff <= 0 {
		e.Backoff = time.Second
	}
	if e.ReadBackEqual <= 0 {
		e.ReadBackEqual = 2
	}
	if e.Partition == "" {
		e.Partition = "aws"
	}
}

// warnOnce reports a warning the first time a key is seen.
func (e *Engine) warnOnce(key, msg string) {
	e.warnMu.Lock()
	defer e.warnMu.Unlock()
	if e.warned == nil {
		e.warned = map[string]bool{}
	}
	if e.warned[key] {
		return
	}
	e.warned[key] = true
	e.report(ProgressEvent{Kind: ProgressWarning, Detail: msg})
}

// groupItems groups items by the unit that serializes their writes: the
// bucket for S3 items, the spec block otherwise. Item order is kept.
func groupItems(items []*Item) [][]*Item {
	idx := map[string]int{}
	var groups [][]*Item
	for _, it := range items {
		g := "addr:" + it.Address
		if it.Bucket != "" {
			g = "bucket:" + it.Bucket
		}
		i, ok := idx[g]
		if !ok {
			i = len(groups)
			idx[g] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], it)
	}
	return groups
}

// keyDirProbe creates the file by which CheckKeyDir learns that KeyDir is
// writable; tests replace it to see a refusal even as root.
var keyDirProbe = os.CreateTemp

// CheckKeyDir checks, before anything is written, that the access keys p
// creates can be stored: KeyDir exists, is a directory this process may
// write to, and holds no key file of those users yet. Its errors are
// *Problem.
//
// It also refuses a plan that attaches a policy to a user with an active
// access key that no key file in KeyDir (nor this run) accounts for.
func (e *Engine) CheckKeyDir(p *Plan) error {
	if err := e.checkKeysBeforeGrants(p); err != nil {
		return err
	}
	var users []string
	files := map[string]string{} // key file -> user
	for _, c := range p.Changes {
		if c.Type == TAccessKey && c.Action == ActionCreate && c.Unsupported == "" {
			path := e.keyFilePath(c.Name)
			if other, ok := files[path]; ok {
				return &Problem{Summary: fmt.Sprintf("users %s and %s would write their access keys to the same file %s", other, c.Name, path),
					Detail: "A user whose name is sensitive has its key file named after its grant (grant.LABEL.access-key.json): rename the grant or the other user. Nothing was written to AWS."}
			}
			files[path] = c.Name
			users = append(users, c.Name)
		}
	}
	if len(users) == 0 {
		return nil
	}
	dir := cmp.Or(e.KeyDir, ".")
	fix := ("apply writes each created access key to DIR/USER.access-key.json (DIR/grant.LABEL.access-key.json for a user whose name is sensitive) with mode 0600; give -key-dir an existing directory you may write to. Nothing was written to AWS.")
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Problem{Summary: fmt.Sprintf("-key-dir %s does not exist", dir), Detail: fix, Err: err}
	case err != nil:
		return &Problem{Summary: fmt.Sprintf("-key-dir %s cannot be used: %v", dir, err), Detail: fix, Err: err}
	case !info.IsDir():
		return &Problem{Summary: fmt.Sprintf("-key-dir %s is not a directory", dir), Detail: fix}
	case info.Mode().Perm()&0o022 != 0 && info.Mode()&fs.ModeSticky == 0:
		return &Problem{Summary: fmt.Sprintf("-key-dir %s is writable by other users (mode %04o, no sticky bit)", dir, info.Mode().Perm()),
			Detail: "Anyone who may write to it can rename, replace or delete the key file, and AWS returns the secret only once. " +
				"Give -key-dir a directory only you can write to (chmod go-w), or one with the sticky bit set (chmod +t, as /tmp has). Nothing was written to AWS."}
	}
	if root := gitWorkTree(dir); root != "" {
		e.warnOnce("key-dir-git", fmt.Sprintf("-key-dir %s is inside the git work tree %s: make sure *.access-key.json is git-ignored, or use a directory outside it, so that the key is never committed", dir, root))
	}
	f, err := keyDirProbe(dir, ".teramotc-key-dir-check-*")
	if err != nil {
		return &Problem{Summary: fmt.Sprintf("-key-dir %s is not writable", dir), Detail: fix, Err: err}
	}
	f.Close()
	os.Remove(f.Name())
	for _, u := range users {
		path := e.keyFileFound(u)
		if kf, _ := readKeyFile(path); kf.empty {
			return &Problem{Summary: path + " is empty: an earlier apply stopped before saving the access key of user " + u,
				Detail: "The user has no access key now, so none was lost: remove the empty file and run apply again. Nothing was written to AWS."}
		}
		if _, err := os.Lstat(path); err == nil {
			return &Problem{Summary: path + " already exists",
				Detail: "apply never overwrites a key file: move it away (after storing the key it holds somewhere safe), or give another -key-dir. Nothing was written to AWS."}
		}
	}
	return nil
}

// gitWorkTree returns the directory holding the .git (a directory, or a
// file in a linked work tree or submodule) of the work tree dir is in, or
// "" when dir is in none.
func gitWorkTree(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
