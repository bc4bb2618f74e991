# an action of an unknown service.
# want: line 10: Action of an unsupported service [TMC504]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  extra_actions = ["ec2:RunInstances"]
  iam_user {
    name = "partner"
  }
}
