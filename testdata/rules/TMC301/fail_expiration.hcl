# Without versioning, a whole-bucket rule that expires objects after a day
# deletes everything for good (review leak L5); a rule with a prefix or of
# 7 days is not reported.
bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = false # want: TMC301

  lifecycle_rule "wipe" {
    expiration_days = 1 # want: TMC301
  }

  lifecycle_rule "tmp" {
    prefix          = "tmp/"
    expiration_days = 1
  }

  lifecycle_rule "week" {
    expiration_days = 7
  }
}
