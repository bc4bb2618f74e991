package apply

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// profileRoleAt sends the STS calls of a profile's own role (role_arn with
// source_profile or credential_source, or with web_identity_token_file)
// to *endpoint once Connect has resolved it.
//
// The SDK builds that STS client while it resolves credentials, before it
// resolves the base endpoint, and never sees -endpoint-url: without this,
// a profile's AssumeRole went to AWS with the source profile's credentials
// while every other request went to the endpoint teramotc reports. The
// providers are lazy, so the endpoint, set after LoadDefaultConfig
// returns, is in place before their first call.
func profileRoleAt(endpoint *string) []func(*config.LoadOptions) error {
	at := func(o *sts.Options) {
		if *endpoint != "" {
			o.BaseEndpoint = aws.String(*endpoint)
		}
	}
	return []func(*config.LoadOptions) error{
		config.WithAssumeRoleCredentialOptions(func(o *stscreds.AssumeRoleOptions) {
			o.Client = assumeRoleAt{o.Client, at}
		}),
		config.WithWebIdentityRoleCredentialOptions(func(o *stscreds.WebIdentityRoleOptions) {
			o.Client = webIdentityAt{o.Client, at}
		}),
	}
}

type assumeRoleAt struct {
	c  stscreds.AssumeRoleAPIClient
	at func(*sts.Options)
}

func (a assumeRoleAt) AssumeRole(ctx context.Context, in *sts.AssumeRoleInput, fns ...func(*sts.Options)) (*sts.AssumeRoleOutput, error) {
	return a.c.AssumeRole(ctx, in, append(fns, a.at)...)
}

type webIdentityAt struct {
	c  stscreds.AssumeRoleWithWebIdentityAPIClient
	at func(*sts.Options)
}

func (w webIdentityAt) AssumeRoleWithWebIdentity(ctx context.Context, in *sts.AssumeRoleWithWebIdentityInput, fns ...func(*sts.Options)) (*sts.AssumeRoleWithWebIdentityOutput, error) {
	return w.c.AssumeRoleWithWebIdentity(ctx, in, append(fns, w.at)...)
}
