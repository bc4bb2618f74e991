// Package export turns a rendered spec into the inputs of other deployment
// engines: a CloudFormation template (deployable with StackSets across an
// organization), Terraform configuration for the aws provider v5, and an aws
// CLI script. Every exporter reads the documents that pkg/render produced, so
// the policies, lifecycle rules and trail settings have a single source of
// truth; only the engine-specific field names differ.
package export

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// Formats lists the export formats by name.
var Formats = []string{"cloudformation", "terraform", "aws-cli"}

// Files is an export's output: file path (slash-separated, relative to the
// output directory) to content, and the mode of files that are not 0644
// (0600 for files holding sensitive values, 0755 for scripts).
type Files struct {
	Files map[string][]byte
	Modes map[string]fs.FileMode
	// Notices are what the export leaves out of the spec, for the caller
	// to print on stderr (revokedNotices).
	Notices []string
}

// Mode returns the file mode of path.
func (f *Files) Mode(path string) fs.FileMode {
	if m, ok := f.Modes[path]; ok {
		return m
	}
	return 0o644
}

// Paths returns the file paths in sorted order.
func (f *Files) Paths() []string {
	paths := make([]string, 0, len(f.Files))
	for p := range f.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Export runs the named exporter.
func Export(format string, s *spec.Spec, out *render.Output) (*Files, error) {
	switch format {
	case "cloudformation":
		b, err := CloudFormation(s, out)
		if err != nil {
			return nil, err
		}
		return &Files{Files: map[string][]byte{"template.json": b}, Modes: map[string]fs.FileMode{}, Notices: revokedNotices(s, "CloudFormation stack update")}, nil
	case "terraform":
		b, err := Terraform(s, out)
		if err != nil {
			return nil, err
		}
		return &Files{Files: map[string][]byte{"main.tf": b}, Modes: map[string]fs.FileMode{}, Notices: revokedNotices(s, "terraform apply")}, nil
	case "aws-cli":
		return AWSCLI(s, out)
	}
	return nil, fmt.Errorf("unknown export format %q; use one of %s", format, strings.Join(Formats, ", "))
}

// docs indexes rendered documents by block address and kind.
type docs map[string]*render.Document

func index(out *render.Output) docs {
	d := docs{}
	for _, doc := range out.Documents {
		d[doc.Address+"|"+string(doc.Kind)] = doc
	}
	return d
}

// get returns the content of the document of kind k for address, or nil.
func (d docs) get(address string, k render.Kind) map[string]any {
	doc := d[address+"|"+string(k)]
	if doc == nil {
		return nil
	}
	m, _ := doc.Content.(map[string]any)
	return m
}

// logicalID turns a block label into a CloudFormation logical ID or a
// Terraform resource name part: letters and digits only, CamelCased at
// separators.
func logicalID(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		up := true
		for _, r := range p {
			switch {
			case r >= 'a' && r <= 'z':
				if up {
					r -= 'a' - 'A'
				}
				b.WriteRune(r)
				up = false
			case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
				b.WriteRune(r)
				up = false
			default:
				up = true
			}
		}
	}
	return b.String()
}

// tfName turns a label into a Terraform resource name (snake case).
func tfName(label string) string {
	var b strings.Builder
	for i, r := range label {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteByte('_')
		}
		if i == 0 && r >= '0' && r <= '9' {
			return "b_" + label
		}
	}
	return b.String()
}

// list returns v as a []any, whether it holds []any, []string or one value.
func list(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	}
	return []any{v}
}

// obj returns v as a map, or nil.
func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// sensitiveRoles returns the grants whose trust policy holds a sensitive
// external id, keyed by grant address.
func sensitiveRoles(s *spec.Spec) map[string]*spec.Grant {
	out := map[string]*spec.Grant{}
	for _, g := range s.Grants {
		if g.Role != nil && g.Role.ExternalID.Sensitive {
			out[g.Address] = g
		}
	}
	return out
}
