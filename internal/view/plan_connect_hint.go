package view

import (
	"net/url"

	"github.com/teramot/teramotc/pkg/apply"
)

// applyConnectFlags returns the flags that make apply connect where and
// as whom the plan was made, and the notes the command needs: apply
// takes its connection from its own flags and environment, never from
// the file, and refuses one that differs, so the printed command names
// it rather than trusting the shell it runs in. The endpoint is the one
// the plan used (from -endpoint-url, AWS_ENDPOINT_URL or the profile),
// without its password; the region the plan's default region; the
// profile and role as recorded. No secret is printed: an endpoint's
// password is replaced, and the role's external id, never saved, is
// named in a note.
func applyConnectFlags(p *apply.Plan, conn apply.ConnectOptions) (flags, notes []string) {
	if p.Endpoint != "" {
		ep := p.Endpoint
		if u, err := url.Parse(ep); err == nil && u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), "...")
				notes = append(notes, "The endpoint's password is not printed: replace ... in -endpoint-url with it.")
			}
			ep = u.String()
		}
		flags = append(flags, "-endpoint-url", shellWord(ep))
	}
	if conn.Profile != "" {
		flags = append(flags, "-profile", shellWord(conn.Profile))
	}
	region := p.Region
	if region == "" {
		region = conn.Region
	}
	if region != "" {
		flags = append(flags, "-region", shellWord(region))
	}
	if conn.AssumeRoleARN != "" {
		flags = append(flags, "-assume-role-arn", shellWord(conn.AssumeRoleARN))
		notes = append(notes, "If plan was given -external-id, give apply the same -external-id '...': the external id is secret, so the plan file does not keep it and it is not printed.")
	}
	return flags, notes
}
