package render

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// bucketPolicy renders the bucket policy, in this order: the TLS deny, the
// denies of uploads without the SSE header or with another KMS key, the statements the log delivery
// services need when this bucket receives logs declared in the spec, then the
// user's statement blocks. No file is written when there is no statement.
func (r *renderer) bucketPolicy(dir string, b *spec.Bucket) {
	var p policy
	name := b.Name.Value
	if b.RequireTLS.Value {
		p.add(stmt{
			Sid:       "DenyInsecureTransport",
			Effect:    "Deny",
			Principal: "*",
			Actions:   []string{"s3:*"},
			Resources: []string{r.bucketARN(name), r.objectARN(name, "")},
			Condition: cond("Bool", "aws:SecureTransport", "false"),
		}, b.RequireTLS.Range)
	}
	r.encryptionDenies(&p, b)
	r.accessLogStatements(&p, b)
	r.trailStatements(&p, b)
	sensitive := false
	for _, s := range b.Statements {
		p.add(userStatement(s), s.DeclRange)
		userProvenance(p.prov, len(p.statements)-1, s)
		sensitive = sensitive || statementSensitive(s)
	}
	if len(p.statements) == 0 {
		return
	}
	d := r.add(dir+"bucket-policy.json", KindBucketPolicy, b.Block, p.document(), p.prov)
	d.Sensitive = sensitive
}

// statementSensitive reports whether a user statement holds a value derived
// from a sensitive variable, which makes the whole bucket policy sensitive.
func statementSensitive(s *spec.Statement) bool {
	if s.Effect.Sensitive || s.Principals.Sensitive || s.Actions.Sensitive || s.NotActions.Sensitive || s.Resources.Sensitive {
		return true
	}
	for _, c := range s.Conditions {
		if c.Test.Sensitive || c.Variable.Sensitive || c.Values.Sensitive {
			return true
		}
	}
	return false
}

// accessLogSources lists the declared buckets whose access_logging names
// target, sorted by label.
func (r *renderer) accessLogSources(target *spec.Bucket) []*spec.Bucket {
	var sources []*spec.Bucket
	for _, src := range r.spec.Buckets {
		if l := src.AccessLogging; l != nil && refersTo(target, l.TargetRef, l.TargetBucket.Value) {
			sources = append(sources, src)
		}
	}
	// By label, not declaration order: the statements' order must not
	// depend on the names of the spec's files.
	slices.SortFunc(sources, func(a, b *spec.Bucket) int { return strings.Compare(a.Label, b.Label) })
	return sources
}

// logTrails lists the declared trails whose log_bucket names target,
// sorted by label.
func (r *renderer) logTrails(target *spec.Bucket) []*spec.Trail {
	var trails []*spec.Trail
	for _, t := range r.spec.Trails {
		if refersTo(target, t.LogBucketRef, t.LogBucket.Value) {
			trails = append(trails, t)
		}
	}
	slices.SortFunc(trails, func(a, b *spec.Trail) int { return strings.Compare(a.Label, b.Label) })
	return trails
}

// logDeliveryServices lists, sorted, the service principals that the
// policy of b allows to deliver logs: the ones the deny of unencrypted
// uploads must not block.
func (r *renderer) logDeliveryServices(b *spec.Bucket) []string {
	var services []string
	if r.account != "" && len(r.logTrails(b)) > 0 {
		services = append(services, "cloudtrail.amazonaws.com")
	}
	if len(r.accessLogSources(b)) > 0 {
		services = append(services, "logging.s3.amazonaws.com")
	}
	return services
}

// accessLogStatements lets S3 server access logging deliver the logs of every
// declared bucket that names b as its target, scoped to the source bucket
// and, when the aws block names it, to the account (lint rule TMC402 asks
// for aws.account_id when it is missing).
func (r *renderer) accessLogStatements(p *policy, target *spec.Bucket) {
	sources := r.accessLogSources(target)
	// By label, as the trails' Sids: a label is stable and never
	// sensitive, where a bucket name may come from a sensitive variable.
	labels := make([]string, len(sources))
	for i, src := range sources {
		labels[i] = src.Label
	}
	sids := sourceSids("AllowAccessLogDelivery", labels)
	for i, src := range sources {
		l := src.AccessLogging
		c := cond("ArnLike", "aws:SourceArn", r.bucketARN(src.Name.Value))
		if r.account != "" {
			c = and(c, cond("StringEquals", "aws:SourceAccount", r.account))
		}
		p.add(stmt{
			Sid:       sids[i],
			Effect:    "Allow",
			Principal: object{"Service": "logging.s3.amazonaws.com"},
			Actions:   []string{"s3:PutObject"},
			Resources: []string{r.objectARN(target.Name.Value, l.TargetPrefix.Value)},
			Condition: c,
		}, l.TargetBucket.Range)
	}
}

