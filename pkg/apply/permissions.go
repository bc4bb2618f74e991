package apply

// The IAM permissions of the engine: which AWS API operation each method of
// the client interfaces (clients.go, plus the optional objectLister,
// locationGetter, inlineLister and aclGetter) is, which IAM actions
// authorize it, on which resource type, and for which plan items each
// command calls it.
//
// Source of every action and resource type: the AWS Service Authorization
// Reference, "Actions, resources, and condition keys for Amazon S3"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html),
// "... for AWS Identity and Access Management"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_identityandaccessmanagementiam.html)
// and "... for AWS CloudTrail"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudtrail.html).
// S3 action names differ from its operation names where the reference says
// so (HeadBucket is authorized by s3:ListBucket, GetBucketEncryption by
// s3:GetEncryptionConfiguration, ...). iam:PolicyARN, the condition key of
// Attach{User,Role}Policy, is from "Controlling access to managed policies"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-controlling-access-to.html).

// Resource types an action is authorized on (the reference's "Resource
// types" column). ResourceAny is an action without resource-level
// permissions: its statement must name Resource "*".
const (
	ResourceBucket = "bucket"
	ResourceUser   = "user"
	ResourceRole   = "role"
	ResourcePolicy = "policy"
	ResourceTrail  = "trail"
	ResourceAny    = "*"
)

// Pseudo item types: resources the engine calls operations on that are not
// items of a plan.
const (
	// tLogTarget is an access-log target bucket named by a literal string
	// that no bucket block declares (CheckLogTargets).
	tLogTarget = "log-target"
	// tExpiringLifecycle is a lifecycle item whose rules delete objects:
	// on an existing bucket without lifecycle, plan checks that the bucket
	// is empty before calling the change destructive (bucketEmpty).
	tExpiringLifecycle = "expiring-lifecycle"
	// tACLBucket is the ownership controls of a bucket whose desired
	// object ownership keeps ACLs in force (not BucketOwnerEnforced): plan
	// reads the bucket's ACL to warn about its grants (warnBucketACLs).
	tACLBucket = "acl-bucket"
	// tUndeclaredLifecycle is an existing bucket whose spec declares no
	// lifecycle_rule: plan reads its lifecycle configuration to warn about
	// rules that keep deleting (warnUndeclaredLifecycles).
	tUndeclaredLifecycle = "undeclared-lifecycle"
	// tRevokedAttachment and tRevokedKeys are the items of a revoked_grant
	// (revoked.go): the attachment plan reads and apply detaches, and the
	// access keys of a revoked user, which apply deactivates.
	tRevokedAttachment = "revoked-attachment"
	tRevokedKeys       = "revoked-access-keys"
	// tLogBucketTrails is a log bucket of the spec: once it exists, plan
	// lists the trails of each region the spec uses to warn about those
	// that deliver to it undeclared (warnUndeclaredTrails).
	tLogBucketTrails = "log-bucket-trails"
	// tOrphanPolicies is the account's customer-managed policies: plan
	// lists them to warn about one that grants access to a bucket of the
	// spec while no grant declares it (warnOrphanPolicies).
	tOrphanPolicies = "orphan-policies"
)

// Operation is one AWS API operation the engine may call.
type Operation struct {
	// API is the client's service and method: "s3:HeadBucket".
	API string
	// Actions are the IAM actions that authorize the call (all are
	// needed); none for sts:GetCallerIdentity.
	Actions []string
	// Resource is the resource type the actions are scoped to.
	Resource string
	// Write: the actions' access level is Write (else Read or List).
	Write bool
	// Reads are the item types whose live state plan (and apply, which
	// plans first) reads with it; Writes those apply writes with it;
	// Imports those import reads with it, to write the spec and then to
	// plan it (verifyImport) before it writes it.
	Reads, Writes, Imports []string
	// PolicyCondition: the call names a managed policy, and the statement
	// allows only that policy (iam:PolicyARN).
	PolicyCondition bool
	// AnyPath: IAM authorizes the call on the user's or role's current
	// ARN, whose path may not be the spec's (yet): plan reads a user it
	// then moves, and a role IAM cannot move, on the path it has; the
	// statement names the name under any path (names are unique in an
	// account, paths not part of them).
	AnyPath bool
	// When, if set, says in which runs the engine calls the operation; it
	// is not called otherwise (the permission is still needed for them).
	When string
}

