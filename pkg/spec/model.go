// Package spec reads a teramotc spec (a directory of HCL files, or single
// files) into a typed, fully evaluated model. Every block and attribute of the
// model keeps the hcl.Range it came from, so that validation, lint findings,
// rendered documents and plans can all point back at the user's source.
//
// The JSON encoding of the model (see the json tags) is part of the input
// document of the lint rules (`teramotc inspect`); renaming a field is a
// breaking change for user policies.
package spec

import (
	"github.com/hashicorp/hcl/v2"
)

// Attr is one evaluated attribute value with its provenance.
//
// Set reports whether the user wrote the attribute with a non-null value.
// When Set is false, Value holds the secure default (or the zero value for an
// optional attribute that is absent) and Range is the range of the enclosing
// block's header, so findings about a missing attribute point at its block.
type Attr[T any] struct {
	Value     T         `json:"value"`
	Range     hcl.Range `json:"range"`
	Set       bool      `json:"set"`
	Sensitive bool      `json:"sensitive,omitempty"` // derived from a sensitive variable
	// Elements holds, for a list of strings, one range per element of
	// Value: the element's own when the list is written as a list literal
	// (["a", "b"]), else the attribute's. Only the inspect document of an
	// Attr[[]string] has it (element_ranges; the inspect tag).
	Elements []hcl.Range `json:"element_ranges,omitempty" inspect:"strlist"`
	// Number reports a string attribute written as a number (account_id =
	// 012345678901, which HCL reads as 12345678901): the inspect document
	// has "number": true then, and no "number" key otherwise.
	Number bool `json:"number,omitempty" inspect:"iftrue"`
}

// Block is embedded in every block type of the model.
type Block struct {
	// Address is the block's unique address inside its spec: "bucket.data",
	// "grant.teramot", "bucket.data.lifecycle_rule.Archive", ...
	Address string `json:"address"`
	// DeclRange covers the block type and labels (`bucket "data"`).
	DeclRange hcl.Range `json:"decl_range"`
	// Range covers the whole block, braces included.
	Range hcl.Range `json:"range"`
}

// Spec is one evaluated spec.
type Spec struct {
	// Root is the directory that holds the spec (for a single file, its
	// directory). File access (file(), templatefile()) is confined to it.
	Root string `json:"root"`
	// Files lists the spec's files, relative to the working directory as the
	// user named them, in the order they were read (sorted by name).
	Files []string `json:"files"`

	Settings  *Settings   `json:"teramotc"`
	AWS       AWS         `json:"aws"`
	Variables []*Variable `json:"variables"`
	Locals    []*Local    `json:"locals"`
	Buckets   []*Bucket   `json:"buckets"`
	Grants    []*Grant    `json:"grants"`
	Trails    []*Trail    `json:"trails"`
	// RevokedGrants are the former grants whose access apply removes.
	RevokedGrants []*RevokedGrant `json:"revoked_grants"`

	// Secrets lists AWS credentials written in the spec's files or its
	// -var-file files (rule TMC705), without the secret text.
	Secrets []*SecretHit `json:"secrets"`
}

// Settings is the optional `teramotc` block.
type Settings struct {
	Block
	RequiredVersion Attr[string] `json:"required_version"`
}

// AWS is the optional `aws` block. When the block is absent DeclRange is the
// zero range and the attributes hold their defaults.
type AWS struct {
	Block
	Declared  bool         `json:"declared"`
	AccountID Attr[string] `json:"account_id"` // "" when unknown
	Partition Attr[string] `json:"partition"`  // default "aws"
}

// Variable is a declared input variable, after its value was chosen from
// -var, -var-file, TERAMOTC_VAR_<name> or its default.
type Variable struct {
	Block
	Name        string       `json:"name"`
	Type        string       `json:"type"` // the type expression as written, "any" when absent
	Description Attr[string] `json:"description"`
	Sensitive   Attr[bool]   `json:"sensitive"`
	// Source says where the value came from: "default", "var", "var-file",
	// "env".
	Source string `json:"source"`
}

// Local is one entry of a `locals` block.
type Local struct {
	Name  string    `json:"name"`
	Range hcl.Range `json:"range"`
}

