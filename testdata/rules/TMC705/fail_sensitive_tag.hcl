# A sensitive value and a token written into bucket tags, which anyone with
# s3:GetBucketTagging reads and render writes to tagging.json.
variable "db_password" {
  type      = string
  sensitive = true
  default   = "Pr0dDBpassw0rd2026zQx"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    db_password = var.db_password                                # want: TMC705
    gh          = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"   # want: TMC705
    slack       = "xoxb-123456789012-1234567890123-AbCdEfGhIjKl" # want: TMC705
    team        = "data-platform"
  }
}