// loggingOffWhen is when apply writes the logging of a bucket that logs
// nowhere: a new bucket already does not log, so only drift is corrected.
const loggingOffWhen = "the bucket logs nowhere in the spec, but its server access logging is on: apply turns it off"

// identityExtrasWhen is when plan lists what a user or role holds beyond
// the spec.
const identityExtrasWhen = "the user or role exists: plan warns about the inline policies, other managed policies and groups it holds beyond the spec"

var bucketTypes = []string{TBucket, TPublicAccessBlock, TOwnership, TEncryption, TVersioning, TTagging, TBucketPolicy, TLifecycle, TLogging}

// Operations lists every operation of the client interfaces. The
// permissions tests fail when a method of an interface has no entry here.
var Operations = []Operation{
	// S3. A bucket sub-resource is read by plan (and, to read it back or
	// probe the endpoint, by apply) and by import.
	{API: "s3:HeadBucket", Actions: []string{"s3:ListBucket"}, Resource: ResourceBucket,
		Reads: []string{TBucket, tLogTarget}, Writes: []string{TBucket}, Imports: []string{TBucket}},
	{API: "s3:CreateBucket", Actions: []string{"s3:CreateBucket", "s3:PutBucketOwnershipControls"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TBucket}}, // on AWS it passes ObjectOwnership, which needs s3:PutBucketOwnershipControls too
	{API: "s3:GetBucketLocation", Actions: []string{"s3:GetBucketLocation"}, Resource: ResourceBucket,
		Reads: []string{tLogTarget}, When: "the endpoint's HeadBucket answer does not name the log target's region (S3-compatible servers; AWS names it)"},
	{API: "s3:GetPublicAccessBlock", Actions: []string{"s3:GetBucketPublicAccessBlock"}, Resource: ResourceBucket,
		Reads: []string{TPublicAccessBlock}, Imports: []string{TPublicAccessBlock}},
	{API: "s3:PutPublicAccessBlock", Actions: []string{"s3:PutBucketPublicAccessBlock"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TPublicAccessBlock}},
	{API: "s3:GetBucketOwnershipControls", Actions: []string{"s3:GetBucketOwnershipControls"}, Resource: ResourceBucket,
		Reads: []string{TOwnership}, Imports: []string{TOwnership}},
	{API: "s3:GetBucketAcl", Actions: []string{"s3:GetBucketAcl"}, Resource: ResourceBucket,
		Reads: []string{tACLBucket}, Imports: []string{TOwnership},
		When: "the bucket exists and keeps ACLs in force (object ownership is not BucketOwnerEnforced, in the spec for plan, live for import): plan and import warn about its ACL grants (aclGetter)"},
	{API: "s3:PutBucketOwnershipControls", Actions: []string{"s3:PutBucketOwnershipControls"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TOwnership}},
	{API: "s3:GetBucketEncryption", Actions: []string{"s3:GetEncryptionConfiguration"}, Resource: ResourceBucket,
		Reads: []string{TEncryption}, Imports: []string{TEncryption}},
	{API: "s3:PutBucketEncryption", Actions: []string{"s3:PutEncryptionConfiguration"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TEncryption}},
	{API: "s3:GetBucketVersioning", Actions: []string{"s3:GetBucketVersioning"}, Resource: ResourceBucket,
		Reads: []string{TVersioning}, Imports: []string{TVersioning}},
	{API: "s3:PutBucketVersioning", Actions: []string{"s3:PutBucketVersioning"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TVersioning}},
	{API: "s3:GetBucketPolicy", Actions: []string{"s3:GetBucketPolicy"}, Resource: ResourceBucket,
		Reads: []string{TBucketPolicy}, Imports: []string{TBucketPolicy}},
	{API: "s3:PutBucketPolicy", Actions: []string{"s3:PutBucketPolicy"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TBucketPolicy}},
	{API: "s3:GetBucketLifecycleConfiguration", Actions: []string{"s3:GetLifecycleConfiguration"}, Resource: ResourceBucket,
		Reads: []string{TLifecycle, tUndeclaredLifecycle}, Imports: []string{TLifecycle}},
	{API: "s3:PutBucketLifecycleConfiguration", Actions: []string{"s3:PutLifecycleConfiguration"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TLifecycle}},
	{API: "s3:ListObjectVersions", Actions: []string{"s3:ListBucketVersions"}, Resource: ResourceBucket,
		Reads: []string{tExpiringLifecycle}, When: "plan adds a rule that deletes objects to an existing bucket without lifecycle rules, and checks whether the bucket is empty"},
	{API: "s3:ListMultipartUploads", Actions: []string{"s3:ListBucketMultipartUploads"}, Resource: ResourceBucket,
		Reads: []string{tExpiringLifecycle}, When: "plan adds a rule that deletes objects to an existing, empty bucket without lifecycle rules"},
	{API: "s3:GetBucketLogging", Actions: []string{"s3:GetBucketLogging"}, Resource: ResourceBucket,
		Reads: []string{TLogging}, Imports: []string{TLogging}},
	{API: "s3:PutBucketLogging", Actions: []string{"s3:PutBucketLogging"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TLogging}},
	{API: "s3:GetBucketTagging", Actions: []string{"s3:GetBucketTagging"}, Resource: ResourceBucket,
		Reads: []string{TTagging}, Imports: []string{TTagging}},
	{API: "s3:PutBucketTagging", Actions: []string{"s3:PutBucketTagging"}, Resource: ResourceBucket, Write: true,
		Writes: []string{TTagging}},

	// IAM.
	{API: "iam:GetUser", Actions: []string{"iam:GetUser"}, Resource: ResourceUser,
		Reads: []string{TIAMUser}, Imports: []string{TIAMUser}, AnyPath: true},
	{API: "iam:CreateUser", Actions: []string{"iam:CreateUser"}, Resource: ResourceUser, Write: true,
		Writes: []string{TIAMUser}},
	// UpdateUser NewPath moves a user to the spec's path; the reference
	// lists iam:UpdateUser on the user resource, and IAM checks it on the
	// user's ARN under both the old and the new path (UpdateUser in the
	// IAM API Reference: "you must have permission to update both the
	// source object and the target object").
	{API: "iam:UpdateUser", Actions: []string{"iam:UpdateUser"}, Resource: ResourceUser, Write: true,
		Writes: []string{TIAMUser}, AnyPath: true, When: "the user exists and its path differs from the spec"},
	{API: "iam:GetRole", Actions: []string{"iam:GetRole"}, Resource: ResourceRole,
		Reads: []string{TIAMRole}, Imports: []string{TIAMRole}, AnyPath: true},
	{API: "iam:CreateRole", Actions: []string{"iam:CreateRole"}, Resource: ResourceRole, Write: true,
		Writes: []string{TIAMRole}},
	{API: "iam:UpdateRole", Actions: []string{"iam:UpdateRole"}, Resource: ResourceRole, Write: true,
		Writes: []string{TIAMRole}, When: "the role exists and its maximum session duration differs from the spec"},
	{API: "iam:UpdateAssumeRolePolicy", Actions: []string{"iam:UpdateAssumeRolePolicy"}, Resource: ResourceRole, Write: true,
		Writes: []string{TIAMRole}, When: "the role exists and its trust policy differs from the spec (narrowed first when it trusts more)"},
	{API: "iam:GetPolicy", Actions: []string{"iam:GetPolicy"}, Resource: ResourcePolicy,
		Reads: []string{TManagedPolicy}, Imports: []string{TManagedPolicy}},
	{API: "iam:GetPolicyVersion", Actions: []string{"iam:GetPolicyVersion"}, Resource: ResourcePolicy,
		Reads: []string{TManagedPolicy}, Imports: []string{TManagedPolicy}},
	{API: "iam:CreatePolicy", Actions: []string{"iam:CreatePolicy"}, Resource: ResourcePolicy, Write: true,
		Writes: []string{TManagedPolicy}},
	{API: "iam:CreatePolicyVersion", Actions: []string{"iam:CreatePolicyVersion"}, Resource: ResourcePolicy, Write: true,
		Writes: []string{TManagedPolicy}, When: "the managed policy exists and differs from the spec: apply adds the new default version"},
	{API: "iam:ListPolicyVersions", Actions: []string{"iam:ListPolicyVersions"}, Resource: ResourcePolicy,
		Writes: []string{TManagedPolicy}, When: "the managed policy exists and differs from the spec: apply counts its versions first"},
	{API: "iam:DeletePolicyVersion", Actions: []string{"iam:DeletePolicyVersion"}, Resource: ResourcePolicy, Write: true,
		Writes: []string{TManagedPolicy}, When: "the managed policy already has five versions (IAM's limit): apply deletes the oldest non-default one"},
	{API: "iam:ListAttachedUserPolicies", Actions: []string{"iam:ListAttachedUserPolicies"}, Resource: ResourceUser,
		Reads: []string{TAttachment, tRevokedAttachment}, Imports: []string{TAttachment}, AnyPath: true},
	{API: "iam:ListAttachedRolePolicies", Actions: []string{"iam:ListAttachedRolePolicies"}, Resource: ResourceRole,
		Reads: []string{TAttachment, tRevokedAttachment}, Imports: []string{TAttachment}, AnyPath: true},
	// plan warns about every holder of the spec's managed policies that the
	// spec does not declare (plan_attached.go).
	{API: "iam:ListEntitiesForPolicy", Actions: []string{"iam:ListEntitiesForPolicy"}, Resource: ResourcePolicy,
		Reads: []string{TManagedPolicy, tOrphanPolicies}, When: "the managed policy exists, or (any policy) a policy no grant declares " +
			"grants access to a bucket of the spec: plan lists who holds it and warns about each user, role or group the spec does not declare"},
	// plan warns about an attached policy on the spec's buckets that no
	// grant declares, such as a deleted grant's (plan_orphan_policies.go).
	// GetAccountAuthorizationDetails has no resource-level permissions
	// (List, no resource type): its statement names Resource "*".
	{API: "iam:GetAccountAuthorizationDetails", Actions: []string{"iam:GetAccountAuthorizationDetails"}, Resource: ResourceAny,
		Reads: []string{tOrphanPolicies}},
	{API: "iam:AttachUserPolicy", Actions: []string{"iam:AttachUserPolicy"}, Resource: ResourceUser, Write: true,
		Writes: []string{TAttachment}, PolicyCondition: true},
	{API: "iam:AttachRolePolicy", Actions: []string{"iam:AttachRolePolicy"}, Resource: ResourceRole, Write: true,
		Writes: []string{TAttachment}, PolicyCondition: true},
	{API: "iam:ListAccessKeys", Actions: []string{"iam:ListAccessKeys"}, Resource: ResourceUser,
		Reads: []string{TAccessKey, tRevokedKeys}, Imports: []string{TIAMUser}, AnyPath: true}, // import warns about a user's keys
	// plan and import warn about inline policies and groups the grant does
	// not declare (plan_identity_extra.go, import_identity.go).
	{API: "iam:ListUserPolicies", Actions: []string{"iam:ListUserPolicies"}, Resource: ResourceUser,
		Reads: []string{TIAMUser, tRevokedAttachment}, Imports: []string{TIAMUser}, AnyPath: true, When: identityExtrasWhen},
	{API: "iam:ListRolePolicies", Actions: []string{"iam:ListRolePolicies"}, Resource: ResourceRole,
		Reads: []string{TIAMRole, tRevokedAttachment}, Imports: []string{TIAMRole}, AnyPath: true, When: identityExtrasWhen},
	{API: "iam:ListGroupsForUser", Actions: []string{"iam:ListGroupsForUser"}, Resource: ResourceUser,
		Reads: []string{TIAMUser, tRevokedAttachment}, AnyPath: true, When: identityExtrasWhen},
	{API: "iam:CreateAccessKey", Actions: []string{"iam:CreateAccessKey"}, Resource: ResourceUser, Write: true,
		Writes: []string{TAccessKey}},
	// revoked users: plan warns about a console password (revoked_login.go).
	{API: "iam:GetLoginProfile", Actions: []string{"iam:GetLoginProfile"}, Resource: ResourceUser,
		Reads: []string{tRevokedKeys}, AnyPath: true, When: "the revoked user exists: plan warns when it still has a console password"},
	// revoked_grant blocks (revoked.go): the user or role may be under any
	// path, which the spec does not say.
	{API: "iam:DetachUserPolicy", Actions: []string{"iam:DetachUserPolicy"}, Resource: ResourceUser, Write: true,
		Writes: []string{tRevokedAttachment}, PolicyCondition: true, AnyPath: true, When: "the revoked grant's policy is still attached to the user"},
	{API: "iam:DetachRolePolicy", Actions: []string{"iam:DetachRolePolicy"}, Resource: ResourceRole, Write: true,
		Writes: []string{tRevokedAttachment}, PolicyCondition: true, AnyPath: true, When: "the revoked grant's policy is still attached to the role"},
	{API: "iam:UpdateAccessKey", Actions: []string{"iam:UpdateAccessKey"}, Resource: ResourceUser, Write: true,
		Writes: []string{tRevokedKeys}, AnyPath: true, When: "the revoked user has an active access key: apply deactivates it"},

	// STS. The preflight needs no permission: AWS answers
	// GetCallerIdentity for any valid credentials, even when a policy
	// denies sts:GetCallerIdentity explicitly ("No permissions are required
	// to perform this operation", API_GetCallerIdentity in the STS API
	// Reference), so the policy leaves it out.
	{API: "sts:GetCallerIdentity", Resource: ResourceAny,
		Reads: []string{TBucket}, Imports: []string{TBucket}},

	// CloudTrail. DescribeTrails has no resource-level permissions (List,
	// no resource type): its statement names Resource "*".
	{API: "cloudtrail:DescribeTrails", Actions: []string{"cloudtrail:DescribeTrails"}, Resource: ResourceAny,
		Reads: []string{TTrail, tLogBucketTrails}, Imports: []string{TTrail}},
	{API: "cloudtrail:GetTrailStatus", Actions: []string{"cloudtrail:GetTrailStatus"}, Resource: ResourceTrail,
		Reads: []string{TTrailLogging}, Imports: []string{TTrailLogging}},
	{API: "cloudtrail:GetEventSelectors", Actions: []string{"cloudtrail:GetEventSelectors"}, Resource: ResourceTrail,
		Reads: []string{TEventSelectors}, Imports: []string{TEventSelectors}},
	{API: "cloudtrail:CreateTrail", Actions: []string{"cloudtrail:CreateTrail"}, Resource: ResourceTrail, Write: true,
		Writes: []string{TTrail}},
	{API: "cloudtrail:UpdateTrail", Actions: []string{"cloudtrail:UpdateTrail"}, Resource: ResourceTrail, Write: true,
		Writes: []string{TTrail}, When: "the trail exists and its settings differ from the spec"},
	{API: "cloudtrail:PutEventSelectors", Actions: []string{"cloudtrail:PutEventSelectors"}, Resource: ResourceTrail, Write: true,
		Writes: []string{TEventSelectors}},
	{API: "cloudtrail:StartLogging", Actions: []string{"cloudtrail:StartLogging"}, Resource: ResourceTrail, Write: true,
		Writes: []string{TTrailLogging}},
}

// OperationByAPI returns the entry of Operations for api ("s3:HeadBucket").
func OperationByAPI(api string) (Operation, bool) {
	for _, op := range Operations {
		if op.API == api {
			return op, true
		}
	}
	return Operation{}, false
}

// PermissionCommands are the commands whose permissions Permissions
// computes: the ones that call AWS.
var PermissionCommands = []string{"plan", "apply", "import"}

// itemTypes returns the item types command calls op for.
func (op *Operation) itemTypes(command string) []string {
	switch command {
	case "plan":
		return op.Reads
	case "apply":
		return append(append([]string{}, op.Reads...), op.Writes...)
	case "import":
		return op.Imports
	}
	return nil
}
