# a log_prefix with slashes at its ends, one with an empty segment, and one
# over CloudTrail's 200 characters.
# want: line 18: Slashes at both ends of a log prefix
# want: line 23: Empty segment in log prefix
# want: line 28: Log prefix too long
# want: line 33: Slash at the start of a log prefix
# want: line 38: Slash at the end of a log prefix
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
bucket "logs" {
  name   = "teramot-fixture-logs"
  region = "us-east-1"
}
trail "slash" {
  bucket     = bucket.data
  log_prefix = "/audit/"
  log_bucket = bucket.logs.name
}
trail "empty-segment" {
  bucket     = bucket.data
  log_prefix = "a//b"
  log_bucket = bucket.logs.name
}
trail "too-long" {
  bucket     = bucket.data
  log_prefix = join("", [for i in range(201) : "a"])
  log_bucket = bucket.logs.name
}
trail "leading" {
  bucket     = bucket.data
  log_prefix = "/audit"
  log_bucket = bucket.logs.name
}
trail "trailing" {
  bucket     = bucket.data
  log_prefix = "audit/"
  log_bucket = bucket.logs.name
}
