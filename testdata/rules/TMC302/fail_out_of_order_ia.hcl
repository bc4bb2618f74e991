# A second infrequent-access step out of order: only that step is wrong.
# The GLACIER step counts its 30 days from the latest IA step before it
# (day 40), so it is not also reported as too soon.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Reordered" {
    transition {
      days          = 60
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 40 # want: TMC302
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 80
      storage_class = "GLACIER"
    }
  }
}
