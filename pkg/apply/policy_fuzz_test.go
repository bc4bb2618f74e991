package apply

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policySeeds returns every rendered JSON document of the examples, keyed by
// its file name without .json (the resource type for bucket configuration,
// "identity-policy" or "trust-policy" for grants).
func policySeeds(t testing.TB) map[string][]string {
	seeds := map[string][]string{}
	err := filepath.WalkDir("../../examples", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || !strings.Contains(p, "rendered") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		typ := strings.TrimSuffix(filepath.Base(p), ".json")
		seeds[typ] = append(seeds[typ], string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seeds
}

// FuzzPolicyEquivalence checks the laws of policy canonicalisation on
// arbitrary JSON: parsing never panics, the canonical form is a fixed point,
// every document equals itself, its canonical form and its URL-encoded form.
func FuzzPolicyEquivalence(f *testing.F) {
	for typ, docs := range policySeeds(f) {
		if strings.HasSuffix(typ, "policy") {
			for _, d := range docs {
				f.Add(d)
			}
		}
	}
	f.Add(`{"Statement":{"Effect":"deny","Principal":"*","Action":"S3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}}`)
	f.Add(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":["a","a"]}}}]}`)
	f.Add(`%7B%22Statement%22%3A%5B%5D%7D`)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := ParsePolicy(text)
		if err != nil {
			return
		}
		c1, err := CanonicalPolicy(doc, "aws")
		if err != nil {
			if PoliciesEqual(doc, doc, "aws") {
				t.Fatalf("a policy that has no canonical form (%v) equals itself", err)
			}
			return
		}
		c2, err := CanonicalPolicy(c1, "aws")
		if err != nil {
			t.Fatalf("the canonical form %s is not a policy: %v", mustJSON(c1), err)
		}
		if mustJSON(c1) != mustJSON(c2) {
			t.Fatalf("canonicalising twice changes the policy:\n once: %s\ntwice: %s", mustJSON(c1), mustJSON(c2))
		}
		if !PoliciesEqual(doc, doc, "aws") || !PoliciesEqual(doc, c1, "aws") {
			t.Fatalf("policy %s does not equal itself or its canonical form", text)
		}
		if strings.HasPrefix(strings.TrimSpace(text), "{") {
			enc, err := ParsePolicy(url.QueryEscape(strings.TrimSpace(text)))
			if err != nil {
				t.Fatalf("URL-encoded policy does not parse: %v", err)
			}
			if !PoliciesEqual(doc, enc, "aws") {
				t.Fatalf("policy differs from its URL-encoded form")
			}
		}
	})
}

// FuzzNormalize feeds arbitrary JSON of every resource type to the
// normalizer that decides whether live state matches the spec: it must not
// panic, must be deterministic, and what Display shows of its result must
// normalize back to that result (canonical(Display(c)) == c, as
// TestDisplayRoundTrip checks for rendered documents).
func FuzzNormalize(f *testing.F) {
	types := []string{TPublicAccessBlock, TOwnership, TEncryption, TVersioning, TTagging,
		TBucketPolicy, TLifecycle, TLogging, TTrail, TEventSelectors}
	seeds := policySeeds(f)
	for i, typ := range types {
		for _, d := range seeds[typ] {
			f.Add(uint8(i), d)
		}
	}
	f.Add(uint8(6), `{"Rules":[{"ID":"x","Status":"Enabled","Filter":{"And":{"Prefix":"a","Tags":[{"Key":"k"}]}},"Transitions":[{"Days":"30"}]}]}`)
	f.Add(uint8(9), `{"EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":[1,null]}]}],"AdvancedEventSelectors":null}`)
	f.Fuzz(func(t *testing.T, ti uint8, text string) {
		typ := types[int(ti)%len(types)]
		v, err := ParsePolicy(text)
		if err != nil {
			return
		}
		c1, err1 := canonical(typ, v, "aws")
		c2, err2 := canonical(typ, v, "aws")
		if (err1 == nil) != (err2 == nil) || (err1 == nil && mustJSON(c1) != mustJSON(c2)) {
			t.Fatalf("canonical(%s) is not deterministic", typ)
		}
		if err1 != nil {
			return
		}
		c := generic(c1) // the plan's form
		shown := generic(Display(typ, c))
		again, err := canonical(typ, shown, "aws")
		if err != nil {
			t.Fatalf("canonical(Display(c)) fails: %v\nc: %s\nshown: %s", err, mustJSON(c), mustJSON(shown))
		}
		if got, want := mustJSON(generic(again)), mustJSON(c); got != want {
			t.Fatalf("canonical(Display(c)) != c\nc:     %s\nshown: %s\nagain: %s", want, mustJSON(shown), got)
		}
	})
}
