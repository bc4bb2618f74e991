package apply

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

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
		if !ownEndpointLookedUp(svc.env) {
			continue
		}
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

// ownEndpointLookedUp reports whether the SDK looks up a service's own
// endpoint at all, as each client of aws-sdk-go-v2 decides it (its
// resolveBaseEndpoint): not when AWS_ENDPOINT_URL is in the environment
// (set, even empty) and the service's own variable is not. Then every
// client of the service, teramotc's and the SDK's own (the STS client that
// assumes a profile's role_arn), uses cfg.BaseEndpoint, and a services
// section of the profile is not read for it: AWS_ENDPOINT_URL and a
// profile's services URL for S3 send S3 to AWS_ENDPOINT_URL, so teramotc
// accepts that. When the SDK does look it up (AWS_ENDPOINT_URL absent, or
// the service's own variable present, even empty, so that the services
// section answers), a client the SDK builds would send that service
// elsewhere than the endpoint teramotc reports, and resolveEndpoint keeps
// refusing it.
func ownEndpointLookedUp(env string) bool {
	_, base := os.LookupEnv("AWS_ENDPOINT_URL")
	_, own := os.LookupEnv(env)
	return !base || own
}

// endpointBeforeConnect is the endpoint Connect will use, resolved before
// anything connects from the flag, the environment (getenv) and the
// profile's section of the shared config, in the SDK's order:
// -endpoint-url; else none (AWS) when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
// is true, or it is not set and the profile's
// ignore_configured_endpoint_urls is true; else AWS_ENDPOINT_URL; else the
// profile's endpoint_url; else AWS. So a plan file's endpoint is compared
// with the one every request will go to before the first request, also
// when only the profile decides it. When the SDK would not load the
// configuration (an invalid AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, a named
// profile that is not in the shared config, a file that does not parse)
// only AWS_ENDPOINT_URL is compared (source "" when it is not set):
// Connect refuses that configuration before sending anything.
func endpointBeforeConnect(flag, profile string, getenv func(string) string) setting {
	if flag != "" {
		return setting{flag, "-endpoint-url"}
	}
	envIgnore := getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
	if strings.EqualFold(envIgnore, "true") {
		return setting{"", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"}
	}
	env := firstEnv(getenv, "AWS_ENDPOINT_URL")
	prof, ok := sharedProfile(profile, getenv)
	if !ok || envIgnore != "" && !strings.EqualFold(envIgnore, "false") {
		return env
	}
	name := shown(profileName(flagOrEnv(profile, "profile", getenv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE").value))
	if envIgnore == "" && prof.IgnoreConfiguredEndpoints != nil && *prof.IgnoreConfiguredEndpoints {
		return setting{"", "ignore_configured_endpoint_urls of profile " + name}
	}
	if env.value != "" {
		return env
	}
	if prof.BaseEndpoint != "" {
		return setting{prof.BaseEndpoint, "endpoint_url of profile " + name}
	}
	return setting{"", "no -endpoint-url, AWS_ENDPOINT_URL or endpoint_url of profile " + name}
}

// sharedProfile reads the profile (-profile, else AWS_PROFILE, else
// AWS_DEFAULT_PROFILE, else default) from the shared config and
// credentials files the SDK reads (AWS_CONFIG_FILE,
// AWS_SHARED_CREDENTIALS_FILE, else those in ~/.aws). A default profile
// that is not there sets nothing, as for the SDK; ok is false when the
// files do not load or a named profile is not in them (Connect refuses
// both before sending anything).
func sharedProfile(profile string, getenv func(string) string) (config.SharedConfig, bool) {
	if profile == "" {
		profile = firstEnv(getenv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE").value
	}
	named := profile != ""
	files := func(env string, def func() string) []string {
		if f := getenv(env); f != "" {
			return []string{f}
		}
		return []string{def()}
	}
	prof, err := config.LoadSharedConfigProfile(context.Background(), profileName(profile), func(o *config.LoadSharedConfigOptions) {
		o.ConfigFiles = files("AWS_CONFIG_FILE", config.DefaultSharedConfigFilename)
		o.CredentialsFiles = files("AWS_SHARED_CREDENTIALS_FILE", config.DefaultSharedCredentialsFilename)
	})
	var notExist config.SharedConfigProfileNotExistError
	switch {
	case err == nil:
		return prof, true
	case errors.As(err, &notExist) && !named:
		return config.SharedConfig{}, true
	default:
		return config.SharedConfig{}, false
	}
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
