package apply

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// policyDocument groups the permissions into statements: one per service,
// access level, resource type and condition, split further so that the
// actions of a statement apply to the same resources. Statements, actions
// and resources are sorted, so the document is deterministic.
func policyDocument(perms []Permission) map[string]any {
	type group struct {
		key       string // service, level, resource type: the Sid stem
		policyARN string
		resources map[string][]string // action -> resources
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, pm := range perms {
		svc, _, _ := strings.Cut(pm.Action, ":")
		level := "Read"
		if pm.Write {
			level = "Write"
		}
		stem := sidService[svc] + level + resourceKind(pm.Resource)
		k := stem + "|" + pm.PolicyARN
		g := byKey[k]
		if g == nil {
			g = &group{key: stem, policyARN: pm.PolicyARN, resources: map[string][]string{}}
			byKey[k] = g
			groups = append(groups, g)
		}
		if !slices.Contains(g.resources[pm.Action], pm.Resource) {
			g.resources[pm.Action] = append(g.resources[pm.Action], pm.Resource)
		}
	}
	type stmt struct {
		stem, policyARN string
		actions         []string
		resources       []string
	}
	var stmts []stmt
	for _, g := range groups {
		byRes := map[string]*stmt{}
		var order []string
		for act, rs := range g.resources {
			sort.Strings(rs)
			k := strings.Join(rs, "\n")
			if byRes[k] == nil {
				byRes[k] = &stmt{stem: g.key, policyARN: g.policyARN, resources: rs}
				order = append(order, k)
			}
			byRes[k].actions = append(byRes[k].actions, act)
		}
		for _, k := range order {
			sort.Strings(byRes[k].actions)
			stmts = append(stmts, *byRes[k])
		}
	}
	sort.SliceStable(stmts, func(i, j int) bool {
		a, b := stmts[i], stmts[j]
		return cmp.Or(
			cmp.Compare(stemRank(a.stem), stemRank(b.stem)),
			strings.Compare(a.stem, b.stem),
			strings.Compare(a.policyARN, b.policyARN),
			cmp.Compare(len(b.resources), len(a.resources)), // the widest first
			strings.Compare(strings.Join(a.resources, "\n"), strings.Join(b.resources, "\n")),
		) < 0
	})
	list := make([]any, 0, len(stmts))
	count := map[string]int{}
	for _, st := range stmts {
		count[st.stem]++
		sid := st.stem
		if n := count[st.stem]; n > 1 {
			sid += fmt.Sprint(n)
		}
		m := map[string]any{"Sid": sid, "Effect": "Allow", "Action": oneOrMany(st.actions), "Resource": oneOrMany(st.resources)}
		if st.policyARN != "" {
			m["Condition"] = map[string]any{"ArnEquals": map[string]any{"iam:PolicyARN": st.policyARN}}
		}
		list = append(list, m)
	}
	return map[string]any{"Version": "2012-10-17", "Statement": list}
}

// sidService is how a service's name starts a Sid.
var sidService = map[string]string{"s3": "S3", "iam": "IAM", "cloudtrail": "CloudTrail", "sts": "STS"}

// stemRank orders statements by service: S3, then IAM, then CloudTrail.
func stemRank(stem string) int {
	for i, p := range []string{"S3", "IAM", "CloudTrail"} {
		if strings.HasPrefix(stem, p) {
			return i
		}
	}
	return 3
}

// resourceKind names the resource type of an ARN for a Sid: Bucket, User,
// Role, Policy, Trail, or All for "*".
func resourceKind(arn string) string {
	switch {
	case arn == "*":
		return "All"
	case strings.Contains(arn, ":s3:::"):
		return "Bucket"
	case strings.Contains(arn, ":cloudtrail:"):
		return "Trail"
	}
	rest := arn[strings.LastIndex(arn, ":")+1:]
	kind, _, _ := strings.Cut(rest, "/")
	if kind == "" {
		return "Other"
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// oneOrMany is a list of one as a string, as rendered policies write it.
func oneOrMany(vs []string) any {
	if len(vs) == 1 {
		return vs[0]
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}
