package teramotc.lib.index_test

import data.teramotc.lib.common

bucket(label, name) := {"label": label, "address": sprintf("bucket.%s", [label]), "name": {"value": name}}

doc(kind, address, n) := {"kind": kind, "address": address, "content": {"Statement": [{"Sid": sprintf("S%d", [i])} | some i in numbers.range(1, n)]}}

# The indexes find what a scan of the input finds, with unique keys (the
# object comprehension) and with shared ones (the multi-value rules).
test_bucket_indexes_match_scans if {
	every buckets in [
		[bucket("a", "n1"), bucket("b", "n2")],
		[bucket("a", "same"), bucket("b", "same"), bucket("c", "n3")],
		[bucket("a", "n1"), bucket("a", "n2")],
		[bucket("a", "n1"), {"label": "b", "address": "bucket.b"}],
		[],
	] {
		every b in buckets {
			common.bucket_label_index[b.label] == {x | some x in buckets; x.label == b.label} with input as {"buckets": buckets}
			common.bucket_address_index[b.address] == {x | some x in buckets; x.address == b.address} with input as {"buckets": buckets}
		}
		every name in {x.name.value | some x in buckets} {
			common.bucket_name_index[name] == {x | some x in buckets; x.name.value == name} with input as {"buckets": buckets}
		}
	}
}

test_statements_at_address_match_scans if {
	every docs in [
		[doc("bucket-policy", "bucket.a", 2), doc("bucket-policy", "bucket.b", 1), doc("trust-policy", "bucket.a", 1)],
		[doc("bucket-policy", "bucket.a", 2), doc("bucket-policy", "bucket.a", 3)],
	] {
		every kind in ["bucket-policy", "trust-policy", "identity-policy"] {
			every address in ["bucket.a", "bucket.b", "bucket.c"] {
				got := common.statements_at_address(kind, address) with input as {"documents": docs}
				want := {x | some x in common.statements_of_kind(kind); x[0].address == address} with input as {"documents": docs}
				got == want
			}
		}
	}
}

test_shared_name_conflicts_as_before if {
	# bucket_by_name, like the scan it replaces, has two values for a name
	# two buckets share: an evaluation error, so the call is undefined here.
	buckets := [bucket("a", "same"), bucket("b", "same")]
	count(common.bucket_name_index.same) == 2 with input as {"buckets": buckets}
	common.bucket_by_name("other") == bucket("a", "other") with input as {"buckets": [bucket("a", "other")]}
}
