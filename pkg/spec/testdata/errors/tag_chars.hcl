# tag keys and values with characters S3 and IAM do not accept.
# want: line 10: Invalid tag key [TMC703]
# want: line 10: Invalid tag value [TMC703]
# want: line 11: Invalid tag value [TMC703]
# want: line 12: Invalid tag value [TMC703]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = {
    "a,b" = "x!y"
    owner = "line\nbreak"
    note  = "#1"
    fine  = "équipe données:2026/x=y+z-w@v_u.t"
  }
}
