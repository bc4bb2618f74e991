package apply

import (
	"slices"
	"sort"
)

// Actions of a change.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	// ActionDelete removes a resource: only a revoked_grant's policy
	// attachment, detached (revoked.go). Nothing else is ever deleted.
	ActionDelete = "delete"
)

// Risks of a change: does it reduce (tighten) or widen (loosen) access, or
// neither? Destructive changes may delete data (shorter expiration).
const (
	RiskTighten = "tighten"
	RiskLoosen  = "loosen"
	RiskNeutral = "neutral"
)

// Change is one planned write.
type Change struct {
	Type    string `json:"type"`
	Name    string `json:"name"`
	Owner   string `json:"owner,omitempty"`
	Address string `json:"address"`
	Action  string `json:"action"`
	Risk    string `json:"risk"`
	// Destructive marks a change that may delete data (a new or shorter
	// lifecycle expiration on an existing bucket).
	Destructive bool   `json:"destructive"`
	Reason      string `json:"reason,omitempty"`
	Step        int    `json:"step"`
	// Unsupported is set when the endpoint cannot manage the resource;
	// apply skips the change with a warning.
	Unsupported string `json:"unsupported,omitempty"`
	Sensitive   bool   `json:"sensitive,omitempty"`
	// SensitiveChanged marks an update whose masked values changed (an
	// external id rotated): printed before and after cannot show it.
	SensitiveChanged bool `json:"sensitive_changed,omitempty"`
	Before           any  `json:"before"`
	After            any  `json:"after"`

	item   *Item
	before any // canonical live state (Before is for display)
	// secrets are the sensitive strings of the spec, masked wherever
	// they appear when the change is printed (Plan.Redacted).
	secrets []string
	// redacted is set on changes already masked (Redacted, plan files).
	redacted bool
}

// Key is the item key of the change.
func (c *Change) Key() string { return c.item.Key() }

// Plan is the result of comparing the desired items with the live state.
type Plan struct {
	FormatVersion string `json:"format_version"`
	Account       string `json:"account"`
	// Region is the default region of the connection the plan was made
	// with (format 2.0).
	Region   string    `json:"region,omitempty"`
	Endpoint string    `json:"endpoint,omitempty"`
	Changes  []*Change `json:"changes"`
	// LiveFingerprint is the SHA-256 of the live state the plan was made
	// from, with sensitive values masked as the plan masks them; apply of
	// a saved plan refuses to run when it moved.
	LiveFingerprint string `json:"live_fingerprint"`
	// DesiredFingerprint is the SHA-256 of the desired state (the rendered
	// spec), masked the same way.
	DesiredFingerprint string `json:"desired_fingerprint"`
	// SensitiveFingerprint covers what masking leaves out: a salted,
	// deliberately slow argon2id hash of both states unmasked, made when
	// the plan is saved (see fingerprint.go).
	SensitiveFingerprint string   `json:"sensitive_fingerprint,omitempty"`
	Warnings             []string `json:"warnings"`

	items []*Item
	live  *Live
}

// Counts returns how many changes create and update resources (Removals
// counts the deletions).
func (p *Plan) Counts() (add, change int) {
	for _, c := range p.Changes {
		switch {
		case c.Unsupported != "" || c.Action == ActionDelete:
		case c.Action == ActionCreate:
			add++
		default:
			change++
		}
	}
	return
}

// Removals returns how many changes remove a resource: the policy
// attachments of revoked grants that apply detaches.
func (p *Plan) Removals() int {
	n := 0
	for _, c := range p.Changes {
		if c.Unsupported == "" && c.Action == ActionDelete {
			n++
		}
	}
	return n
}

// HasChanges reports whether apply would write anything.
func (p *Plan) HasChanges() bool {
	a, c := p.Counts()
	return a+c+p.Removals() > 0
}

// Destructive returns the destructive changes.
func (p *Plan) Destructive() []*Change {
	var out []*Change
	for _, c := range p.Changes {
		if c.Destructive {
			out = append(out, c)
		}
	}
	return out
}

