package apply

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// RecordSpecFiles records in in the SHA-256 of each of the spec's files
// (by base name: a spec is one directory of files) as they are printed:
// with access keys and the values of sensitive variables masked
// (spec.Loaded's Files, then Redact), and the values the plan masks
// although the spec writes them literally (literalSecrets: an external id)
// masked too, so the hashes confirm no guess of a secret. The -var-file
// paths varFiles are left out: they are the variables' values. apply's
// refusal of a stale plan then names the files that changed, or says that
// the variables' values did.
func (in *PlanInputs) RecordSpecFiles(l *spec.Loaded, varFiles []string) {
	if in == nil || l == nil {
		return
	}
	in.SpecFiles = map[string]string{}
	literal := literalSecrets(l.Spec)
	for name, f := range l.Files {
		if slices.ContainsFunc(varFiles, func(v string) bool { return samePathName(v, name) }) {
			continue
		}
		text := l.Redact(string(f.Bytes))
		for _, secret := range literal {
			text = strings.ReplaceAll(text, secret, spec.RedactedText)
		}
		sum := sha256.Sum256([]byte(text))
		in.SpecFiles[filepath.Base(name)] = hex.EncodeToString(sum[:])
	}
}

// literalSecrets returns, longest first, the values of s that a plan masks
// whether or not they come from a sensitive variable: each grant's
// external_id, and the values of a statement condition on a secret key
// (sts:ExternalId).
func literalSecrets(s *spec.Spec) []string {
	if s == nil {
		return nil
	}
	var out []string
	add := func(v string) {
		if v != "" && v != spec.RedactedText && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	for _, g := range s.Grants {
		if g.Role != nil {
			add(g.Role.ExternalID.Value)
		}
	}
	for _, b := range s.Buckets {
		for _, st := range b.Statements {
			for _, c := range st.Conditions {
				if secretConditionKey(c.Variable.Value) {
					for _, v := range c.Values.Value {
						add(v)
					}
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

func samePathName(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// changedSpecFiles lists, sorted, the spec files whose hash differs between
// was and now, or that only one of them has; ok is false when either does
// not record them (a plan file made before they were).
func changedSpecFiles(was, now *PlanInputs) (files []string, ok bool) {
	if was == nil || now == nil || was.SpecFiles == nil || now.SpecFiles == nil {
		return nil, false
	}
	for name, h := range was.SpecFiles {
		if now.SpecFiles[name] != h {
			files = append(files, name)
		}
	}
	for name := range now.SpecFiles {
		if _, in := was.SpecFiles[name]; !in {
			files = append(files, name)
		}
	}
	sort.Strings(files)
	return files, true
}

// quoteFiles quotes file names for a message: "a.hcl", "b.hcl".
func quoteFiles(files []string) string {
	q := make([]string, len(files))
	for i, f := range files {
		q[i] = quoteJSON(f)
	}
	return strings.Join(q, ", ")
}
