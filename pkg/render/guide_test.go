package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An atom is one (effect, principal, action, resource, condition) tuple of a
// policy: a statement with n principals, m actions and k resources expands to
// n*m*k atoms. Two policies with the same atoms grant and deny the same
// things, whatever their Sids, statement grouping and scalar-or-list style.
type atom struct {
	Effect, Principal, Action, Resource, Condition string
}

func (a atom) String() string {
	return strings.Join([]string{a.Effect, a.Principal, a.Action, a.Resource, a.Condition}, " | ")
}

// atoms expands a decoded policy document into its sorted atoms.
func atoms(t *testing.T, policy any) []atom {
	t.Helper()
	var out []atom
	st, _ := policy.(map[string]any)["Statement"].([]any)
	for _, s := range st {
		s := s.(map[string]any)
		cond := ""
		if c, ok := s["Condition"]; ok {
			cond = strings.TrimSpace(string(MarshalValue(normalize(c))))
		}
		for _, p := range principals(s["Principal"]) {
			for _, a := range strs(s["Action"]) {
				for _, r := range strs(s["Resource"]) {
					out = append(out, atom{s["Effect"].(string), p, a, r, cond})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// principals lists "*" or "TYPE:id" entries; "" for an identity policy.
func principals(p any) []string {
	switch p := p.(type) {
	case nil:
		return []string{""}
	case string:
		return []string{p}
	case map[string]any:
		var out []string
		for typ, ids := range p {
			for _, id := range strs(ids) {
				out = append(out, typ+":"+id)
			}
		}
		return out
	}
	return []string{"?"}
}

// strs reads a string or a list of strings.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			out[i], _ = x.(string)
		}
		return out
	}
	return nil
}

// normalize turns every condition value into a sorted list, so that "x" and
// ["x"] compare equal.
func normalize(c any) any {
	out := map[string]any{}
	for test, vars := range c.(map[string]any) {
		m := map[string]any{}
		for k, v := range vars.(map[string]any) {
			vs := strs(v)
			sort.Strings(vs)
			list := make([]any, len(vs))
			for i, s := range vs {
				list[i] = s
			}
			m[k] = list
		}
		out[test] = m
	}
	return out
}

func readGuide(t *testing.T, name string) any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "guide", name))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// TestGuideEquivalence shows that the setup guide as a spec renders what the
// guide's JSON says: the same identity policy and trust policy atoms, the
// guide's deny-unencrypted statement (plus only extra Deny hardening, never
// an extra Allow, on the data bucket), and the guide's lifecycle rule with the
// Filter the guide forgot.
func TestGuideEquivalence(t *testing.T) {
	for _, name := range []string{"setup-guide-user", "setup-guide-role"} {
		t.Run(name, func(t *testing.T) {
			_, out := loadExample(t, name)
			get := func(path string) any {
				t.Helper()
				d := doc(out, path)
				if d == nil {
					t.Fatalf("%s not rendered", path)
				}
				return decoded(t, d)
			}

			if diff := cmp.Diff(atoms(t, readGuide(t, "identity-policy.json")), atoms(t, get("grants/teramot/identity-policy.json"))); diff != "" {
				t.Errorf("identity policy atoms (-guide +rendered):\n%s", diff)
			}

			if name == "setup-guide-role" {
				if diff := cmp.Diff(atoms(t, readGuide(t, "trust-policy.json")), atoms(t, get("grants/teramot/trust-policy.json"))); diff != "" {
					t.Errorf("trust policy atoms (-guide +rendered):\n%s", diff)
				}
			}

			rendered := map[atom]bool{}
			for _, a := range atoms(t, get("buckets/teramot-data-acme/bucket-policy.json")) {
				rendered[a] = true
			}
			for _, a := range atoms(t, readGuide(t, "deny-unencrypted.json")) {
				if !rendered[a] {
					t.Errorf("bucket policy lacks the guide's %v", a)
				}
				delete(rendered, a)
			}
			for a := range rendered {
				if a.Effect != "Deny" {
					t.Errorf("bucket policy adds %v beyond the guide; only Deny hardening may be added", a)
				}
			}

			lc := get("buckets/teramot-data-acme/lifecycle.json").(map[string]any)
			for _, r := range lc["Rules"].([]any) {
				r := r.(map[string]any)
				if diff := cmp.Diff(map[string]any{"Prefix": ""}, r["Filter"]); diff != "" {
					t.Errorf("rule %v: Filter (-want +got):\n%s", r["ID"], diff)
				}
				delete(r, "Filter")
			}
			if diff := cmp.Diff(readGuide(t, "lifecycle.json"), any(lc)); diff != "" {
				t.Errorf("lifecycle without Filter (-guide +rendered):\n%s", diff)
			}
		})
	}
}

func TestAtoms(t *testing.T) {
	p := parseJSON(t, `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["a","b"]},"Action":["s3:GetObject","s3:PutObject"],
	  "Resource":"r","Condition":{"StringLike":{"s3:prefix":["y","x"]}}}]}`)
	c := `{
  "StringLike": {
    "s3:prefix": [
      "x",
      "y"
    ]
  }
}`
	want := []atom{
		{"Allow", "AWS:a", "s3:GetObject", "r", c},
		{"Allow", "AWS:a", "s3:PutObject", "r", c},
		{"Allow", "AWS:b", "s3:GetObject", "r", c},
		{"Allow", "AWS:b", "s3:PutObject", "r", c},
	}
	if diff := cmp.Diff(want, atoms(t, p)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Grouping and scalar style do not matter; a different resource does.
	same := parseJSON(t, `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["r"]},{"Effect":"Allow","Action":"s3:PutObject","Resource":"r"}]}`)
	grouped := parseJSON(t, `{"Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"r"}]}`)
	other := parseJSON(t, `{"Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"r2"}]}`)
	if !cmp.Equal(atoms(t, same), atoms(t, grouped)) || cmp.Equal(atoms(t, same), atoms(t, other)) {
		t.Error("atom comparison does not separate equal and different policies")
	}
}
