# a misspelled attribute: its "Did you mean" names the missing one, which
# is not reported again as missing.
# want: line 6: Unsupported argument
bucket "data" {
  name   = "teramot-fixture-data"
  regoin = "us-east-1"
}
