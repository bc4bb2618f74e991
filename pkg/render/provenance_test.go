package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestUserStatementProvenance checks that every field of a rendered user
// statement points at the attribute or condition block that produced it, so
// that a lint finding on it lands on the exact line.
func TestUserStatementProvenance(t *testing.T) {
	s := minimalModel()
	b := s.Buckets[0]
	b.RequireTLS = def(false, b.Block)
	b.Encryption.RequireEncryptedUploads = def(false, b.Block)
	cond := func(test, variable string, line int) *spec.Condition {
		return &spec.Condition{Block: block("c", line), Test: set(test, line+1),
			Variable: set(variable, line+2), Values: set([]string{"x"}, line+3)}
	}
	b.Statements = []*spec.Statement{{
		Block:      block("bucket.data.statement.Read", 40),
		Sid:        "Read",
		Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"111122223333"}}}, 41),
		Actions:    set([]string{"s3:GetObject"}, 42),
		Resources:  set([]string{"arn:aws:s3:::teramot-minimal-example/*"}, 43),
		Conditions: []*spec.Condition{
			cond("StringEquals", "aws:SourceVpce", 44),
			cond("StringEquals", "aws:SourceVpce", 50),
			cond("StringLike", "s3:prefix/x~y", 56),
		},
	}, {
		Block:      block("bucket.data.statement.Deny", 70),
		Sid:        "Deny",
		Effect:     set("Deny", 71),
		Principals: set(spec.Principals{Wildcard: true}, 72),
		NotActions: set([]string{"s3:GetObject"}, 73),
		Resources:  set([]string{"*"}, 74),
	}, {
		// No resources written: nothing in the statement points at them.
		Block:      block("bucket.data.statement.NoResources", 80),
		Sid:        "NoResources",
		Principals: set(spec.Principals{Map: map[string][]string{"AWS": {"111122223333"}}}, 81),
		Actions:    set([]string{"s3:ListBucket"}, 82),
	}}
	out, diags := Render(s)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var doc *Document
	for _, d := range out.Documents {
		if d.Kind == KindBucketPolicy {
			doc = d
		}
	}
	if doc == nil {
		t.Fatal("no bucket policy rendered")
	}
	want := map[string]hcl.Range{
		"/Statement/0":                                       at(40),
		"/Statement/0/Principal":                             at(41),
		"/Statement/0/Action":                                at(42),
		"/Statement/0/Resource":                              at(43),
		"/Statement/0/Condition":                             at(44),
		"/Statement/0/Condition/StringEquals":                at(44),
		"/Statement/0/Condition/StringEquals/aws:SourceVpce": at(44),
		"/Statement/0/Condition/StringLike":                  at(56),
		"/Statement/0/Condition/StringLike/s3:prefix~1x~0y":  at(56),
		"/Statement/1":                                       at(70),
		"/Statement/1/Effect":                                at(71),
		"/Statement/1/Principal":                             at(72),
		"/Statement/1/NotAction":                             at(73),
		"/Statement/1/Resource":                              at(74),
		"/Statement/2":                                       at(80),
		"/Statement/2/Principal":                             at(81),
		"/Statement/2/Action":                                at(82),
	}
	if diff := cmp.Diff(want, doc.Provenance); diff != "" {
		t.Errorf("provenance (-want +got):\n%s", diff)
	}
}
