package spec

import (
	"fmt"
	"strings"
)

// checkAccountID reports an account id attribute that is not 12 digits:
// with detail, the sentence saying what the attribute must be (and the id
// without its dashes or spaces when that is 12 digits: the console prints
// account ids as 1234-5678-9012), or, when
// its value was a number (account_id = 012345678901, which HCL reads as
// 12345678901), that a number loses leading zeros and the id is written
// as a quoted string. rule is the catalog rule, or "" for a plain error.
func (l *loader) checkAccountID(a Attr[string], attr, rule, summary, detail string) {
	if !a.Set || accountIDRe.MatchString(a.Value) {
		return
	}
	if l.numbers[a.Range] {
		detail = numberAccountID(a, attr)
	} else if d := accountDigits(a.Value); d != "" && !a.Sensitive {
		detail = fmt.Sprintf("%s Did you mean %s = %q?", detail, attr, d)
	}
	if rule == "" {
		l.errorf(a.Range.Ptr(), summary, "%s", detail)
		return
	}
	l.ruleError(rule, a.Range, summary, "%s", detail)
}

// numberAccountID explains an account id written as a number, suggesting
// the number padded with zeros to 12 digits when it is shorter.
func numberAccountID(a Attr[string], attr string) string {
	s := attr + " is written as a number, and a number loses its leading zeros (012345678901 is the number " +
		"12345678901). Write the account id as a quoted string of its 12 digits."
	if a.Sensitive || a.Value == "" || len(a.Value) >= 12 || strings.Trim(a.Value, "0123456789") != "" {
		return s
	}
	return fmt.Sprintf("%s Did you mean %s = %q?", s, attr, strings.Repeat("0", 12-len(a.Value))+a.Value)
}

// accountDigits returns v without dashes and spaces when that leaves the
// 12 digits of an account id and v had some; "" otherwise.
func accountDigits(v string) string {
	d := strings.NewReplacer("-", "", " ", "").Replace(v)
	if d == v || !accountIDRe.MatchString(d) {
		return ""
	}
	return d
}
