package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// PackagePrefix is the package every rule lives under:
// `package teramotc.rules.<name>`.
const PackagePrefix = "data.teramotc.rules."

// DocsURL is the base of the Link of every built-in rule (docs/rules.md
// documents only those).
const DocsURL = "https://github.com/teramot/teramotc/blob/main/docs/rules.md#"

var (
	ruleIDPattern = regexp.MustCompile(`^[A-Z][A-Z0-9_-]*[0-9]$`)
	namePattern   = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
)

// ruleFromModule reads the package-scoped METADATA of a rule module. It
// returns nil, nil for modules outside teramotc.rules (helper libraries).
func ruleFromModule(file string, m *ast.Module) (*Rule, error) {
	pkg := m.Package.Path.String()
	if !strings.HasPrefix(pkg, PackagePrefix) {
		return nil, nil
	}
	var a *ast.Annotations
	for _, ann := range m.Annotations {
		if ann.Scope == "package" {
			a = ann
		}
	}
	if a == nil {
		return nil, fmt.Errorf("%s: package %s has no package-scoped # METADATA (title, description, custom.id, custom.severity, ...)", file, pkg)
	}
	c := a.Custom
	r := &Rule{
		ID:               str(c, "id"),
		Name:             str(c, "name"),
		Title:            a.Title,
		Description:      strings.TrimSpace(a.Description),
		Remediation:      strings.TrimSpace(str(c, "remediation")),
		Severity:         Severity(str(c, "severity")),
		SecuritySeverity: securitySeverity(c["security_severity"]),
		RelatedResources: []string{},
		Peers:            strs(c["peers"]),
		Package:          pkg,
	}
	r.Hard, _ = c["hard"].(bool)
	for _, rr := range a.RelatedResources {
		r.RelatedResources = append(r.RelatedResources, rr.Ref.String())
	}
	if r.Name == "" {
		r.Name = strings.ReplaceAll(strings.TrimPrefix(pkg, PackagePrefix), "_", "-")
	}
	r.Link = DocsURL + strings.ToLower(r.ID) // a custom rule's is replaced by customLink
	if err := r.check(); err != nil {
		return nil, fmt.Errorf("%s: package %s: %v", file, pkg, err)
	}
	return r, nil
}

// customLink is the documentation link of a custom rule: the first http(s)
// URL of its related_resources, or "" (no link) when it has none.
func customLink(r *Rule) string {
	for _, ref := range r.RelatedResources {
		u, err := url.Parse(ref)
		if err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			return ref
		}
	}
	return ""
}

// check validates the metadata every rule must carry.
func (r *Rule) check() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("METADATA has no custom.id")
	case !ruleIDPattern.MatchString(r.ID):
		return fmt.Errorf("custom.id %q is not an ID such as TMC101 or ACME001 (capitals, digits, '-' or '_', ending in a digit)", r.ID)
	case !r.Severity.Valid():
		return fmt.Errorf("%s: custom.severity %q must be error, warning or notice", r.ID, r.Severity)
	case r.Title == "":
		return fmt.Errorf("%s: METADATA has no title", r.ID)
	case !namePattern.MatchString(r.Name):
		return fmt.Errorf("%s: custom.name %q must be lowercase words joined by '-'", r.ID, r.Name)
	case r.Hard && r.Severity != SeverityError:
		return fmt.Errorf("%s: a hard rule must have severity error", r.ID)
	}
	if r.SecuritySeverity != "" {
		if _, err := strconv.ParseFloat(r.SecuritySeverity, 64); err != nil {
			return fmt.Errorf("%s: custom.security_severity %q is not a number", r.ID, r.SecuritySeverity)
		}
	}
	return nil
}

// Valid reports whether s is one of the three severities.
func (s Severity) Valid() bool {
	return s == SeverityError || s == SeverityWarning || s == SeverityNotice
}

// Rank orders severities: error 3, warning 2, notice 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityNotice:
		return 1
	}
	return 0
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func strs(v any) []string {
	out := []string{}
	list, _ := v.([]any)
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// securitySeverity accepts "9.0" or a bare YAML number.
func securitySeverity(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', 1, 64)
	case int:
		return strconv.Itoa(x) + ".0"
	}
	return ""
}
