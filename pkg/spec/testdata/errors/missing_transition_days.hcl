# a transition to an infrequent-access class without days: only the
# missing argument is reported, not a transition "too early" at day 0.
# want: line 8: Missing required argument
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      storage_class = "STANDARD_IA"
    }
  }
}
