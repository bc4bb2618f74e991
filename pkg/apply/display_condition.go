package apply

import "strings"

// Canonical policies hold condition keys in lower case (IAM compares them
// case-insensitively), so the spelling the spec wrote is gone by the time
// a plan prints them. Plans print the keys AWS documents in their
// documented spelling (the IAM global condition context keys, and the S3
// and STS keys teramotc renders or a spec commonly sets); any other key
// as this process first saw it written with capitals, in the spec or a
// live policy (kms:ViaService); a key never seen so, as it is compared,
// in lower case.

// lowerConditionKey returns k in lower case, remembering its spelling
// (keySpellings, policy_spelling.go).
func lowerConditionKey(k string) string { return keySpellings.lower(k) }

var conditionKeys = spellingTable(
	// IAM global condition context keys.
	"aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast", "aws:CurrentTime",
	"aws:EpochTime", "aws:FederatedProvider", "aws:MultiFactorAuthAge",
	"aws:MultiFactorAuthPresent", "aws:PrincipalAccount", "aws:PrincipalArn",
	"aws:PrincipalIsAWSService", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
	"aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:PrincipalType",
	"aws:Referer", "aws:RequestedRegion", "aws:ResourceAccount", "aws:ResourceOrgID",
	"aws:ResourceOrgPaths", "aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn",
	"aws:SourceIdentity", "aws:SourceIp", "aws:SourceOrgID", "aws:SourceOrgPaths",
	"aws:SourceVpc", "aws:SourceVpce", "aws:TagKeys", "aws:TokenIssueTime",
	"aws:UserAgent", "aws:userid", "aws:username", "aws:ViaAWSService", "aws:VpcSourceIp",
	// S3.
	"s3:AccessPointNetworkOrigin", "s3:authType", "s3:DataAccessPointAccount",
	"s3:DataAccessPointArn", "s3:delimiter", "s3:max-keys", "s3:object-lock-mode",
	"s3:prefix", "s3:ResourceAccount", "s3:signatureAge", "s3:signatureversion",
	"s3:TlsVersion", "s3:versionid", "s3:x-amz-acl", "s3:x-amz-content-sha256",
	"s3:x-amz-copy-source", "s3:x-amz-grant-full-control", "s3:x-amz-grant-read",
	"s3:x-amz-grant-write", "s3:x-amz-metadata-directive", "s3:x-amz-server-side-encryption",
	"s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:x-amz-storage-class",
	"s3:RequestObjectTagKeys",
	// STS.
	"sts:ExternalId", "sts:RoleSessionName", "sts:SourceIdentity", "sts:TransitiveTagKeys",
)

// Keys that take a tag key after a slash: only the prefix is spelled, the
// tag key stays as it is compared.
var conditionKeyPrefixes = spellingTable(
	"aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/",
	"s3:ExistingObjectTag/", "s3:RequestObjectTag/",
)

func spellingTable(keys ...string) map[string]string {
	m := make(map[string]string, len(keys))
	for _, k := range keys {
		m[strings.ToLower(k)] = k
	}
	return m
}

// conditionKeySpelling returns the documented spelling of condition key k
// (compared in any case), else the spelling seen for it when k is in lower
// case, else k itself.
func conditionKeySpelling(k string) string {
	l := strings.ToLower(k)
	if s, ok := conditionKeys[l]; ok {
		return s
	}
	if i := strings.IndexByte(l, '/'); i > 0 {
		if s, ok := conditionKeyPrefixes[l[:i+1]]; ok {
			return s + k[i+1:]
		}
	}
	if s, ok := keySpellings.spelling(l); ok && k == l {
		return s
	}
	return k
}
