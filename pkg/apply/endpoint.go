package apply

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

// endpointServices are the services teramotc builds clients for, by the
// SDK's service id: AWS_ENDPOINT_URL_<ID> (upper case) and a key of a
// shared config services section (lower case) name them.
var endpointServices = []struct{ id, env string }{
	{"S3", "AWS_ENDPOINT_URL_S3"},
	{"IAM", "AWS_ENDPOINT_URL_IAM"},
	{"STS", "AWS_ENDPOINT_URL_STS"},
	{"CloudTrail", "AWS_ENDPOINT_URL_CLOUDTRAIL"},
}

// serviceEndpointSource is a configuration source the SDK asks for a
// service's own endpoint: config.EnvConfig (AWS_ENDPOINT_URL_<ID>) and
// config.SharedConfig (the profile's services section).
type serviceEndpointSource interface {
	GetServiceBaseEndpoint(ctx context.Context, sdkID string) (string, bool, error)
}

// resolveEndpoint returns the one endpoint all of teramotc's clients use
// ("" for AWS), as the SDK resolves it from the loaded cfg: flag
// (-endpoint-url), else AWS_ENDPOINT_URL, else the profile's endpoint_url;
// the last two and every service's own endpoint are ignored, as the SDK
// ignores them, under AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true or the
// profile's ignore_configured_endpoint_urls. A service's own endpoint
// (AWS_ENDPOINT_URL_S3, a services section) for a client teramotc builds is
// refused unless it is that same endpoint: plans record one endpoint, apply
// compares it, and the engine behaves differently off AWS.
func resolveEndpoint(ctx context.Context, flag string, cfg aws.Config) (string, error) {
	ignore, _, _ := config.GetIgnoreConfiguredEndpoints(ctx, cfg.ConfigSources)
	endpoint, source := flag, "-endpoint-url"
	if endpoint == "" && !ignore && cfg.BaseEndpoint != nil {
		endpoint, source = *cfg.BaseEndpoint, baseEndpointSource(cfg.ConfigSources)
	}
	if endpoint != "" {
		if err := checkEndpoint(endpoint, source); err != nil {
			return "", err
		}
	}
	if ignore {
		return endpoint, nil
	}
	for _, svc := range endpointServices {
		own, from := serviceEndpoint(ctx, cfg.ConfigSources, svc.id, svc.env)
		if own == "" || endpoint != "" && sameEndpoint(own, endpoint) {
			continue
		}
		now := "AWS"
		if endpoint != "" {
			now = fmt.Sprintf("%s (%s)", endpointName(endpoint), source)
		}
		return "", &Problem{
			Summary: fmt.Sprintf("per-service endpoints are not supported: %s sets %s for %s, but teramotc connects to %s", from, endpointName(own), svc.id, now),
			Detail: "teramotc sends the requests of every service (S3, IAM, STS, CloudTrail) to one endpoint, which plans record and apply compares. " +
				"Set -endpoint-url or AWS_ENDPOINT_URL for all services, and unset " + from + " or give it the same URL (for AWS, unset it). Nothing was sent.",
		}
	}
	return endpoint, nil
}

// baseEndpointSource names where the SDK took cfg.BaseEndpoint from.
func baseEndpointSource(sources []any) string {
	for _, s := range sources {
		if env, ok := s.(config.EnvConfig); ok && env.BaseEndpoint != "" {
			return "AWS_ENDPOINT_URL"
		}
	}
	return "endpoint_url in the shared config"
}

// serviceEndpoint is the service's own endpoint as the SDK looks it up
// (the first source that has one), and where it is set; "" when none is.
func serviceEndpoint(ctx context.Context, sources []any, id, env string) (value, from string) {
	for _, s := range sources {
		p, ok := s.(serviceEndpointSource)
		if !ok {
			continue
		}
		v, found, err := p.GetServiceBaseEndpoint(ctx, id)
		if err != nil || !found || v == "" {
			continue
		}
		switch s := s.(type) {
		case config.EnvConfig:
			return v, env
		case config.SharedConfig:
			return v, fmt.Sprintf("the services section %s of profile %s (endpoint_url for %s)", shown(s.ServicesSectionName), shown(s.Profile), id)
		default:
			return v, "the SDK configuration"
		}
	}
	return "", ""
}
