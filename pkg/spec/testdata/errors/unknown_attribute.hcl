# a misspelled attribute (the real one is then missing).
# want: line 4: Missing required argument
# want: line 6: Unsupported argument
bucket "data" {
  name   = "teramot-fixture-data"
  regoin = "us-east-1"
}
