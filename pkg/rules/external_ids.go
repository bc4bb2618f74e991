package rules

// policies/lib/published_ids.rego lists the external ids printed in the
// README, docs, examples and root test data, which TMC602 reports as
// placeholders (review leak2 H3). It is regenerated before the snapshot,
// which compiles it.
//
//go:generate go test -run TestPublishedExternalIDs -update .
