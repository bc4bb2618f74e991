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
// (spec.Loaded's Files, then Redact), so the hashes confirm no guess of a
// secret. The -var-file paths varFiles are left out: they are the
// variables' values. apply's refusal of a stale plan then names the files
// that changed, or says that the variables' values did.
func (in *PlanInputs) RecordSpecFiles(l *spec.Loaded, varFiles []string) {
	if in == nil || l == nil {
		return
	}
	in.SpecFiles = map[string]string{}
	for name, f := range l.Files {
		if slices.ContainsFunc(varFiles, func(v string) bool { return samePathName(v, name) }) {
			continue
		}
		sum := sha256.Sum256([]byte(l.Redact(string(f.Bytes))))
		in.SpecFiles[filepath.Base(name)] = hex.EncodeToString(sum[:])
	}
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