// Bucket is a `bucket` block.
type Bucket struct {
	Block
	Label  string       `json:"label"`
	Name   Attr[string] `json:"name"`
	Region Attr[string] `json:"region"`

	// BlockPublicAccess is the shorthand attribute. The four flags below are
	// always resolved: from public_access_block when written, else from
	// block_public_access, else the secure default (true).
	BlockPublicAccess     Attr[bool] `json:"block_public_access"`
	PublicAccessBlockDecl *Block     `json:"public_access_block_decl"` // nil when the block is absent
	BlockPublicAcls       Attr[bool] `json:"block_public_acls"`
	IgnorePublicAcls      Attr[bool] `json:"ignore_public_acls"`
	BlockPublicPolicy     Attr[bool] `json:"block_public_policy"`
	RestrictPublicBuckets Attr[bool] `json:"restrict_public_buckets"`

	ObjectOwnership Attr[string] `json:"object_ownership"`
	Encryption      Encryption   `json:"encryption"`
	RequireTLS      Attr[bool]   `json:"require_tls"`
	Versioning      Attr[bool]   `json:"versioning"`

	LifecycleRules []*LifecycleRule `json:"lifecycle_rules"`
	AccessLogging  *AccessLogging   `json:"access_logging"` // nil when absent
	Statements     []*Statement     `json:"statements"`
	Tags           Tags             `json:"tags"`
}

// Encryption is a bucket's `encryption` block; Declared is false when the
// block is absent (the defaults still apply).
type Encryption struct {
	Block
	Declared                bool         `json:"declared"`
	Algorithm               Attr[string] `json:"algorithm"`   // AES256 | aws:kms | aws:kms:dsse
	KMSKeyARN               Attr[string] `json:"kms_key_arn"` // "" when null
	BucketKey               Attr[bool]   `json:"bucket_key"`  // default: true with aws:kms, false otherwise
	RequireEncryptedUploads Attr[bool]   `json:"require_encrypted_uploads"`
}

// LifecycleRule is a `lifecycle_rule` block; its label is the rule ID.
type LifecycleRule struct {
	Block
	ID                        string        `json:"id"`
	Enabled                   Attr[bool]    `json:"enabled"`
	Prefix                    Attr[string]  `json:"prefix"`
	Transitions               []*Transition `json:"transitions"`
	ExpirationDays            Attr[int]     `json:"expiration_days"` // Set=false: absent
	NoncurrentExpirationDays  Attr[int]     `json:"noncurrent_expiration_days"`
	AbortIncompleteUploadDays Attr[int]     `json:"abort_incomplete_upload_days"`
}

// Transition is a `transition` block inside a lifecycle rule.
type Transition struct {
	Block
	Days         Attr[int]    `json:"days"`
	StorageClass Attr[string] `json:"storage_class"`
}

// AccessLogging is a bucket's `access_logging` block.
type AccessLogging struct {
	Block
	// TargetBucket is the resolved AWS bucket name.
	TargetBucket Attr[string] `json:"target_bucket"`
	// TargetRef is the label of the target bucket when the attribute refers
	// to a bucket declared in the spec (bucket.logs or bucket.logs.name);
	// "" for a plain name.
	TargetRef    string       `json:"target_ref"`
	TargetPrefix Attr[string] `json:"target_prefix"`
}

// Statement is an extra bucket-policy statement; its label is the Sid.
type Statement struct {
	Block
	Sid        string           `json:"sid"`
	Effect     Attr[string]     `json:"effect"` // default "Allow"
	Principals Attr[Principals] `json:"principals"`
	Actions    Attr[[]string]   `json:"actions"`
	NotActions Attr[[]string]   `json:"not_actions"`
	Resources  Attr[[]string]   `json:"resources"`
	Conditions []*Condition     `json:"conditions"`
}

// Principals is the evaluated `principals` attribute: either the wildcard
// ("*" or { "*" = ["*"] }) or a map of principal type (AWS, Service,
// Federated, CanonicalUser) to identifiers, each list sorted.
type Principals struct {
	Wildcard bool                `json:"wildcard"`
	Map      map[string][]string `json:"map"`
}

// Condition is a `condition` block of a statement.
type Condition struct {
	Block
	Test     Attr[string]   `json:"test"`
	Variable Attr[string]   `json:"variable"`
	Values   Attr[[]string] `json:"values"`
}

