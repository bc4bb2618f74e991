package teramotc.rules.acme_versioning_test

import data.teramotc.rules.acme_versioning

test_unversioned if {
	count(acme_versioning.deny) == 1 with input as {"buckets": [{"label": "a", "address": "bucket.a", "versioning": {"value": false, "range": {}}}]}
}

test_versioned if {
	count(acme_versioning.deny) == 0 with input as {"buckets": [{"label": "a", "address": "bucket.a", "versioning": {"value": true, "range": {}}}]}
}
