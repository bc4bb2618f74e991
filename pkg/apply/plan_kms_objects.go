package apply

import "fmt"

// warnKMSObjects warns about each bucket whose default encryption moves off
// a KMS key (aws:kms or aws:kms:dsse to AES256, or to another key): S3
// does not re-encrypt the objects already written, so they stay encrypted
// with the old key, and reading them needs kms:Decrypt on it, which the
// spec's grants give only for the key the bucket uses (their KMS
// statement goes at step 2). The plan classifies the change itself
// correctly; what it did not say is that partners then cannot read the
// older objects (review op3 L3). Nothing is read.
func warnKMSObjects(p *Plan) {
	for _, c := range p.Changes {
		if c.Type != TEncryption || c.before == nil {
			continue
		}
		b, _ := c.before.(map[string]any)
		w, _ := c.item.Desired.(map[string]any)
		was, is := str(b["SSEAlgorithm"]), str(w["SSEAlgorithm"])
		oldKey, newKey := str(b["KMSMasterKeyID"]), str(w["KMSMasterKeyID"])
		if sseStrength[was] < sseStrength["aws:kms"] || (sseStrength[is] >= sseStrength["aws:kms"] && oldKey == newKey) {
			continue
		}
		key := "the bucket's KMS key"
		if oldKey != "" {
			key = "KMS key " + oldKey
		}
		p.Warnings = append(p.Warnings, fmt.Sprintf("bucket %s: the default encryption changes from %s to %s, but objects already written stay encrypted with %s "+
			"(changing the default encryption re-encrypts nothing), and reading them needs kms:Decrypt on that key, which the spec's grants keep only for the key "+
			"the bucket uses: after this apply, partners cannot read those objects. Re-encrypt them (aws s3 cp s3://%s/ s3://%s/ --recursive --sse %s), "+
			"or keep the key in the spec until they are",
			c.Name, orNone(was)+keyNote(oldKey), orNone(is)+keyNote(newKey), key, c.Name, c.Name, sseFlag(is, newKey)))
	}
}

func keyNote(k string) string {
	if k == "" {
		return ""
	}
	return " (" + k + ")"
}

// sseFlag is the aws s3 cp --sse value that writes objects as the new
// default encryption does.
func sseFlag(alg, key string) string {
	switch {
	case alg == "":
		return "AES256"
	case key != "":
		return alg + " --sse-kms-key-id " + key
	}
	return alg
}
