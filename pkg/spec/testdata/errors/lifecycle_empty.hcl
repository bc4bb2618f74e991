# a lifecycle rule with no action.
# want: line 6: Empty lifecycle rule
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Nothing" {
    enabled = true
  }
}
