package apply

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// Resource types of a plan. Each is one thing the engine reads and writes.
const (
	TBucket            = "bucket"
	TPublicAccessBlock = "public-access-block"
	TOwnership         = "ownership-controls"
	TEncryption        = "encryption"
	TVersioning        = "versioning"
	TTagging           = "tagging"
	TBucketPolicy      = "bucket-policy"
	TLifecycle         = "lifecycle"
	TLogging           = "logging"
	TTrail             = "trail"
	TEventSelectors    = "event-selectors"
	TTrailLogging      = "trail-logging"
	TIAMUser           = "iam-user"
	TIAMRole           = "iam-role"
	TManagedPolicy     = "managed-policy"
	TAttachment        = "policy-attachment"
	TAccessKey         = "access-key"
)

// Steps of the converge order (apply-engine.md §2.2).
const (
	StepBucket    = 3
	StepGuardrail = 4
	StepRetention = 5
	StepAudit     = 6
	StepIdentity  = 7
	StepGrant     = 8
)

// Item is one resource the spec wants, with its desired state in the
// canonical form the differ compares (see normalize.go). Desired comes only
// from the rendered documents and the bucket/grant names of the model.
type Item struct {
	Type    string `json:"type"`
	Address string `json:"address"` // spec block: bucket.data, grant.x, trail.y
	// Name is what the item is called in AWS: the bucket, user, role,
	// policy or trail name.
	Name      string `json:"name"`
	Bucket    string `json:"bucket,omitempty"` // the bucket S3 writes go to (serialization key)
	Region    string `json:"region,omitempty"`
	Step      int    `json:"step"`
	Sensitive bool   `json:"sensitive,omitempty"`
	// Owner is the user or role a managed policy, attachment or access key
	// belongs to ("user/NAME" or "role/NAME").
	Owner string `json:"owner,omitempty"`
	// Revoke marks an item of a revoked_grant (revoked.go): its Desired
	// is the state without the access (detached, keys inactive), and it is
	// written only in the revoke stage.
	Revoke  bool `json:"revoke,omitempty"`
	Desired any  `json:"-"`
	// Doc is the rendered document as written to AWS (generic JSON); nil
	// for items without a document of their own.
	Doc any `json:"-"`
	// revokedPolicies are the policy names the revoked_grant blocks
	// detach from this user (its revoked access-key item only): what the
	// user holds beyond them keeps its keys active (revoked.go).
	revokedPolicies []string
	// secrets are the spec's sensitive strings (spec.SensitiveStrings), which
	// printed plans mask wherever they appear in this item's change.
	secrets []string
}

// Key identifies the item in a plan and in the live state.
func (it *Item) Key() string { return it.Type + "." + it.Name + ownerSuffix(it.Owner) }

func ownerSuffix(o string) string {
	if o == "" {
		return ""
	}
	return "@" + o
}

// Desired builds the items of a spec from its rendered documents.
func Desired(s *spec.Spec, out *render.Output) ([]*Item, error) {
	partition := s.AWS.Partition.Value
	if partition == "" {
		partition = "aws"
	}
	byAddr := map[string][]*render.Document{}
	for _, d := range out.Documents {
		byAddr[d.Address] = append(byAddr[d.Address], d)
	}
	var items []*Item
	for _, b := range s.Buckets {
		name, region := b.Name.Value, b.Region.Value
		add := func(typ string, step int, desired, doc any, sensitive bool) {
			items = append(items, &Item{Type: typ, Address: b.Address, Name: name, Bucket: name, Region: region, Step: step, Desired: desired, Doc: doc, Sensitive: sensitive})
		}
		add(TBucket, StepBucket, map[string]any{"Name": name}, nil, false)
		for _, d := range byAddr[b.Address] {
			typ, step := bucketDocType(d.Kind)
			if typ == "" {
				continue
			}
			doc := generic(d.Content)
			c, err := canonical(typ, doc, partition)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", d.Path, err)
			}
			add(typ, step, c, doc, d.Sensitive)
		}
	}
	for _, g := range s.Grants {
		gi, err := grantItems(s, g, byAddr[g.Address], partition)
		if err != nil {
			return nil, err
		}
		items = append(items, gi...)
	}
	for _, t := range s.Trails {
		items = append(items, trailItems(s, t, byAddr[t.Address], partition)...)
	}
	items = append(items, revokedItems(s.RevokedGrants)...)
	secrets := spec.SensitiveStrings(s)
	for _, it := range items {
		it.secrets = secrets
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Step < items[j].Step })
	return items, nil
}

