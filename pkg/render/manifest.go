package render

import (
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// KindManifest is manifest.json, the index of the other documents.
const KindManifest Kind = "manifest"

// ManifestPath is the manifest's path under the output directory.
const ManifestPath = "manifest.json"

// manifestVersion is the version of manifest.json's format.
const manifestVersion = 1

// manifest indexes docs (sorted by path): for each file its kind, the
// address of its spec block and that block's header range. File names in
// ranges are relative to the spec's root, so the manifest does not depend on
// the directory render ran from.
func manifest(s *spec.Spec, docs []*Document) *Document {
	files := make([]any, len(docs))
	for i, d := range docs {
		entry := object{
			"path":    d.Path,
			"kind":    string(d.Kind),
			"address": d.Address,
			"source":  sourceJSON(s.Root, d.Range),
		}
		if d.Sensitive {
			entry["sensitive"] = true
		}
		files[i] = entry
	}
	return &Document{
		Path:       ManifestPath,
		Kind:       KindManifest,
		Content:    object{"format_version": manifestVersion, "files": files},
		Provenance: map[string]hcl.Range{},
	}
}

func sourceJSON(root string, rng hcl.Range) object {
	file := rng.Filename
	if rel, err := filepath.Rel(root, file); err == nil && filepath.IsLocal(rel) {
		file = rel
	} else if file != "" {
		file = filepath.Base(file)
	}
	return object{
		"file":       filepath.ToSlash(file),
		"line":       rng.Start.Line,
		"column":     rng.Start.Column,
		"end_line":   rng.End.Line,
		"end_column": rng.End.Column,
	}
}
