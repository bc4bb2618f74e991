package apply

// arns builds the ARNs of one partition and account.
type arns struct{ partition, account string }

func (a arns) bucket(name string) string { return "arn:" + a.partition + ":s3:::" + name }

func (a arns) iam(kind, path, name string) string {
	return "arn:" + a.partition + ":iam::" + a.account + ":" + kind + pathOr(path) + name
}

func (a arns) trail(region, name string) string {
	return "arn:" + a.partition + ":cloudtrail:" + region + ":" + a.account + ":trail/" + name
}
