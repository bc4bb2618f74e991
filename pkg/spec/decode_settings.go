package spec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// decodeSettings decodes the teramotc block and checks required_version
// against Options.Version.
func (l *loader) decodeSettings() {
	b := l.singleBlock(l.top.settings, "teramotc")
	if b == nil {
		return
	}
	content, diags := b.Body.Content(settingsSchema)
	l.diags = append(l.diags, diags...)
	s := &Settings{Block: blockOf(b, "teramotc")}
	s.RequiredVersion = Attr[string]{Range: b.DefRange}
	l.spec.Settings = s
	attr := content.Attributes["required_version"]
	if attr == nil {
		return
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		l.errorf(attr.Expr.Range().Ptr(), "Invalid required_version",
			"required_version must be a literal string such as \">= 0.1\"; it cannot refer to variables.")
		return
	}
	if v.IsNull() {
		return
	}
	sv, err := convert.Convert(v, cty.String)
	if err != nil {
		l.errorf(attr.Expr.Range().Ptr(), "Incorrect attribute value type",
			"Inappropriate value for attribute \"required_version\": a string is required.")
		return
	}
	s.RequiredVersion = Attr[string]{Value: sv.AsString(), Range: attr.Range, Set: true}
	have := l.opts.Version
	if have == "" {
		have = "0.0.0" // no version given (Options.Version): check the syntax only
	}
	ok, err := versionSatisfies(have, sv.AsString())
	if err != nil {
		l.errorf(attr.Expr.Range().Ptr(), "Invalid required_version", "%s.", err)
		return
	}
	if !ok && l.opts.Version != "" {
		l.errorf(attr.Expr.Range().Ptr(), "Unsupported teramotc version",
			"This spec requires teramotc %s, but this is teramotc %s. Install a matching release.",
			sv.AsString(), l.opts.Version)
	}
}

// awsNode returns the graph node of the aws block, or nil when it is absent
// (the defaults are set right away).
func (l *loader) awsNode() *node {
	l.spec.AWS = AWS{
		Block:     Block{Address: "aws"},
		AccountID: Attr[string]{},
		Partition: Attr[string]{Value: "aws"},
	}
	b := l.singleBlock(l.top.aws, "aws")
	if b == nil {
		return nil
	}
	content, diags := b.Body.Content(awsSchema)
	l.diags = append(l.diags, diags...)
	var exprs []hcl.Expression
	for _, a := range content.Attributes {
		exprs = append(exprs, a.Expr)
	}
	return &node{key: "aws", rng: b.DefRange, exprs: exprs, eval: func() {
		a := l.attrs(content.Attributes, b.DefRange, nil)
		l.spec.AWS = AWS{
			Block:     blockOf(b, "aws"),
			Declared:  true,
			AccountID: a.str("account_id", ""),
			Partition: a.str("partition", "aws"),
		}
		p := l.spec.AWS.Partition
		if l.checkEnum(p, "partition", partitions) {
			l.partition = p.Value
		}
	}}
}

var partitions = []string{"aws", "aws-cn", "aws-us-gov"}