// MakePlan diffs items against live.
func (e *Engine) MakePlan(items []*Item, live *Live) *Plan {
	p := &Plan{FormatVersion: PlanFormat, Account: e.Account, Region: e.C.Region, Endpoint: e.C.Endpoint, Changes: []*Change{}, Warnings: append([]string{}, e.preflight...),
		items: items, live: live}
	for _, it := range items {
		key := it.Key()
		before := live.State[key]
		if it.Revoke {
			if c := revokedChange(it, before); c != nil {
				p.Changes = append(p.Changes, e.markUnsupported(p, live, c))
			} else if why, ok := live.Unsupported[key]; ok {
				p.Warnings = append(p.Warnings, why+"; "+it.Address+" cannot be checked or revoked there")
			}
			continue
		}
		want := it.Desired
		if it.Type == TTagging && before != nil {
			before = projectTags(before, want)
		}
		if before != nil && equal(before, want) {
			continue
		}
		if def, ok := newBucketDefaults[it.Type]; ok && before == nil && equal(def, want) {
			continue // what a new bucket already has: nothing to write
		}
		c := &Change{Type: it.Type, Name: it.Name, Owner: it.Owner, Address: it.Address, Step: it.Step,
			Before: prettyActions(before), After: prettyActions(want), Sensitive: it.Sensitive, item: it, Action: ActionUpdate, secrets: it.secrets,
			before: before}
		if before == nil {
			c.Action = ActionCreate
		}
		c.Risk, c.Reason = classify(it, before, want)
		if step, note := revokeStep(it, before, e.Partition); step != 0 {
			c.Step, c.Reason = step, joinReason(c.Reason, note)
		}
		if before == nil {
			c.Before = nil
		}
		if why := e.lifecycleDestructive(it, live, before, want); why != "" {
			c.Destructive, c.Reason = true, why
		}
		if it.Type == TBucketPolicy && c.Step == it.Step {
			c.Step = bucketPolicyStep(it, before, e.Partition)
		}
		p.Changes = append(p.Changes, e.markUnsupported(p, live, c))
	}
	sort.SliceStable(p.Changes, func(i, j int) bool {
		a, b := p.Changes[i], p.Changes[j]
		if a.Step != b.Step {
			return a.Step < b.Step
		}
		return planOrder(a) < planOrder(b)
	})
	warnLogSources(p)
	warnKMSObjects(p)       // objects left under a KMS key the grants lose (plan_kms_objects.go)
	e.keys.nameFiles(items) // key files of users with a sensitive name (access_keys.go)
	e.warnAccessKeys(p)     // access keys nobody may hold (access_keys.go)
	p.DesiredFingerprint, p.LiveFingerprint = maskedFingerprints(items, live)
	return p
}

// markUnsupported marks a change the endpoint cannot perform, with a plan
// warning, and returns it.
func (e *Engine) markUnsupported(p *Plan, live *Live, c *Change) *Change {
	if why, ok := live.Unsupported[c.item.Key()]; ok {
		c.Unsupported = why
		p.Warnings = append(p.Warnings, why+"; apply will skip it")
	}
	return c
}

// newBucketDefaults are the states a new bucket starts in, for the
// documents whose "off" state is a document too.
var newBucketDefaults = map[string]any{
	TLogging:    map[string]any{},
	TVersioning: map[string]any{"Status": "Suspended"},
}

// applyOrder orders the changes of one step (changes are listed by step,
// a bucket policy at the step of its first write).
var applyOrder = []string{TBucket, TPublicAccessBlock, TOwnership, TEncryption, TVersioning, TTagging, TLifecycle,
	TLogging, TTrail, TEventSelectors, TTrailLogging, TIAMUser, TIAMRole, TAccessKey, TManagedPolicy, TAttachment, TBucketPolicy}

// planOrder is the rank of change c among the changes of its step: the
// revoke stage's type order for the revoke step (so the plan lists them as
// apply writes them: a revoked grant's keys before its detach), applyOrder
// for the others.
func planOrder(c *Change) int {
	if c.Step == StepRevoke {
		return slices.Index(stages[0].types, c.Type)
	}
	return slices.Index(applyOrder, c.Type)
}

// projectTags keeps only the live tags the spec manages: other tags are
// left alone (and merged back on write).
func projectTags(live, want any) any {
	lt, _ := live.(map[string]any)["Tags"].(map[string]any)
	wt, _ := want.(map[string]any)["Tags"].(map[string]any)
	out := map[string]any{}
	for k := range wt {
		if v, ok := lt[k]; ok {
			out[k] = v
		}
	}
	return map[string]any{"Tags": out}
}
