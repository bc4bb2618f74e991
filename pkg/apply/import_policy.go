package apply

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// userStatements returns the statements of a live bucket policy that the
// spec declares as statement blocks: all but those the spec renders from
// its settings (require_tls, encryption). A statement without a Sid that
// is the require_tls deny (any principal, s3:*, on the bucket and its
// objects, when aws:SecureTransport is false) is left out too, and tls
// reports it.
func (e *Engine) userStatements(policy map[string]any, bucket string) (user []map[string]any, tls bool) {
	for _, s := range statements(policy) {
		switch str(s["Sid"]) {
		case "DenyInsecureTransport", "DenyUnencryptedUploads", "DenyOtherKMSKeys": // rendered from the settings
			continue
		case "":
			if !tls && e.sameStatement(s, tlsDeny(e.Partition, bucket)) {
				tls = true
				continue
			}
		}
		user = append(user, s)
	}
	return user, tls
}

// tlsDeny is the statement require_tls renders, without its Sid.
func tlsDeny(partition, bucket string) map[string]any {
	if partition == "" {
		partition = "aws"
	}
	arn := "arn:" + partition + ":s3:::" + bucket
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
// has gets the Sid with the first free number appended (Read2, Read3, ...;
// a spec's labels are unique). Import warns that the plan renames these
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
		case used[sid]:
			live := sid
			for i := 2; taken[sid]; i++ {
				sid = live + strconv.Itoa(i)
			}
			taken[sid] = true
			renamed = append(renamed, live+" -> "+sid)
			b.AppendUnstructuredTokens(comment("import: an earlier statement has this Sid in S3 too; its label renames it " + strconv.Quote(live) + " -> " + strconv.Quote(sid) + "."))
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
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: bucket-policy statements share a Sid, which a spec cannot express (each label is a Sid "+
			"and must be unique); the imported spec renames the later ones: %s (rename them if you like). plan shows the bucket-policy change that "+
			"renames these Sids, classified neutral: the statements grant and deny the same.", bucket, strings.Join(renamed, ", ")))
	}
	if tls {
		im.Notes = append(im.Notes, fmt.Sprintf("Warning: bucket %s: the bucket policy's statement without a Sid that denies insecure transport "+
			"is imported as require_tls = true. plan shows the bucket-policy change that gives it the Sid DenyInsecureTransport, classified neutral.", bucket))
	}
}
