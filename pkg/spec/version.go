package spec

import (
	"fmt"
	"strconv"
	"strings"
)

// versionSatisfies reports whether have meets constraint, a comma-separated
// list of "OP VERSION" terms with OP one of = != > >= < <= ~> (Terraform's
// syntax). A pre-release suffix of have ("0.1.0-dev", Go's pseudo-version
// "0.1.1-0.20261127010203-abcdef012345") and build metadata ("0.2.0+dirty")
// are ignored, so that development builds satisfy the constraints of their
// release.
func versionSatisfies(have, constraint string) (bool, error) {
	if i := strings.IndexAny(have, "-+"); i >= 0 {
		have = have[:i]
	}
	hv, err := parseVersion(strings.TrimPrefix(have, "v"))
	if err != nil {
		return true, nil // an unparsable build version checks nothing
	}
	if strings.TrimSpace(constraint) == "" {
		return false, fmt.Errorf("required_version is empty; write a constraint such as \">= 0.1\"")
	}
	for _, term := range strings.Split(constraint, ",") {
		term = strings.TrimSpace(term)
		op := "="
		for _, o := range []string{">=", "<=", "!=", "~>", ">", "<", "="} {
			if strings.HasPrefix(term, o) {
				op, term = o, strings.TrimSpace(term[len(o):])
				break
			}
		}
		want, err := parseVersion(strings.TrimPrefix(term, "v"))
		if err != nil {
			return false, fmt.Errorf("%q is not a version constraint; write one such as \">= 0.1, < 2.0\"", constraint)
		}
		c := compareVersions(hv, want.nums)
		ok := false
		switch op {
		case "=":
			ok = c == 0
		case "!=":
			ok = c != 0
		case ">":
			ok = c > 0
		case ">=":
			ok = c >= 0
		case "<":
			ok = c < 0
		case "<=":
			ok = c <= 0
		case "~>":
			// ~> 1.2 means >= 1.2, < 2.0; ~> 1.2.3 means >= 1.2.3, < 1.3.0.
			upper := append([]int{}, want.nums[:max(want.given-1, 1)]...)
			upper[len(upper)-1]++
			ok = c >= 0 && compareVersions(hv, upper) < 0
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

type parsedVersion struct {
	nums  []int
	given int // how many components were written
}

func parseVersion(s string) (parsedVersion, error) {
	parts := strings.Split(s, ".")
	if len(parts) == 0 || len(parts) > 3 {
		return parsedVersion{}, fmt.Errorf("bad version")
	}
	v := parsedVersion{nums: make([]int, 3), given: len(parts)}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return parsedVersion{}, fmt.Errorf("bad version")
		}
		v.nums[i] = n
	}
	return v, nil
}

func compareVersions(a parsedVersion, b []int) int {
	for i := 0; i < 3; i++ {
		x, y := a.nums[i], 0
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
