package spec

import "github.com/hashicorp/hcl/v2"

// The schemas below are the block and attribute names of the spec language.
// Attributes are all optional at the schema level: required attributes are
// checked while decoding, so that the diagnostic points at the block header.

var rootSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "teramotc"},
		{Type: "aws"},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "bucket", LabelNames: []string{"label"}},
		{Type: "grant", LabelNames: []string{"label"}},
		{Type: "trail", LabelNames: []string{"label"}},
		{Type: "revoked_grant", LabelNames: []string{"label"}},
	},
}

var settingsSchema = attrSchema(nil, "required_version")

var awsSchema = attrSchema(nil, "account_id", "partition")

var variableSchema = attrSchema(
	[]hcl.BlockHeaderSchema{{Type: "validation"}},
	"type", "default", "description", "sensitive", "nullable")

var validationSchema = attrSchema(nil, "condition", "error_message")

var bucketSchema = attrSchema(
	[]hcl.BlockHeaderSchema{
		{Type: "public_access_block"},
		{Type: "encryption"},
		{Type: "lifecycle_rule", LabelNames: []string{"id"}},
		{Type: "access_logging"},
		{Type: "statement", LabelNames: []string{"sid"}},
	},
	"name", "region", "block_public_access", "object_ownership", "require_tls", "versioning", "tags")

var publicAccessBlockSchema = attrSchema(nil,
	"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets")

var encryptionSchema = attrSchema(nil, "algorithm", "kms_key_arn", "bucket_key", "require_encrypted_uploads")

var lifecycleRuleSchema = attrSchema(
	[]hcl.BlockHeaderSchema{{Type: "transition"}},
	"enabled", "prefix", "expiration_days", "noncurrent_expiration_days", "abort_incomplete_upload_days")

var transitionSchema = attrSchema(nil, "days", "storage_class")

var accessLoggingSchema = attrSchema(nil, "target_bucket", "target_prefix")

var statementSchema = attrSchema(
	[]hcl.BlockHeaderSchema{{Type: "condition"}},
	"effect", "principals", "actions", "not_actions", "resources")

var conditionSchema = attrSchema(nil, "test", "variable", "values")

var grantSchema = attrSchema(
	[]hcl.BlockHeaderSchema{{Type: "iam_user"}, {Type: "cross_account_role"}},
	"bucket", "permissions", "extra_actions", "prefix")

var iamUserSchema = attrSchema(nil, "name", "path", "policy_name", "create_access_key")

var roleSchema = attrSchema(nil,
	"name", "path", "trusted_account_id", "trusted_principal", "external_id", "max_session_duration", "policy_name")

var revokedGrantSchema = attrSchema(nil, "iam_user", "cross_account_role", "policy_name")

var trailSchema = attrSchema(nil,
	"bucket", "log_bucket", "log_bucket_account", "log_prefix", "read_events", "write_events", "multi_region",
	"log_file_validation", "kms_key_arn", "management_events")

func attrSchema(blocks []hcl.BlockHeaderSchema, names ...string) *hcl.BodySchema {
	s := &hcl.BodySchema{Blocks: blocks}
	for _, n := range names {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: n})
	}
	return s
}
