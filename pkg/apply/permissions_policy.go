package apply

import (
	"fmt"
	"slices"
	"strings"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// Permission is one action a command needs on one resource, the operation
// that needs it, and when that operation is called.
type Permission struct {
	API      string // the operation that needs it, "s3:HeadBucket"
	Action   string // "s3:ListBucket"
	Resource string // the resource's ARN, or "*"
	// PolicyARN, when set, is the only managed policy the call may name
	// (condition iam:PolicyARN).
	PolicyARN string
	Write     bool
	// When is set when the operation is called only in some runs
	// (Operation.When).
	When string
}

// PermissionPolicy is the least-privilege identity policy of one command on
// one spec.
type PermissionPolicy struct {
	Command string
	// Document is the IAM identity policy (generic JSON, for
	// render.MarshalValue).
	Document map[string]any
	// Permissions are what the document allows, one per operation, action
	// and resource, in the order of Operations.
	Permissions []Permission
	// Notes are what the user should know about the document: an account
	// left open ("*"), a size over a managed policy's limit.
	Notes []string
}

// Permissions computes the IAM identity policy that allows exactly the AWS
// calls command ("plan", "apply" or "import") makes for the spec s (out is
// its rendered output): every action scoped to the ARNs of the spec's
// buckets, IAM users, roles, managed policies and trails, in the partition
// and account of its aws block ("*" for an account it does not give).
func Permissions(s *spec.Spec, out *render.Output, command string) (*PermissionPolicy, error) {
	if !slices.Contains(PermissionCommands, command) {
		return nil, fmt.Errorf("unknown command %q (want one of %s)", command, strings.Join(PermissionCommands, ", "))
	}
	items, err := Desired(s, out)
	if err != nil {
		return nil, err
	}
	a := arns{partition: s.AWS.Partition.Value, account: s.AWS.AccountID.Value}
	if a.partition == "" {
		a.partition = "aws"
	}
	if a.account == "" {
		a.account = "*"
	}
	ts := permTargets(s, items, a, command)
	p := &PermissionPolicy{Command: command}
	seen := map[Permission]bool{}
	for _, op := range Operations {
		for _, typ := range op.itemTypes(command) {
			for _, t := range ts {
				if t.typ != typ {
					continue
				}
				for _, pm := range opPermissions(op, t, command) {
					if !seen[pm] {
						seen[pm] = true
						p.Permissions = append(p.Permissions, pm)
					}
				}
			}
		}
	}
	p.Permissions = dropCovered(p.Permissions)
	p.Document = policyDocument(p.Permissions)
	if s.AWS.AccountID.Value == "" && slices.ContainsFunc(p.Permissions, func(pm Permission) bool { return strings.Contains(pm.Resource, ":*:") }) {
		p.Notes = append(p.Notes, "aws.account_id is not set, so the IAM and CloudTrail ARNs match that name in every account (\"*\"); "+
			"set account_id in the spec's aws block to limit them to your account.")
	}
	if n := policySize(p.Document); n > managedPolicyLimit {
		p.Notes = append(p.Notes, fmt.Sprintf("the policy has %d characters without whitespace, more than the %d a managed policy may hold: "+
			"split its statements into two managed policies, or attach it as an inline policy of a role (up to 10,240 for all of them).", n, managedPolicyLimit))
	}
	return p, nil
}

// opPermissions returns what operation op needs on target t when command
// calls it: each of its actions on the target's resource (on "*" for an
// action without resource-level permissions), none when the target has no
// such resource.
func opPermissions(op Operation, t permTarget, command string) []Permission {
	res := []string{"*"}
	if op.Resource != ResourceAny {
		arn := t.arns[op.Resource]
		if arn == "" {
			return nil // an attachment of a role: no user to list
		}
		res = []string{arn}
		if op.AnyPath {
			res = anyPath(arn)
		}
	}
	var out []Permission
	for _, act := range op.Actions {
		for _, r := range res {
			pm := Permission{API: op.API, Action: act, Resource: r, Write: op.Write, When: op.When}
			if pm.When == "" && command == "apply" && slices.Contains(op.Writes, t.typ) && !slices.Contains(op.Reads, t.typ) {
				pm.When = t.writeWhen
			}
			if op.PolicyCondition {
				pm.PolicyARN = t.arns[ResourcePolicy]
			}
			out = append(out, pm)
		}
	}
	return out
}

// managedPolicyLimit is IAM's size limit of a managed policy document, in
// characters, whitespace not counted (IAM and STS quotas, "Managed policy
// size").
const managedPolicyLimit = 6144

// policySize counts the characters of doc as IAM does for its limits:
// whitespace outside strings is not counted (the ARNs and actions of a
// permissions policy hold none).
func policySize(doc map[string]any) int {
	n := 0
	for _, r := range string(render.MarshalValue(doc)) {
		if r != ' ' && r != '\n' {
			n++
		}
	}
	return n
}

// anyPath returns the ARNs of an IAM user's or role's name under any path:
// arn:...:user/NAME (path /) and arn:...:user/*/NAME (any other; a name
// holds no "/", so the pattern matches no other user).
func anyPath(arn string) []string {
	i := strings.Index(arn, ":user/")
	if i < 0 {
		i = strings.Index(arn, ":role/")
	}
	if i < 0 {
		return []string{arn}
	}
	kind := arn[:i+len(":user/")]
	name := arn[strings.LastIndex(arn, "/")+1:]
	return []string{kind + name, kind + "*/" + name}
}

// permTarget is one resource the engine calls operations on: an item type
// with the ARN of each resource type those operations are authorized on.
type permTarget struct {
	typ  string
	arns map[string]string
	// writeWhen, if set, says when apply writes the target at all.
	writeWhen string
}

// permTargets lists the targets of command's calls on s. import reads every
// sub-resource of each bucket (whatever the spec declares), the identity,
// managed policy and attachments of each grant, and each trail.
func permTargets(s *spec.Spec, items []*Item, a arns, command string) []permTarget {
	owners := map[string]string{} // "user/NAME" -> its ARN, with its path
	for _, it := range items {
		w, _ := it.Desired.(map[string]any)
		switch it.Type {
		case TIAMUser:
			owners["user/"+it.Name] = a.iam("user", str(w["Path"]), it.Name)
		case TIAMRole:
			owners["role/"+it.Name] = a.iam("role", str(w["Path"]), it.Name)
		}
	}
	var ts []permTarget
	add := func(typ string, kv ...string) {
		t := permTarget{typ: typ, arns: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			t.arns[kv[i]] = kv[i+1]
		}
		ts = append(ts, t)
	}
	for _, it := range items {
		if command == "import" && slices.Contains(bucketTypes, it.Type) {
			continue // import reads every bucket type, below
		}
		if it.Revoke { // a revoked_grant's user or role, under the path it has (AnyPath)
			kind, name := splitOwner(it.Owner)
			if it.Type == TAttachment {
				add(tRevokedAttachment, kind, a.iam(kind, "/", name), ResourcePolicy, a.iam("policy", "/", it.Name))
			} else {
				add(tRevokedKeys, ResourceUser, a.iam("user", "/", name))
			}
			continue
		}
		switch it.Type {
		case TIAMUser:
			add(it.Type, ResourceUser, owners["user/"+it.Name])
		case TIAMRole:
			add(it.Type, ResourceRole, owners["role/"+it.Name])
		case TManagedPolicy:
			if command == "import" {
				// import reads every customer-managed policy attached to
				// the user or role (to find the one naming the bucket, and
				// to warn about the others), whose names no spec holds
				// (review op3 M2)
				add(it.Type, ResourcePolicy, a.iam("policy", "/", "*"))
				break
			}
			add(it.Type, ResourcePolicy, a.iam("policy", "/", it.Name))
		case TAttachment:
			kind, _ := splitOwner(it.Owner)
			add(it.Type, kind, owners[it.Owner], ResourcePolicy, a.iam("policy", "/", it.Name))
		case TAccessKey:
			add(it.Type, ResourceUser, owners[it.Owner])
		case TTrail, TEventSelectors, TTrailLogging:
			add(it.Type, ResourceTrail, a.trail(it.Region, it.Name))
		default: // the bucket's sub-resources
			add(it.Type, ResourceBucket, a.bucket(it.Bucket))
			if it.Type == TLifecycle && shortensExpiration(nil, it.Desired, noSecrets) != "" {
				add(tExpiringLifecycle, ResourceBucket, a.bucket(it.Bucket))
			}
			if w, _ := it.Desired.(map[string]any); it.Type == TLogging && str(w["TargetBucket"]) == "" {
				ts[len(ts)-1].writeWhen = loggingOffWhen
			}
			if aclsInForce(it) {
				add(tACLBucket, ResourceBucket, a.bucket(it.Bucket))
			}
			if it.Type == TBucket && slices.Contains(undeclaredLifecycles(items), it) {
				add(tUndeclaredLifecycle, ResourceBucket, a.bucket(it.Bucket))
			}
			if it.Type == TBucketPolicy && hasDeliveryStatement(it.Desired) {
				add(tLogBucketTrails) // DescribeTrails: Resource "*"
			}
		}
	}
	if command != "import" && len(s.Buckets) > 0 {
		add(tOrphanPolicies, ResourcePolicy, a.iam("policy", "/", "*")) // warnOrphanPolicies: any policy's holders
	}
	for _, b := range s.Buckets {
		if command == "import" {
			for _, typ := range bucketTypes {
				add(typ, ResourceBucket, a.bucket(b.Name.Value))
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range undeclaredLogTargets(s) { // access-log targets and trail log buckets (CheckLogTargets)
		if !seen[t.name] { // one name asked about for two owners (log_bucket_account)
			seen[t.name] = true
			add(tLogTarget, ResourceBucket, a.bucket(t.name))
		}
	}
	return ts
}

// dropCovered leaves out a permission that another one, the same but on a
// resource ending in "/*" that its resource starts with, already grants
// (ListEntitiesForPolicy on policy/NAME beside policy/*).
func dropCovered(ps []Permission) []Permission {
	covered := func(pm Permission) bool {
		for _, o := range ps {
			if o.Resource == pm.Resource || !strings.HasSuffix(o.Resource, "/*") {
				continue
			}
			same := o
			same.Resource = pm.Resource
			if same == pm && strings.HasPrefix(pm.Resource, strings.TrimSuffix(o.Resource, "*")) {
				return true
			}
		}
		return false
	}
	return slices.DeleteFunc(slices.Clone(ps), covered)
}
