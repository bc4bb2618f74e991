// Package render turns an evaluated spec into the AWS documents it implies:
// identity and trust policies, bucket policies, public access block, ownership,
// encryption, versioning, lifecycle, logging, tagging, trails and event
// selectors, each in the exact shape the matching aws CLI parameter accepts
// with file://. Output is deterministic, and every statement and field keeps
// the source range that produced it.
package render

import (
	"github.com/hashicorp/hcl/v2"
)

// Kind names one type of rendered document.
type Kind string

// The document kinds, one per AWS call (see spec-language.md).
const (
	KindPublicAccessBlock Kind = "public-access-block"
	KindOwnershipControls Kind = "ownership-controls"
	KindEncryption        Kind = "encryption"
	KindVersioning        Kind = "versioning"
	KindLifecycle         Kind = "lifecycle"
	KindLogging           Kind = "logging"
	KindBucketPolicy      Kind = "bucket-policy"
	KindTagging           Kind = "tagging"
	KindIdentityPolicy    Kind = "identity-policy"
	KindTrustPolicy       Kind = "trust-policy"
	KindTrail             Kind = "trail"
	KindEventSelectors    Kind = "event-selectors"
)

// Document is one rendered AWS document.
type Document struct {
	// Path is the file path under the output directory, with forward
	// slashes: "buckets/NAME/bucket-policy.json", "grants/LABEL/...".
	Path string `json:"path"`
	Kind Kind   `json:"kind"`
	// Address is the spec block it belongs to ("bucket.data", "grant.x",
	// "trail.y").
	Address string `json:"address"`
	// Range is the range of that block's header.
	Range hcl.Range `json:"range"`
	// Content is the document as generic JSON values (map[string]any,
	// []any, string, float64/int, bool), ready for json encoding.
	Content any `json:"content"`
	// Provenance maps JSON pointers into Content ("/Statement/0",
	// "/Rules/1/Transitions/0/Days") to the spec source that produced that
	// value. Every statement of a policy document has an entry.
	Provenance map[string]hcl.Range `json:"provenance"`
	// Sensitive is true when Content holds a value derived from a sensitive
	// variable; such documents are redacted in printed output.
	Sensitive bool `json:"sensitive,omitempty"`
}

// Output is everything rendered from one spec, sorted by Path.
type Output struct {
	Documents []*Document `json:"documents"`
}
