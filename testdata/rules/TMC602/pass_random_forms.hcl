# Random external ids that partners issue, whose letter runs are no words
# (review-diff4 M1): digit-free mixed case, lower-case letters and digits,
# base64 with a digit-free segment, the Snowflake form.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

# 20 random letters, no digit
grant "partner_a" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-a-read"
    trusted_account_id = "210987654321"
    external_id        = "FtHxkeoObPkUVoGdLuBx"
  }
}

# 24 random lower-case letters and digits
grant "partner_b" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-b-read"
    trusted_account_id = "210987654321"
    external_id        = "f7im8ykakvoslhupziyltipv"
  }
}

# base64 of 24 random bytes
grant "partner_c" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-c-read"
    trusted_account_id = "210987654321"
    external_id        = "RGTaISmj+NhNVIRvh+OxWDkFReVs/Z1W"
  }
}

# the Snowflake form
grant "partner_d" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-d-read"
    trusted_account_id = "210987654321"
    external_id        = "MYACCOUNT_SFCRole=2_YFLjlloEOjJCtwucQwTzUGVLD/Ml"
  }
}
