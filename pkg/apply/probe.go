package apply

import (
	"context"
	"errors"
	"sync"
)

// errUnsupported marks a capability the endpoint lacks.
var errUnsupported = errors.New("its GET probe answered NotImplemented")

// capability is what the endpoint is known to answer to the GET of one
// bucket sub-resource type.
type capability int8

const (
	capUnknown capability = iota
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
}

// decided reports whether the answer for typ is known, and the error a
// write of that type must stop with (errUnsupported or nil).
func (c *capCache) decided(typ string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch c.known[typ] {
	case capSupported:
		return true, nil
	case capUnsupported:
		return true, errUnsupported
	}
	return false, nil
}

// learn records a decisive answer; the first one stands.
func (c *capCache) learn(typ string, v capability) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known == nil {
		c.known = map[string]capability{}
	}
	if c.known[typ] == capUnknown {
		c.known[typ] = v
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
// 404, any other error) decide nothing.
func (e *Engine) learnRead(it *Item, err error) {
	if e.C.Endpoint == "" || it.Bucket == "" || it.Type == TBucket {
		return
	}
	switch code := errorCode(err); {
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
