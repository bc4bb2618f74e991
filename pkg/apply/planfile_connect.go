package apply

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Recorded returns the connection to save in a plan file: o (the flags of
// plan) with the profile the SDK uses when -profile is not given
// (AWS_PROFILE, else AWS_DEFAULT_PROFILE), so that apply can compare the
// profile it uses with the one plan used.
func (o ConnectOptions) Recorded(getenv func(string) string) ConnectOptions {
	if o.Profile == "" {
		o.Profile = firstEnv(getenv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE").value
	}
	o.ExternalID, o.Log = "", nil
	o.EndpointURL = EndpointWithoutPassword(o.EndpointURL)
	return o
}

// EndpointWithoutPassword is the endpoint URL e with the password of its
// userinfo replaced by "xxxxx" (url.URL.Redacted), as plan files, show
// and -json output keep it: the password is never stored or printed. The
// marker tells the apply hint that apply must be given the password
// again. e is returned as it is when it has no password. A value that is
// not a URL with a host, whatever its scheme ("u:pw@host:9" parses as the
// scheme "u"), has the text between the first ":" and the last "@" of its
// authority replaced, so that an error saying it is not a URL does not
// print the password.
func EndpointWithoutPassword(e string) string {
	if e == "" || !strings.Contains(e, "@") {
		return e
	}
	u, err := url.Parse(e)
	if err == nil && u.Host != "" {
		if u.User == nil {
			return e
		}
		if _, has := u.User.Password(); !has {
			return e
		}
		return u.Redacted()
	}
	prefix, rest := "", e
	if i := strings.Index(e, "://"); i >= 0 {
		prefix, rest = e[:i+3], e[i+3:]
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return e
	}
	colon := strings.Index(authority[:at], ":")
	if colon < 0 {
		return e
	}
	return prefix + authority[:colon+1] + "xxxxx" + rest[at:]
}

// setting is a connection value and where it came from ("-profile",
// "AWS_PROFILE"); source is "" when nothing set it.
type setting struct{ value, source string }

func firstEnv(getenv func(string) string, names ...string) setting {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return setting{v, n}
		}
	}
	return setting{}
}

// flagOrEnv is the flag's value when set, else the first set variable.
func flagOrEnv(flag, flagName string, getenv func(string) string, names ...string) setting {
	if flag != "" {
		return setting{flag, "-" + flagName}
	}
	return firstEnv(getenv, names...)
}

// CheckConnection refuses, before apply connects to anything, to apply the
// plan file with another connection than it was made with. Apply never
// connects with the file's "connect" (whoever can edit the file would
// choose where apply sends the spec's documents and its secrets, and as
// whom): it resolves its connection from its own flags (now) and
// environment (getenv) as plan does, and this compares what decides where
// requests go and as whom: the endpoint, resolved as Connect resolves it
// from the flag, the environment and the profile's section of the shared
// config (endpointBeforeConnect; Connect refuses a service's own
// endpoint), so that no request goes to another endpoint, the profile, the
// role to assume, and the default region (when a flag or the environment
// gives it). Its errors are *Problem wrapping ErrPlanElsewhere; they name
// the setting and where apply took it from, never a secret.
func (sp *SavedPlan) CheckConnection(now ConnectOptions, getenv func(string) string) error {
	if sp.Plan == nil {
		return nil // ParsePlanFile refuses it first
	}
	nothing := " Nothing was sent to AWS."
	if ep := endpointBeforeConnect(now.EndpointURL, now.Profile, getenv); ep.source != "" && !sameEndpoint(ep.value, sp.Plan.Endpoint) {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made against %s, but apply connects to %s (%s)", endpointName(sp.Plan.Endpoint), endpointName(ep.value), ep.source),
			Detail: "A plan file is applied only where it was made, and apply takes its endpoint from its own -endpoint-url or AWS_ENDPOINT_URL, never from the file. " +
				"Check that the plan file is the one that was reviewed (\"teramotc show FILE\" prints its endpoint), or run \"teramotc plan -out=FILE\" again against this endpoint." + nothing}
	}
	prof := flagOrEnv(now.Profile, "profile", getenv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE")
	if profileName(prof.value) != profileName(sp.Connect.Profile) {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made with %s, but apply uses %s", profileText(sp.Connect.Profile, ""), profileText(prof.value, prof.source)),
			Detail: fmt.Sprintf("A plan file is applied as whom it was made, and apply takes its profile from its own -profile, else AWS_PROFILE, never from the file. %s, "+
				"or run \"teramotc plan -out=FILE\" again with this profile.%s", profileFix(sp.Connect.Profile), nothing)}
	}
	if now.AssumeRoleARN != sp.Connect.AssumeRoleARN {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made %s, but apply runs %s", roleText(sp.Connect.AssumeRoleARN), roleText(now.AssumeRoleARN)),
			Detail: fmt.Sprintf("A plan file is applied as whom it was made, and apply takes the role from its own -assume-role-arn, never from the file. %s, "+
				"or run \"teramotc plan -out=FILE\" again with this role.%s", roleFix(sp.Connect.AssumeRoleARN), nothing)}
	}
	if reg := flagOrEnv(now.Region, "region", getenv, "AWS_REGION", "AWS_DEFAULT_REGION"); reg.value != "" && sp.Plan.Region != "" && reg.value != sp.Plan.Region {
		return &Problem{Err: ErrPlanElsewhere,
			Summary: fmt.Sprintf("the plan was made with default region %s, but apply runs with %s (%s)", shown(sp.Plan.Region), shown(reg.value), reg.source),
			Detail: "Buckets without a region of their own are created in the default region. Set -region or AWS_REGION as it was for plan, " +
				"or run \"teramotc plan -out=FILE\" again." + nothing}
	}
	return nil
}

