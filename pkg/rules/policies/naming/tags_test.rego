package teramotc.rules.tags_test

import data.teramotc.rules.tags

rng(line) := {"filename": "main.hcl", "start": {"line": line, "column": 1, "byte": 0}, "end": {"line": line, "column": 9, "byte": 8}}

attr(v, line) := {"value": v, "range": rng(line), "set": true}

spec(entries) := {"buckets": [{"label": "data", "address": "bucket.data", "tags": {"range": rng(20), "set": true, "entries": entries}}]}

tag(k, v, line) := {"key": k, "value": v, "range": rng(line)}

long(n) := concat("", [x | some _ in numbers.range(1, n); x := "v"])

test_fail_reserved_prefix if {
	fs := tags.deny with input as spec([tag("owner", "data", 21), tag("AWS:team", "x", 22)])
	count(fs) == 1
	some f in fs
	f.range == rng(22)
}

test_fail_long_value if {
	fs := tags.deny with input as spec([tag("owner", long(257), 21)])
	count(fs) == 1
	some f in fs
	contains(f.msg, "256")
}

test_fail_empty_key if {
	count(tags.deny) == 1 with input as spec([tag("", "x", 21)])
}

test_fail_too_many if {
	fs := tags.deny with input as spec([tag(sprintf("k%d", [i]), "v", 21) | some i in numbers.range(1, 51)])
	count(fs) == 1
	some f in fs
	f.range == rng(20)
}

test_fail_characters if {
	fs := tags.deny with input as spec([tag("a,b", "x!y", 21), tag("owner", "line\nbreak", 22), tag("note", "#1", 23)])
	count(fs) == 3
	some f in fs
	f.range == rng(21)
	contains(f.msg, "the key has characters tags do not accept")
	contains(f.msg, "the value has characters tags do not accept")
	some g in fs
	g.range == rng(22)
}

test_pass_characters if {
	count(tags.deny) == 0 with input as spec([
		tag("team:name", "a_b.c:d/e=f+g-h@i j", 21),
		tag("équipe", "données 数据 ٣", 22),
	])
}

test_pass_limits if {
	count(tags.deny) == 0 with input as spec([tag("owner", long(256), 21), tag("k", "", 22)])
	count(tags.deny) == 0 with input as spec([tag(sprintf("k%d", [i]), "v", 21) | some i in numbers.range(1, 50)])
}

# plainly_valid is a shortcut: it never holds for a tag problems rejects.
test_plainly_valid_only_for_valid_tags if {
	long := concat("", ["k" | some _ in numbers.range(1, 129)])
	samples := [
		{"key": "team", "value": "data"}, {"key": "", "value": "x"}, {"key": "AWS:x", "value": "y"},
		{"key": long, "value": "v"}, {"key": "é", "value": ""},
		{"key": "k", "value": concat("", ["v" | some _ in numbers.range(1, 257)])},
		{"key": "a,b", "value": "x"}, {"key": "k", "value": "x!y"}, {"key": "k", "value": "a b@c"},
	]
	plain := {i | some i, t in samples; tags.plainly_valid(t)}
	plain == {i | some i, t in samples; count(tags.problems(t)) == 0}
	plain == {0, 4, 8}
}

# plainly_valid counts characters as the regular expressions it replaces did.
plainly_valid(t) if tags.plainly_valid(t)

else := false

regex_plainly_valid(t) if {
	regex.match(`^(?s).{1,128}$`, t.key)
	regex.match(`^(?s).{0,256}$`, t.value)
	not startswith(lower(t.key), "aws:")
	regex.match(tags.tag_chars, t.key)
	regex.match(tags.tag_chars, t.value)
} else := false

test_plainly_valid_agrees_with_regex if {
	long := concat("", [c | some _ in numbers.range(1, 128); c := "é"])
	every key in ["", "a", "\n", long, concat("", [long, "x"]), "aws:x", "AWS:x"] {
		every value in ["", "v", "\n\n", concat("", [long, long]), concat("", [long, long, "x"])] {
			plainly_valid({"key": key, "value": value}) == regex_plainly_valid({"key": key, "value": value})
		}
	}
}
