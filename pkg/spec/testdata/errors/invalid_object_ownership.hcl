# an unknown object ownership.
# want: line 6: Invalid object_ownership
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  object_ownership = "BucketOwner"
}
