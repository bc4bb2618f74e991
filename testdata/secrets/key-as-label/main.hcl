# Access key ids used as block labels (TMC705 reports each). They reach
# addresses (bucket.LABEL, grant.LABEL), rule messages, locations, and the
# trail's name; no printed output may show them. apply still sends the real
# names: the trail is named by its label, and a rerun finds no change.
bucket "AKIAJ3LABELKEY7BUCKT" {
  name   = "teramot-key-as-label"
  region = "us-east-1"
}

bucket "logs" {
  name   = "teramot-key-as-label-trail-logs"
  region = "us-east-1"
}

grant "AKIAJ3LABELKEY7GRANT" {
  bucket      = bucket.AKIAJ3LABELKEY7BUCKT
  permissions = ["read"]

  iam_user {
    name        = "teramot-key-as-label-reader"
    policy_name = "teramot-key-as-label-read"
  }
}

trail "ASIAJ3LABELKEY7TRAIL" {
  bucket     = bucket.AKIAJ3LABELKEY7BUCKT
  log_bucket = bucket.logs.name
}