// trailStatements lets CloudTrail check the ACL of b and write to it for every
// declared trail that names b as its log bucket. A trail ARN needs the
// account: without aws.account_id nothing is rendered, because a wildcard
// account would let a trail of that name in any account write here; lint
// rule TMC405 reports the missing account instead.
func (r *renderer) trailStatements(p *policy, target *spec.Bucket) {
	trails := r.logTrails(target)
	if r.account == "" {
		return
	}
	labels := make([]string, len(trails))
	for i, t := range trails {
		labels[i] = t.Label
	}
	aclSids := sourceSids("AllowCloudTrailAclCheck", labels)
	writeSids := sourceSids("AllowCloudTrailWrite", labels)
	for i, t := range trails {
		region := target.Region.Value
		if src := r.spec.BucketByLabel(t.Bucket.Value); src != nil {
			region = src.Region.Value
		}
		trailARN := "arn:" + r.partition + ":cloudtrail:" + region + ":" + r.account + ":trail/" + t.Label
		logs := r.bucketARN(target.Name.Value) + "/"
		if prefix := logPrefix(t); prefix != "" {
			logs += prefix + "/"
		}
		logs += "AWSLogs/" + r.account + "/*"
		p.add(stmt{
			Sid:       aclSids[i],
			Effect:    "Allow",
			Principal: object{"Service": "cloudtrail.amazonaws.com"},
			Actions:   []string{"s3:GetBucketAcl"},
			Resources: []string{r.bucketARN(target.Name.Value)},
			Condition: cond("StringEquals", "aws:SourceArn", trailARN),
		}, t.LogBucket.Range)
		p.add(stmt{
			Sid:       writeSids[i],
			Effect:    "Allow",
			Principal: object{"Service": "cloudtrail.amazonaws.com"},
			Actions:   []string{"s3:PutObject"},
			Resources: []string{logs},
			Condition: and(
				cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"),
				cond("StringEquals", "aws:SourceArn", trailARN),
			),
		}, t.LogBucket.Range)
	}
}

// refersTo reports whether a reference (a bucket label, or "" with a plain
// bucket name) designates bucket b.
func refersTo(b *spec.Bucket, ref, name string) bool {
	if ref != "" {
		return ref == b.Label
	}
	return name != "" && name == b.Name.Value
}

// userStatement renders a statement block. Conditions with the same test are
// merged into one test object; a repeated test and variable pair keeps all
// the values, in source order.
func userStatement(s *spec.Statement) stmt {
	effect := s.Effect.Value
	if effect == "" {
		effect = "Allow"
	}
	out := stmt{
		Sid:        s.Sid,
		Effect:     effect,
		Actions:    s.Actions.Value,
		NotActions: s.NotActions.Value,
		Resources:  s.Resources.Value,
	}
	if pr := s.Principals.Value; pr.Wildcard {
		out.Principal = "*"
	} else if len(pr.Map) > 0 {
		m := object{}
		for typ, ids := range pr.Map {
			m[typ] = scalarOrList(ids)
		}
		out.Principal = m
	}
	values := map[string]map[string][]string{}
	for _, c := range s.Conditions {
		if values[c.Test.Value] == nil {
			values[c.Test.Value] = map[string][]string{}
		}
		values[c.Test.Value][c.Variable.Value] = append(values[c.Test.Value][c.Variable.Value], c.Values.Value...)
	}
	if len(values) > 0 {
		out.Condition = object{}
		for test, vars := range values {
			m := object{}
			for v, vals := range vars {
				m[v] = scalarOrList(vals)
			}
			out.Condition[test] = m
		}
	}
	return out
}

// userProvenance records, for statement i rendered from the statement block
// s, where each of its fields was written: "/Statement/i/Principal",
// "/Action", "/NotAction", "/Resource", "/Effect", and "/Condition",
// "/Condition/TEST" and "/Condition/TEST/VARIABLE" at the header of the
// first condition block that produced them. Findings in the rendered
// document then point at the exact attribute or block.
func userProvenance(prov map[string]hcl.Range, i int, s *spec.Statement) {
	base := pointer("/Statement", i)
	field := func(name string, written bool, rng hcl.Range) {
		if written {
			prov[base+"/"+name] = rng
		}
	}
	field("Effect", s.Effect.Set, s.Effect.Range)
	field("Principal", s.Principals.Set, s.Principals.Range)
	field("Action", len(s.Actions.Value) > 0, s.Actions.Range)
	field("NotAction", len(s.NotActions.Value) > 0, s.NotActions.Range)
	field("Resource", len(s.Resources.Value) > 0, s.Resources.Range)
	for _, c := range s.Conditions {
		for _, ptr := range []string{
			base + "/Condition",
			base + "/Condition/" + pointerToken(c.Test.Value),
			base + "/Condition/" + pointerToken(c.Test.Value) + "/" + pointerToken(c.Variable.Value),
		} {
			if _, seen := prov[ptr]; !seen {
				prov[ptr] = c.DeclRange
			}
		}
	}
}

// pointerToken escapes a key for a JSON pointer (RFC 6901).
func pointerToken(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}