// Tags is a bucket's `tags` map; Entries is sorted by key.
type Tags struct {
	Range   hcl.Range `json:"range"`
	Set     bool      `json:"set"`
	Entries []*Tag    `json:"entries"`
	// SensitiveKeys reports that the keys are secrets too: the whole map
	// derives from a sensitive value (tags = var.t), or its keys do. The
	// keys of a map written in the spec are not, even when every value is
	// sensitive ({ secret = var.x }, or a value holding an access key).
	SensitiveKeys bool `json:"sensitive_keys,omitempty"`
}

// Tag is one tag; Range covers the `key = value` item.
type Tag struct {
	Key   string    `json:"key"`
	Value string    `json:"value"`
	Range hcl.Range `json:"range"`
	// Sensitive reports that the tag's value derives from a sensitive
	// variable, or the whole tags map does (then every tag is sensitive).
	Sensitive bool `json:"sensitive,omitempty"`
}

// Grant is a `grant` block: one principal's access to one bucket.
type Grant struct {
	Block
	Label string `json:"label"`
	// Bucket is the label of the referenced bucket block.
	Bucket       Attr[string]   `json:"bucket"`
	Permissions  Attr[[]string] `json:"permissions"` // read | write | delete | list
	ExtraActions Attr[[]string] `json:"extra_actions"`
	Prefix       Attr[string]   `json:"prefix"`

	IAMUser *IAMUser          `json:"iam_user"`           // exactly one of IAMUser and Role
	Role    *CrossAccountRole `json:"cross_account_role"` // is non-nil in a valid spec
}

// IAMUser is a grant's `iam_user` block.
type IAMUser struct {
	Block
	Name            Attr[string] `json:"name"`
	Path            Attr[string] `json:"path"` // default "/"
	PolicyName      Attr[string] `json:"policy_name"`
	CreateAccessKey Attr[bool]   `json:"create_access_key"`
}

// CrossAccountRole is a grant's `cross_account_role` block.
type CrossAccountRole struct {
	Block
	Name               Attr[string] `json:"name"`
	Path               Attr[string] `json:"path"` // default "/"
	TrustedAccountID   Attr[string] `json:"trusted_account_id"`
	TrustedPrincipal   Attr[string] `json:"trusted_principal"` // "root" or a role ARN
	ExternalID         Attr[string] `json:"external_id"`
	MaxSessionDuration Attr[int]    `json:"max_session_duration"` // default 3600
	PolicyName         Attr[string] `json:"policy_name"`
}

// RevokedGrant is a `revoked_grant` block: a former grant whose access
// apply removes by detaching its managed policy from the IAM user or role
// and deactivating the user's access keys. Exactly one of IAMUser and Role
// is set (Set true) in a valid spec; the other holds "".
type RevokedGrant struct {
	Block
	Label      string       `json:"label"`
	IAMUser    Attr[string] `json:"iam_user"`
	Role       Attr[string] `json:"cross_account_role"`
	PolicyName Attr[string] `json:"policy_name"` // default LABEL-s3-access, as a grant's
}

// Trail is a `trail` block: CloudTrail data events for one bucket.
type Trail struct {
	Block
	Label string `json:"label"`
	// Bucket is the label of the bucket whose data events are logged.
	Bucket Attr[string] `json:"bucket"`
	// LogBucket is the resolved name of the bucket receiving the logs;
	// LogBucketRef the label when it refers to a declared bucket.
	LogBucket    Attr[string] `json:"log_bucket"`
	LogBucketRef string       `json:"log_bucket_ref"`
	// LogBucketAccount is the 12-digit account that owns a log bucket
	// named by a literal string that the spec does not declare, such as
	// an organization's log archive account (default: aws.account_id).
	LogBucketAccount  Attr[string] `json:"log_bucket_account"`
	LogPrefix         Attr[string] `json:"log_prefix"`
	ReadEvents        Attr[bool]   `json:"read_events"`
	WriteEvents       Attr[bool]   `json:"write_events"`
	MultiRegion       Attr[bool]   `json:"multi_region"`
	LogFileValidation Attr[bool]   `json:"log_file_validation"`
	KMSKeyARN         Attr[string] `json:"kms_key_arn"`
	// ManagementEvents: the event selector also logs management events
	// (default true).
	ManagementEvents Attr[bool] `json:"management_events"`
}

// BucketByLabel returns the bucket with the given label, or nil.
func (s *Spec) BucketByLabel(label string) *Bucket {
	for _, b := range s.Buckets {
		if b.Label == label {
			return b
		}
	}
	return nil
}