// sameEndpoint compares endpoints as the SDK uses them: a trailing slash
// makes no difference. Passwords are left out (a plan file keeps the
// endpoint without its password, EndpointWithoutPassword): they decide
// how apply authenticates to the endpoint, not where requests go.
func sameEndpoint(a, b string) bool {
	a, b = EndpointWithoutPassword(a), EndpointWithoutPassword(b)
	return strings.TrimRight(a, "/") == strings.TrimRight(b, "/")
}

// profileName is the profile the SDK reads: none given is "default".
func profileName(p string) string {
	if p == "" {
		return "default"
	}
	return p
}

func profileText(p, source string) string {
	if p == "" {
		return "no profile (the default credential chain)"
	}
	if source == "" {
		return "profile " + shown(p)
	}
	return fmt.Sprintf("profile %s (%s)", shown(p), source)
}

func profileFix(saved string) string {
	if saved == "" {
		return "Unset AWS_PROFILE and AWS_DEFAULT_PROFILE and drop -profile if the plan file is the one that was reviewed"
	}
	return fmt.Sprintf("Give apply -profile %s if the plan file is the one that was reviewed (\"teramotc show FILE\" prints its profile)", shown(saved))
}

func roleText(arn string) string {
	if arn == "" {
		return "without -assume-role-arn"
	}
	return "assuming role " + shown(arn)
}

func roleFix(saved string) string {
	if saved == "" {
		return "Drop -assume-role-arn if the plan file is the one that was reviewed"
	}
	return fmt.Sprintf("Give apply -assume-role-arn %s (and its -external-id) if the plan file is the one that was reviewed (\"teramotc show FILE\" prints its role)", shown(saved))
}

// shown quotes a value read from a plan file or the environment for a
// message: control and format characters (an escape sequence, a bidi
// override) are escaped.
func shown(s string) string { return strconv.QuoteToGraphic(s) }

// endpointName names an endpoint in a message: AWS when there is none,
// else the URL without a password (an endpoint may carry credentials).
func endpointName(e string) string {
	if e == "" {
		return "AWS (no custom endpoint)"
	}
	u, err := url.Parse(e)
	if err != nil {
		return shown(e)
	}
	if r := u.Redacted(); !strings.ContainsFunc(r, func(c rune) bool { return !unicode.IsGraphic(c) }) {
		return r
	}
	return shown(u.Redacted())
}

// PlanTarget says where and as whom a plan file was made, for show: the
// values apply compares with its own connection before it connects. Each
// is printable (escaped when it holds a control character); the endpoint
// has no password.
type PlanTarget struct {
	Spec, Endpoint, Account, Region, Profile, Role string
}

// Target returns where and as whom the plan was made.
func (sp *SavedPlan) Target() PlanTarget {
	t := PlanTarget{Spec: printable(sp.Spec), Endpoint: "AWS (no custom endpoint)", Account: "none (the endpoint has no STS)",
		Region: "none", Profile: "none (the default credential chain)", Role: "none"}
	if sp.Plan != nil {
		t.Endpoint = endpointName(sp.Plan.Endpoint)
		if sp.Plan.Account != "" {
			t.Account = printable(sp.Plan.Account)
		}
		if sp.Plan.Region != "" {
			t.Region = printable(sp.Plan.Region)
		}
	}
	if sp.Connect.Profile != "" {
		t.Profile = printable(sp.Connect.Profile)
	}
	if sp.Connect.AssumeRoleARN != "" {
		t.Role = printable(sp.Connect.AssumeRoleARN)
	}
	return t
}

// printable is s when it prints as itself, else s quoted and escaped.
func printable(s string) string {
	if q := shown(s); q[1:len(q)-1] != s || s == "" || strings.Contains(s, " ") {
		return q
	}
	return s
}
