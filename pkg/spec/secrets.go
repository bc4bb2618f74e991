package spec

import (
	"bytes"
	"regexp"

	"github.com/hashicorp/hcl/v2"
)

// SecretHit is an AWS credential found written in a spec or variable file
// (the input of rule TMC705). The secret text itself is never kept.
type SecretHit struct {
	Kind  string    `json:"kind"` // "access_key_id" | "secret_access_key"
	Range hcl.Range `json:"range"`
}

var (
	accessKeyRe = regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`)
	// A quoted secret of 40 characters (AWS's length; up to 128 so that a key
	// pasted with extra characters is caught too)...
	secretValueRe = regexp.MustCompile(`["']([A-Za-z0-9/+]{40,128}={0,2})["']`)
	// ...assigned to a name that looks like a secret: aws_secret_access_key =
	// "...", secret: "...", "SecretKey" = "...".
	secretNameRe = regexp.MustCompile(`(?i)(?:secret|password|passwd|credential|private_key|token)[a-z0-9_.-]*["']?\s*[=:]\s*$`)
)

// scanSecrets records the AWS access key ids and secret access keys written
// in src.
func (l *loader) scanSecrets(filename string, src []byte) {
	for _, m := range accessKeyRe.FindAllIndex(src, -1) {
		l.addSecret("access_key_id", filename, src, m[0], m[1])
	}
	for _, m := range secretValueRe.FindAllSubmatchIndex(src, -1) {
		lineStart := bytes.LastIndexByte(src[:m[0]], '\n') + 1
		if secretNameRe.Match(src[lineStart:m[0]]) {
			l.addSecret("secret_access_key", filename, src, m[2], m[3])
		}
	}
}

func (l *loader) addSecret(kind, filename string, src []byte, start, end int) {
	l.spec.Secrets = append(l.spec.Secrets, &SecretHit{
		Kind:  kind,
		Range: hcl.Range{Filename: filename, Start: offsetPos(src, start), End: offsetPos(src, end)},
	})
}
