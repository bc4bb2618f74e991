package spec

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func itoa(i int) string { return strconv.Itoa(i) }

// checkEnum reports a set string attribute whose value is not one of allowed.
func (l *loader) checkEnum(a Attr[string], name string, allowed []string) bool {
	if !a.Set || contains(allowed, a.Value) {
		return true
	}
	shown := "The value"
	if !a.Sensitive {
		shown = strconvQuote(a.Value)
	}
	l.errorf(a.Range.Ptr(), "Invalid "+name,
		"%s is not a valid %s; use one of %s.%s", shown, name, quoteList(allowed), didYouMeanFold(a.Value, allowed, a.Sensitive))
	return false
}

func strconvQuote(s string) string { return strconv.Quote(s) }

// checkLabel reports a bucket, grant or trail label that is not an
// identifier. Labels appear in references (bucket.data), addresses and the
// paths of rendered files, so they may not hold dots, slashes or spaces.
func (l *loader) checkLabel(b *hcl.Block, kind string) {
	if !hclsyntax.ValidIdentifier(b.Labels[0]) || strings.Contains(b.Labels[0], "..") {
		l.errorf(b.LabelRanges[0].Ptr(), "Invalid "+kind+" label",
			"%q is not a valid %s label: use letters, digits, underscores and dashes, starting with a letter, "+
				"like %s \"data\".", b.Labels[0], kind, kind)
	}
}

var conditionOperators = []string{
	"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
	"StringLike", "StringNotLike",
	"NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
	"NumericGreaterThan", "NumericGreaterThanEquals",
	"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
	"Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
	"ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
}

// checkOperator validates a condition operator, with the optional
// ForAllValues:/ForAnyValue: qualifier and IfExists suffix.
func (l *loader) checkOperator(test Attr[string]) {
	if !test.Set {
		return
	}
	op := test.Value
	for _, q := range []string{"ForAllValues:", "ForAnyValue:"} {
		op = strings.TrimPrefix(op, q)
	}
	// IfExists may follow every operator but Null (IAM User Guide,
	// "Condition operators": "...IfExists condition operators").
	if base, ok := strings.CutSuffix(op, "IfExists"); ok && base != "Null" {
		op = base
	}
	if contains(conditionOperators, op) {
		return
	}
	if test.Sensitive {
		// No examples either: the redaction of the value would cut the one
		// it is part of ("StringEqual" in StringEquals).
		l.errorf(test.Range.Ptr(), "Invalid condition operator",
			"%s is not an IAM condition operator. Correct the sensitive value it comes from.", RedactedText)
		return
	}
	if op == "NullIfExists" {
		l.errorf(test.Range.Ptr(), "Invalid condition operator",
			"%q is not an IAM condition operator: IfExists may follow every operator but Null, which already tests whether the key is present. Use \"Null\".",
			test.Value)
		return
	}
	l.errorf(test.Range.Ptr(), "Invalid condition operator",
		"%q is not an IAM condition operator (such as StringEquals, StringLike, ArnLike, Bool, IpAddress).%s",
		test.Value, didYouMean(op, conditionOperators))
}
