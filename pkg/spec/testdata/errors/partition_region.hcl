# a region of another partition than the aws block's.
# want: line 9: Region not in the partition
# want: line 13: Region not in the partition
aws {
  partition = "aws-cn"
}
bucket "virginia" {
  name   = "teramot-fixture-virginia"
  region = "us-east-1"
}
bucket "govcloud" {
  name   = "teramot-fixture-govcloud"
  region = "us-gov-west-1"
}
bucket "beijing" {
  name   = "teramot-fixture-beijing"
  region = "cn-north-1"
}