func bucketDocType(k render.Kind) (string, int) {
	switch k {
	case render.KindPublicAccessBlock:
		return TPublicAccessBlock, StepGuardrail
	case render.KindOwnershipControls:
		return TOwnership, StepGuardrail
	case render.KindEncryption:
		return TEncryption, StepGuardrail
	case render.KindVersioning:
		return TVersioning, StepGuardrail
	case render.KindTagging:
		return TTagging, StepGuardrail
	case render.KindBucketPolicy:
		// Written in phases: deny-only (guardrails), service grants
		// (audit), full (grants); the item sits at its last phase.
		return TBucketPolicy, StepGrant
	case render.KindLifecycle:
		return TLifecycle, StepRetention
	case render.KindLogging:
		return TLogging, StepAudit
	}
	return "", 0
}

func grantItems(s *spec.Spec, g *spec.Grant, docs []*render.Document, partition string) ([]*Item, error) {
	b := s.BucketByLabel(g.Bucket.Value)
	region := ""
	if b != nil {
		region = b.Region.Value
	}
	var identity, trust *render.Document
	for _, d := range docs {
		switch d.Kind {
		case render.KindIdentityPolicy:
			identity = d
		case render.KindTrustPolicy:
			trust = d
		}
	}
	var items []*Item
	var owner, policyName string
	switch {
	case g.IAMUser != nil:
		u := g.IAMUser
		owner, policyName = "user/"+u.Name.Value, u.PolicyName.Value
		items = append(items, &Item{Type: TIAMUser, Address: g.Address, Name: u.Name.Value, Step: StepIdentity,
			Desired: map[string]any{"UserName": u.Name.Value, "Path": pathOr(u.Path.Value)}})
		if u.CreateAccessKey.Value {
			items = append(items, &Item{Type: TAccessKey, Address: g.Address, Name: u.Name.Value, Owner: owner, Step: StepIdentity,
				Desired: map[string]any{"Exists": true}})
		}
	case g.Role != nil:
		r := g.Role
		owner, policyName = "role/"+r.Name.Value, r.PolicyName.Value
		if trust == nil {
			return nil, fmt.Errorf("grant %q: no trust policy was rendered", g.Label)
		}
		tp, err := CanonicalPolicy(generic(trust.Content), partition)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", trust.Path, err)
		}
		maxSession := r.MaxSessionDuration.Value
		if maxSession == 0 {
			maxSession = 3600
		}
		items = append(items, &Item{Type: TIAMRole, Address: g.Address, Name: r.Name.Value, Step: StepIdentity, Sensitive: trust.Sensitive, Doc: generic(trust.Content),
			Desired: map[string]any{"RoleName": r.Name.Value, "Path": pathOr(r.Path.Value),
				"MaxSessionDuration": float64(maxSession), "AssumeRolePolicyDocument": tp}})
	default:
		return nil, nil
	}
	if identity == nil {
		return nil, fmt.Errorf("grant %q: no identity policy was rendered", g.Label)
	}
	if policyName == "" {
		policyName = g.Label
	}
	ip, err := CanonicalPolicy(generic(identity.Content), partition)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", identity.Path, err)
	}
	items = append(items,
		&Item{Type: TManagedPolicy, Address: g.Address, Name: policyName, Region: region, Step: StepGrant, Doc: generic(identity.Content),
			Desired: map[string]any{"PolicyName": policyName, "PolicyDocument": ip}},
		&Item{Type: TAttachment, Address: g.Address, Name: policyName, Owner: owner, Step: StepGrant,
			Desired: map[string]any{"PolicyName": policyName, "Attached": true}})
	return items, nil
}

func trailItems(s *spec.Spec, t *spec.Trail, docs []*render.Document, partition string) []*Item {
	region := ""
	if b := s.BucketByLabel(t.Bucket.Value); b != nil {
		region = b.Region.Value
	}
	var items []*Item
	for _, d := range docs {
		switch d.Kind {
		case render.KindTrail:
			c, _ := canonical(TTrail, generic(d.Content), partition)
			items = append(items, &Item{Type: TTrail, Address: t.Address, Name: t.Label, Region: region, Step: StepAudit, Desired: c, Doc: generic(d.Content)})
		case render.KindEventSelectors:
			c, _ := canonical(TEventSelectors, generic(d.Content), partition)
			items = append(items, &Item{Type: TEventSelectors, Address: t.Address, Name: t.Label, Region: region, Step: StepAudit, Desired: c, Doc: generic(d.Content)})
		}
	}
	// The trail first: its selectors and status are read only when it exists.
	sort.SliceStable(items, func(i, j int) bool { return items[i].Type == TTrail && items[j].Type != TTrail })
	if len(items) > 0 {
		items = append(items, &Item{Type: TTrailLogging, Address: t.Address, Name: t.Label, Region: region, Step: StepAudit,
			Desired: map[string]any{"IsLogging": true}})
	}
	return items
}

func pathOr(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// generic round-trips v through JSON so that numbers are float64 and every
// object is map[string]any.
func generic(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}
