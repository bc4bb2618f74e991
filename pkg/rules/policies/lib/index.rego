# Indexes of the input by label, name and address. A complete rule's value
# is computed once per evaluation, so a lookup in one of these costs the
# same for every bucket or grant, where a scan of input.buckets or of the
# documents per bucket made lint quadratic in the size of a spec.
#
# Each index maps a key to the set of the entries with that key. When every
# entry has its own key (always so in a spec that validates) it is an object
# comprehension; otherwise the full extent of a multi-value rule, which
# keeps every entry of a shared key, so a lookup finds exactly what a scan
# found. (OPA checks each entry of a multi-value rule against all those
# before it, so that form is itself quadratic and only the fallback.)
package teramotc.lib.common

# bucket_label_index maps a label to the set of the buckets with it.
bucket_label_index := {b.label: {b} | some b in input.buckets} if {
	count({b.label | some b in input.buckets}) == count(input.buckets)
} else := buckets_labelled

buckets_labelled[label] contains b if {
	some b in input.buckets
	label := b.label
}

# bucket_name_index maps an AWS name (name.value) to its buckets.
bucket_name_index := {b.name.value: {b} | some b in input.buckets} if {
	count({b.name.value | some b in input.buckets}) == count(input.buckets)
} else := buckets_named

buckets_named[name] contains b if {
	some b in input.buckets
	name := b.name.value
}

# bucket_address_index maps a spec address (bucket.LABEL) to its buckets.
bucket_address_index := {b.address: {b} | some b in input.buckets} if {
	count({b.address | some b in input.buckets}) == count(input.buckets)
} else := buckets_at

buckets_at[address] contains b if {
	some b in input.buckets
	address := b.address
}

# document_index maps [kind, address] to the set of the policy documents of
# that kind and spec block address.
document_index := {[d.kind, d.address]: {d} | some d in policy_documents} if {
	count({[d.kind, d.address] | some d in policy_documents}) == count(policy_documents)
} else := documents_at

documents_at[[kind, address]] contains doc if {
	some doc in policy_documents
	kind := doc.kind
	address := doc.address
}

# statements_at_address is the set of [doc, i, s] of the documents of a kind
# for a spec block address: statements_of_kind(kind) filtered on
# doc.address == address.
statements_at_address(kind, address) := {[doc, i, s] |
	some doc in document_index[[kind, address]]
	some i, s in doc.content.Statement
}
