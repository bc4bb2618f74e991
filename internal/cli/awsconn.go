package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
)

// positiveInt is an int flag that must be at least 1 (-parallelism).
type positiveInt struct {
	v    *int
	name string
}

func (p positiveInt) String() string {
	if p.v == nil {
		return ""
	}
	return strconv.Itoa(*p.v)
}

func (p positiveInt) Get() any { return *p.v }

func (p positiveInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return &problem{fmt.Sprintf("invalid value %q for -%s", s, p.name),
			fmt.Sprintf("-%s takes a whole number of at least 1, as in -%s=10.", p.name, p.name)}
	}
	*p.v = n
	return nil
}

// connect builds the AWS clients and runs the preflight, reporting a
// failure with its cause. The environment sets how long a request may wait
// (TERAMOTC_REQUEST_TIMEOUT) and whether the SDK's log and full errors are
// shown (TERAMOTC_LOG=debug).
func connect(ctx context.Context, r *reporter, conn apply.ConnectOptions) (*apply.Engine, bool) {
	if v := r.env.Getenv("TERAMOTC_REQUEST_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			r.fail(fmt.Sprintf("invalid TERAMOTC_REQUEST_TIMEOUT %q", v),
				"Give a positive duration such as 30s or 2m, or unset it for the default of "+apply.DefaultRequestTimeout.String()+".")
			return nil, false
		}
		conn.RequestTimeout = d
	}
	if r.debug() {
		conn.Log = r.env.Stderr
	}
	clients, err := apply.Connect(ctx, conn)
	if err != nil {
		r.awsFail(ctx, clients, err, "")
		return nil, false
	}
	e, err := apply.NewEngine(ctx, clients)
	if err != nil {
		r.awsFail(ctx, clients, err, "")
		return nil, false
	}
	return e, true
}

// debug reports TERAMOTC_LOG=debug: the SDK's log lines and the full text
// of AWS errors (credentials masked) go to stderr.
func (r *reporter) debug() bool { return r.env.Getenv("TERAMOTC_LOG") == "debug" }

// awsFail reports an error of an AWS call by its cause: a terse summary
// and what to do (apply.Clients.Explain), never the SDK's request ids.
// interrupted is the detail to give when the user interrupted the run; ""
// keeps Explain's. Under TERAMOTC_LOG=debug the full error follows on
// stderr.
func (r *reporter) awsFail(ctx context.Context, c *apply.Clients, err error, interrupted string) {
	x := c.Explain(err)
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		x.Summary, x.Detail = "interrupted", "Nothing was written to AWS."
		if interrupted != "" {
			x.Detail = interrupted
		}
	}
	r.fail(x.Summary, x.Detail)
	if r.debug() {
		view.WriteDebug(r.env.Stderr, x.Debug)
	}
}
