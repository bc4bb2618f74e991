package apply

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// generated is a live bucket policy split into what a spec renders from
// its settings and the statements it declares as statement blocks.
type generated struct {
	user       []map[string]any
	tls        bool // the require_tls deny is there
	sidlessTLS bool // ... without a Sid
	enc        bool // the require_encrypted_uploads denies are there
}

// userStatements splits a live bucket policy (see generated). A statement
// is the require_tls deny (Sid DenyInsecureTransport, or none) or the
// require_encrypted_uploads denies (DenyUnencryptedUploads and, on a
// bucket with an SSE-KMS key, DenyOtherKMSKeys, for alg and key, the
// bucket's default encryption) only when it is the statement the spec
// renders, apart from its Sid; a statement with such a Sid that says
// something else is a statement block like any other, so that import
// keeps what it says.
// Its ARNs are in e.Partition, which Import's e.defaults() has set.
func (e *Engine) userStatements(policy map[string]any, bucket, alg, key string) generated {
	if alg == "" {
		alg = "AES256"
	}
	objects := arns{partition: e.Partition}.bucket(bucket) + "/*"
	deny := func(cond map[string]any) map[string]any {
		return map[string]any{"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": objects, "Condition": cond}
	}
	upload := deny(map[string]any{"StringNotEquals": map[string]any{"s3:x-amz-server-side-encryption": alg}})
	otherKey := deny(map[string]any{"StringNotEquals": map[string]any{kmsKeyIDHeader: key}, "Null": map[string]any{kmsKeyIDHeader: "false"}})
	kmsKey := strings.HasPrefix(alg, "aws:kms") && key != ""
	list := statements(policy)
	var g generated
	tlsAt, uploadAt, keyAt := -1, -1, -1
	for i, s := range list {
		switch sid := str(s["Sid"]); {
		case tlsAt < 0 && (sid == "DenyInsecureTransport" || sid == "") && e.sameStatement(s, tlsDeny(e.Partition, bucket)):
			tlsAt, g.tls, g.sidlessTLS = i, true, sid == ""
		case uploadAt < 0 && sid == "DenyUnencryptedUploads" && e.sameStatement(s, upload):
			uploadAt = i
		case keyAt == -1 && sid == "DenyOtherKMSKeys":
			keyAt = i
			if !kmsKey || !e.sameStatement(s, otherKey) {
				keyAt = -2 // there, and not the spec's
			}
		}
	}
	g.enc = uploadAt >= 0 && keyAt != -2
	for i, s := range list {
		if i == tlsAt || g.enc && (i == uploadAt || i == keyAt) {
			continue
		}
		g.user = append(g.user, s)
	}
	return g
}

// kmsKeyIDHeader is the condition key of the KMS key id header of uploads.
const kmsKeyIDHeader = "s3:x-amz-server-side-encryption-aws-kms-key-id"

// tlsDeny is the statement require_tls renders, without its Sid.
func tlsDeny(partition, bucket string) map[string]any {
	arn := arns{partition: partition}.bucket(bucket)
	return map[string]any{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": []any{arn, arn + "/*"},
		"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}}}
}

// sameStatement reports whether two statements are equivalent apart from
// their Sid.
func (e *Engine) sameStatement(a, b map[string]any) bool {
	ca, err := CanonicalPolicy(map[string]any{"Statement": []any{withoutSid(a)}}, e.Partition)
	if err != nil {
		return false
	}
	cb, err := CanonicalPolicy(map[string]any{"Statement": []any{withoutSid(b)}}, e.Partition)
	return err == nil && equal(ca, cb)
}

// importStatements writes the user statements of a live bucket policy as
// statement blocks labelled with their Sid. A statement without one gets
// the first free label of Imported1, Imported2, ... in document order
// (taken: every live Sid), and one whose Sid an earlier statement already
// has, or that has other characters than letters and digits, gets the Sid
// without them and with the first free number appended when taken (Read2,
// Read3, ...; a spec's labels are unique, alphanumeric Sids). Import warns that the plan renames these
// Sids (a neutral change: the statements grant and deny the same). A
// Sid-less require_tls deny (tls) gets a warning too: the spec renders it
// with the Sid DenyInsecureTransport. A statement with a field a statement
// block cannot express is refused (checkStatement).
func importStatements(b *hclwrite.Body, bucket string, user []map[string]any, taken map[string]bool, tls bool, im *Imported) {
	var labelled, renamed []string
	used := map[string]bool{}
	n := 0
	for _, s := range user {
		im.checkStatement(bucket, s)
		sid := str(s["Sid"])
		switch {
		case sid == "":
			for {
				n++
				sid = "Imported" + strconv.Itoa(n)
				if !taken[sid] {
					break
				}
			}
			taken[sid] = true
			labelled = append(labelled, sid)
			b.AppendUnstructuredTokens(comment("import: this statement has no Sid in S3; its label adds Sid " + strconv.Quote(sid) + "."))
		case used[sid] || !sidChars.MatchString(sid):
			live := sid
			why := "an earlier statement has this Sid in S3 too"
			if sid = nonSidChars.ReplaceAllString(live, ""); sid != live {
				why = "a spec's Sid has only letters and digits"
			}
			if sid == "" {
				sid = "Imported"
			}
			for base, i := sid, 2; taken[sid] && (sid != live || used[sid]); i++ {
				sid = base + strconv.Itoa(i)
			}
			taken[sid] = true
			renamed = append(renamed, strconv.Quote(live)+" -> "+sid)
			b.AppendUnstructuredTokens(comment("import: " + why + "; its label renames it " + strconv.Quote(live) + " -> " + strconv.Quote(sid) + "."))
		}
		used[sid] = true
		importStatement(b, sid, s)
	}
	if len(labelled) > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: %d bucket-policy statement(s) have no Sid; the imported spec labels them %s "+
			"(rename them if you like). plan shows the bucket-policy change that adds these Sids, classified neutral: the statements grant and deny the same.",
			bucket, len(labelled), strings.Join(labelled, ", ")))
	}
	if len(renamed) > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: bucket-policy statements have Sids a spec cannot express (a label is the Sid: "+
			"unique, letters and digits only); the imported spec renames them: %s (rename them if you like). plan shows the bucket-policy change that "+
			"renames these Sids, classified neutral: the statements grant and deny the same.", bucket, strings.Join(renamed, ", ")))
	}
	if tls {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: the bucket policy's statement without a Sid that denies insecure transport "+
			"is imported as require_tls = true. plan shows the bucket-policy change that gives it the Sid DenyInsecureTransport, classified neutral.", bucket))
	}
}

var (
	sidChars    = regexp.MustCompile(`^[A-Za-z0-9]+$`)
	nonSidChars = regexp.MustCompile(`[^A-Za-z0-9]+`)
)
