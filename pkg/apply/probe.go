package apply

import (
	"context"
	"errors"
	"sync"
)

// errUnsupported marks a capability the endpoint lacks.
var errUnsupported = errors.New("its GET probe answered NotImplemented")

// rejectedError is errUnsupported learned from an earlier write of the
// type in this run (see capCache.reject): cause is that write's answer,
// why the reason recorded for it. skipUnsupported decides on cause, as for
// a write of its own.
type rejectedError struct {
	why   string
	cause error
}

func (r *rejectedError) Error() string {
	return "an earlier write of this type was rejected as unsupported (" + short(r.cause) + ")"
}
func (*rejectedError) Is(t error) bool { return t == errUnsupported }

// capability is what the endpoint is known to answer to the GET of one
// bucket sub-resource type.
type capability int8

const (
	capUnknown capability = iota
	// capAnswers: the GET answers, but that proves nothing (MinIO answers
	// GetBucketLogging from a dummy handler and routes the PUT to
	// CreateBucket, apply-engine.md §10 #36). Probes treat it as
	// supported; a later decisive answer replaces it.
	capAnswers
	capSupported
	capUnsupported
)

// capCache remembers, per sub-resource type, whether the endpoint
// implements its GET. An Engine talks to one endpoint, so the type is the
// whole key. gate serializes the probes of one type: the first bucket to
// need the answer asks, the others wait for it and do not ask again.
type capCache struct {
	mu    sync.Mutex
	known map[string]capability
	gates map[string]*sync.Mutex
	// rejected holds, per type, the write of it that was skipped as
	// unsupported (reject); reads mark the type's items with its reason.
	rejected map[string]*rejectedError
}

// decided reports whether the answer for typ is known, and the error a
// write of that type must stop with (errUnsupported, a *rejectedError, or
// nil).
func (c *capCache) decided(typ string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch c.known[typ] {
	case capSupported, capAnswers:
		return true, nil
	case capUnsupported:
		if r := c.rejected[typ]; r != nil {
			return true, r
		}
		return true, errUnsupported
	}
	return false, nil
}

// proven reports whether the endpoint showed that it implements typ: its
// GET answered with a configuration or the type's own not-found code, or
// a write of it succeeded. A write of a proven type that the endpoint
// rejects is refused, not skipped (see skipUnsupported).
func (c *capCache) proven(typ string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.known[typ] == capSupported
}

// learn records an answer; the first decisive one stands (capAnswers is
// not decisive).
func (c *capCache) learn(typ string, v capability) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known == nil {
		c.known = map[string]capability{}
	}
	if cur := c.known[typ]; cur == capUnknown || cur == capAnswers && v != capAnswers {
		c.known[typ] = v
	}
}

// reject records that a write of typ was skipped as unsupported, why, and
// the answer (cause): later buckets do not send the type's write but
// decide on that answer (skipUnsupported), and reads of this Engine mark
// its items unsupported (markRejected), so a plan made afterwards shows
// them as such.
func (c *capCache) reject(typ, why string, cause error) {
	c.learn(typ, capUnsupported)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known[typ] != capUnsupported {
		return // proven supported meanwhile: not the endpoint's lack
	}
	if c.rejected == nil {
		c.rejected = map[string]*rejectedError{}
	}
	if c.rejected[typ] == nil {
		c.rejected[typ] = &rejectedError{why: why, cause: cause}
	}
}

func (c *capCache) rejectedWhy(typ string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.rejected[typ]; r != nil {
		return r.why
	}
	return ""
}

// markRejected marks it unsupported in live when a write of its type was
// skipped as unsupported earlier in this Engine's life: the GET of such a
// type does not tell (it answered before the write was rejected).
func (e *Engine) markRejected(live *Live, it *Item) {
	if why := e.caps.rejectedWhy(it.Type); why != "" {
		live.unsupported(it.Key(), why)
	}
}

func (c *capCache) gate(typ string) *sync.Mutex {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gates == nil {
		c.gates = map[string]*sync.Mutex{}
	}
	g, ok := c.gates[typ]
	if !ok {
		g = &sync.Mutex{}
		c.gates[typ] = g
	}
	return g
}

// learnRead records what a read of a bucket sub-resource on a non-AWS
// endpoint says about the endpoint: an answer, or a not-found code
// specific to the sub-resource, proves the GET is implemented;
// NotImplemented proves it is not. Generic answers (NoSuchBucket, a bare
// 404, any other error) decide nothing, and neither does an answer to
// GetBucketLogging (capAnswers): only a successful write (confirm) or a
// live configuration proves access logging (see provenFor).
func (e *Engine) learnRead(it *Item, err error) {
	if e.C.Endpoint == "" || it.Bucket == "" || it.Type == TBucket {
		return
	}
	switch code := errorCode(err); {
	case err == nil && it.Type == TLogging:
		e.caps.learn(it.Type, capAnswers)
	case err == nil:
		e.caps.learn(it.Type, capSupported)
	case isUnsupported(err):
		e.caps.learn(it.Type, capUnsupported)
	case notFoundCodes[code] && code != "NotFound" && code != "NoSuchBucket":
		e.caps.learn(it.Type, capSupported)
	}
}

// probe makes sure, before the first write of a bucket sub-resource type on
// a non-AWS endpoint, that the endpoint implements the matching GET (the
// plan could not read it when the bucket did not exist yet): a server that
// does not is not sent the PUT, which MinIO would route to CreateBucket.
// The answer is kept for the Engine's lifetime (reads made while planning
// count too), so N buckets cost one probe per type; concurrent buckets
// wait for the first prober instead of all probing.
func (e *Engine) probe(ctx context.Context, it *Item) error {
	if e.C.Endpoint == "" || it.Type == TBucket {
		return nil
	}
	if known, err := e.caps.decided(it.Type); known {
		return err
	}
	g := e.caps.gate(it.Type)
	// Nothing under the gate may pause (parallel.go): the waiting buckets
	// keep their places, so a prober that gave its place up could wait for
	// one forever.
	g.Lock()
	defer g.Unlock()
	if known, err := e.caps.decided(it.Type); known {
		return err // decided by the prober this bucket waited for
	}
	tmp := newLive()
	tmp.State[(&Item{Type: TBucket, Name: it.Bucket}).Key()] = map[string]any{}
	if err := e.readItem(ctx, tmp, it); err != nil {
		return err
	}
	if _, ok := tmp.Unsupported[it.Key()]; ok {
		return errUnsupported
	}
	return nil // supported, or undecided (NoSuchBucket): write as before
}

// confirm records that a write of typ succeeded: a type whose GET proved
// nothing (capAnswers) is now known to be supported.
func (c *capCache) confirm(typ string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known[typ] == capAnswers {
		c.known[typ] = capSupported
	}
}
