package spec

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed actions/s3.resources
var s3ResourceFile string

// s3Resources maps a lower-case S3 action ("s3:getobject") to the resource
// type AWS authorizes it against, built on first use.
var s3Resources = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(s3ResourceFile, "\n") {
		name, res, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && !strings.HasPrefix(name, "#") {
			m["s3:"+strings.ToLower(name)] = res
		}
	}
	return m
})

// S3ActionResource returns the resource type of an S3 action, matched
// case-insensitively: "bucket" (the bucket ARN), "object" (object ARNs),
// "other" (access points, jobs, Storage Lens ...) or "none" (Resource "*"
// only). It returns "" for an action of another service, a wildcard or an
// unknown action.
func S3ActionResource(action string) string {
	return s3Resources()[strings.ToLower(action)]
}
