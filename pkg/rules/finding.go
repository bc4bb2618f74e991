// Package rules evaluates the built-in and custom Rego policies on the
// inspect document of a spec and returns findings with exact source ranges.
package rules

import "github.com/hashicorp/hcl/v2"

// Severity of a rule or finding.
type Severity string

// The severities, from most to least severe.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityNotice  Severity = "notice"
)

// Rule is the metadata of one rule, read from its Rego # METADATA.
type Rule struct {
	ID               string   `json:"id"`    // custom.id, "TMC101"
	Name             string   `json:"name"`  // custom.name, "public-access-block"
	Title            string   `json:"title"` // title
	Description      string   `json:"description"`
	Remediation      string   `json:"remediation"`       // custom.remediation
	Severity         Severity `json:"severity"`          // custom.severity (after config overrides)
	Hard             bool     `json:"hard"`              // custom.hard: AWS rejects it; never suppressible
	SecuritySeverity string   `json:"security_severity"` // numeric string for SARIF ("9.0")
	RelatedResources []string `json:"related_resources"` // URLs (AWS documentation)
	Peers            []string `json:"peers"`             // custom.peers: peer tools' ids ("CKV_AWS_70", "FSBP S3.8")
	Link             string   `json:"link"`              // documentation URL of the rule
	Package          string   `json:"package"`           // "data.teramotc.rules.public_access_block"
	Custom           bool     `json:"custom"`            // from --policy, not built in
}

// Suppression says why a finding is not counted.
type Suppression struct {
	Kind   string    `json:"kind"` // "inline" | "file" | "config"
	Reason string    `json:"reason"`
	Until  string    `json:"until,omitempty"` // YYYY-MM-DD
	Source hcl.Range `json:"source"`          // the comment or config block
}

// Finding is one problem a rule found in a spec.
type Finding struct {
	Rule        *Rule        `json:"rule"`
	Message     string       `json:"message"`
	Address     string       `json:"address,omitempty"` // spec block address, "bucket.data"
	Range       hcl.Range    `json:"range"`
	Suppression *Suppression `json:"suppression"` // nil when the finding counts

	// validated is set on findings of validate's diagnostics: AWS rejects
	// the spec, so they are never suppressed or disabled, even for rules
	// that are only partly hard (TMC602, TMC604).
	validated bool
	// lowered is the severity the rule gave this finding ("severity" in its
	// deny element), applied when lower than the rule's effective severity.
	lowered Severity
}
