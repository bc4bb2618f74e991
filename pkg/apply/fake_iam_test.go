package apply

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type fakeIAM struct {
	users    map[string]bool
	roles    map[string]*fakeRole
	policies map[string][]string // arn -> versions (last is default)
	attached map[string]bool     // owner + " " + arn
	keys     map[string]int
	// paths holds the users' paths ("/" when unset); inactive the access
	// key ids set Inactive; createKeyOpts the per-operation options of the
	// last CreateAccessKey call.
	paths         map[string]string
	inactive      map[string]bool
	createKeyOpts []func(*iam.Options)

	// inline holds the inline policy names of "user/NAME" and "role/NAME",
	// groups the groups of each user (plan_identity_extra_test.go).
	inline map[string][]string
	groups map[string][]string

	// logins holds the users with a console password (GetLoginProfile);
	// gone the users deleted behind the plan's back, whose ListAccessKeys
	// answers NoSuchEntity (the fake otherwise lists the keys of a user it
	// does not hold).
	logins map[string]bool
	gone   map[string]bool

	// inlineDocs holds the inline policy documents of "user/NAME",
	// "role/NAME" and "group/NAME" by policy name, as
	// GetAccountAuthorizationDetails lists them (plan_orphan_inline.go).
	inlineDocs map[string]map[string]string
}

// fakeKeyID is the id of the i-th (0-based) access key of a user.
func fakeKeyID(i int) string { return fmt.Sprintf("AKIAFAKEKEY%d", i+1) }

type fakeRole struct {
	trust      string
	maxSession int32
	path       string // "" is "/"
}

type fakeTrail struct {
	in        *cloudtrail.CreateTrailInput
	selectors []cttypes.EventSelector
	logging   bool
	home      string // home region, "" for us-east-1 (describeAllTrails)
}

func (f *fake) GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetCallerIdentity", "", false); err != nil {
		return nil, err
	}
	return &sts.GetCallerIdentityOutput{Account: aws.String("111122223333"), Arn: aws.String("arn:aws:iam::111122223333:user/admin")}, nil
}

func noEntity(what string) error { return apiErr("NoSuchEntity", what+" not found") }

func (f *fake) GetUser(_ context.Context, in *iam.GetUserInput, _ ...func(*iam.Options)) (*iam.GetUserOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetUser", *in.UserName, false); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] {
		return nil, noEntity("user")
	}
	return &iam.GetUserOutput{User: &iamtypes.User{UserName: in.UserName, Path: aws.String(pathOr(f.iam.paths[*in.UserName]))}}, nil
}

func (f *fake) CreateUser(_ context.Context, in *iam.CreateUserInput, _ ...func(*iam.Options)) (*iam.CreateUserOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreateUser", *in.UserName, true); err != nil {
		return nil, err
	}
	if f.iam.users[*in.UserName] {
		return nil, apiErr("EntityAlreadyExists", "User with name "+*in.UserName+" already exists.")
	}
	f.iam.users[*in.UserName] = true
	if f.iam.paths == nil {
		f.iam.paths = map[string]string{}
	}
	f.iam.paths[*in.UserName] = aws.ToString(in.Path)
	return &iam.CreateUserOutput{}, nil
}

func (f *fake) UpdateUser(_ context.Context, in *iam.UpdateUserInput, _ ...func(*iam.Options)) (*iam.UpdateUserOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateUser", *in.UserName, true); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] {
		return nil, noEntity("user")
	}
	if in.NewPath != nil {
		if f.iam.paths == nil {
			f.iam.paths = map[string]string{}
		}
		f.iam.paths[*in.UserName] = *in.NewPath
	}
	return &iam.UpdateUserOutput{}, nil
}

func (f *fake) GetRole(_ context.Context, in *iam.GetRoleInput, _ ...func(*iam.Options)) (*iam.GetRoleOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetRole", *in.RoleName, false); err != nil {
		return nil, err
	}
	r, ok := f.iam.roles[*in.RoleName]
	if !ok {
		return nil, noEntity("role")
	}
	arn := "arn:aws:iam::111122223333:role/" + *in.RoleName
	if f.uniqueIDReads > 0 {
		f.uniqueIDReads--
		arn = "AROAEXAMPLEUNIQUEID"
	}
	return &iam.GetRoleOutput{Role: &iamtypes.Role{RoleName: in.RoleName, Path: aws.String(pathOr(r.path)), Arn: aws.String(arn),
		AssumeRolePolicyDocument: aws.String(url.QueryEscape(r.trust)), MaxSessionDuration: aws.Int32(r.maxSession)}}, nil
}

func (f *fake) CreateRole(_ context.Context, in *iam.CreateRoleInput, _ ...func(*iam.Options)) (*iam.CreateRoleOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreateRole", *in.RoleName, true); err != nil {
		return nil, err
	}
	if err := iamSidCheck(*in.AssumeRolePolicyDocument); err != nil {
		return nil, err
	}
	if f.iam.roles[*in.RoleName] != nil {
		return nil, apiErr("EntityAlreadyExists", "Role with name "+*in.RoleName+" already exists.")
	}
	f.iam.roles[*in.RoleName] = &fakeRole{trust: *in.AssumeRolePolicyDocument, maxSession: aws.ToInt32(in.MaxSessionDuration)}
	return &iam.CreateRoleOutput{}, nil
}

func (f *fake) UpdateRole(_ context.Context, in *iam.UpdateRoleInput, _ ...func(*iam.Options)) (*iam.UpdateRoleOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateRole", *in.RoleName, true); err != nil {
		return nil, err
	}
	f.iam.roles[*in.RoleName].maxSession = aws.ToInt32(in.MaxSessionDuration)
	return &iam.UpdateRoleOutput{}, nil
}

func (f *fake) UpdateAssumeRolePolicy(_ context.Context, in *iam.UpdateAssumeRolePolicyInput, _ ...func(*iam.Options)) (*iam.UpdateAssumeRolePolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateAssumeRolePolicy", *in.RoleName, true); err != nil {
		return nil, err
	}
	if err := iamSidCheck(*in.PolicyDocument); err != nil {
		return nil, err
	}
	f.iam.roles[*in.RoleName].trust = *in.PolicyDocument
	return &iam.UpdateAssumeRolePolicyOutput{}, nil
}

func (f *fake) GetPolicy(_ context.Context, in *iam.GetPolicyInput, _ ...func(*iam.Options)) (*iam.GetPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetPolicy", *in.PolicyArn, false); err != nil {
		return nil, err
	}
	vs, ok := f.iam.policies[*in.PolicyArn]
	if !ok {
		return nil, noEntity("policy")
	}
	return &iam.GetPolicyOutput{Policy: &iamtypes.Policy{DefaultVersionId: aws.String(fmt.Sprintf("v%d", len(vs)))}}, nil
}

func (f *fake) GetPolicyVersion(_ context.Context, in *iam.GetPolicyVersionInput, _ ...func(*iam.Options)) (*iam.GetPolicyVersionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetPolicyVersion", *in.PolicyArn, false); err != nil {
		return nil, err
	}
	vs := f.iam.policies[*in.PolicyArn]
	return &iam.GetPolicyVersionOutput{PolicyVersion: &iamtypes.PolicyVersion{Document: aws.String(url.QueryEscape(vs[len(vs)-1]))}}, nil
}

func (f *fake) CreatePolicy(_ context.Context, in *iam.CreatePolicyInput, _ ...func(*iam.Options)) (*iam.CreatePolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreatePolicy", *in.PolicyName, true); err != nil {
		return nil, err
	}
	if err := iamSidCheck(*in.PolicyDocument); err != nil {
		return nil, err
	}
	arn := "arn:aws:iam::111122223333:policy/" + *in.PolicyName
	if f.iam.policies[arn] != nil {
		return nil, apiErr("EntityAlreadyExists", "A policy called "+*in.PolicyName+" already exists.")
	}
	f.iam.policies[arn] = []string{*in.PolicyDocument}
	return &iam.CreatePolicyOutput{}, nil
}

func (f *fake) CreatePolicyVersion(_ context.Context, in *iam.CreatePolicyVersionInput, _ ...func(*iam.Options)) (*iam.CreatePolicyVersionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreatePolicyVersion", *in.PolicyArn, true); err != nil {
		return nil, err
	}
	if err := iamSidCheck(*in.PolicyDocument); err != nil {
		return nil, err
	}
	f.iam.policies[*in.PolicyArn] = append(f.iam.policies[*in.PolicyArn], *in.PolicyDocument)
	return &iam.CreatePolicyVersionOutput{}, nil
}

func (f *fake) ListPolicyVersions(_ context.Context, in *iam.ListPolicyVersionsInput, _ ...func(*iam.Options)) (*iam.ListPolicyVersionsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListPolicyVersions", *in.PolicyArn, false); err != nil {
		return nil, err
	}
	out := &iam.ListPolicyVersionsOutput{}
	vs := f.iam.policies[*in.PolicyArn]
	for i := range vs {
		out.Versions = append(out.Versions, iamtypes.PolicyVersion{VersionId: aws.String(fmt.Sprintf("v%d", i+1)), IsDefaultVersion: i == len(vs)-1})
	}
	return out, nil
}

func (f *fake) DeletePolicyVersion(_ context.Context, in *iam.DeletePolicyVersionInput, _ ...func(*iam.Options)) (*iam.DeletePolicyVersionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("DeletePolicyVersion", *in.PolicyArn, true); err != nil {
		return nil, err
	}
	vs := f.iam.policies[*in.PolicyArn]
	f.iam.policies[*in.PolicyArn] = vs[1:]
	return &iam.DeletePolicyVersionOutput{}, nil
}

func (f *fake) listAttached(owner string) []iamtypes.AttachedPolicy {
	var out []iamtypes.AttachedPolicy
	for k := range f.iam.attached {
		var o, arn string
		fmt.Sscan(k, &o, &arn)
		if o == owner {
			out = append(out, iamtypes.AttachedPolicy{PolicyArn: aws.String(arn)})
		}
	}
	return out
}

func (f *fake) ListAttachedUserPolicies(_ context.Context, in *iam.ListAttachedUserPoliciesInput, _ ...func(*iam.Options)) (*iam.ListAttachedUserPoliciesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListAttachedUserPolicies", *in.UserName, false); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] {
		return nil, noEntity("user")
	}
	return &iam.ListAttachedUserPoliciesOutput{AttachedPolicies: f.listAttached("user/" + *in.UserName)}, nil
}

func (f *fake) ListAttachedRolePolicies(_ context.Context, in *iam.ListAttachedRolePoliciesInput, _ ...func(*iam.Options)) (*iam.ListAttachedRolePoliciesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListAttachedRolePolicies", *in.RoleName, false); err != nil {
		return nil, err
	}
	if f.iam.roles[*in.RoleName] == nil {
		return nil, noEntity("role")
	}
	return &iam.ListAttachedRolePoliciesOutput{AttachedPolicies: f.listAttached("role/" + *in.RoleName)}, nil
}

func (f *fake) AttachUserPolicy(_ context.Context, in *iam.AttachUserPolicyInput, _ ...func(*iam.Options)) (*iam.AttachUserPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("AttachUserPolicy", *in.UserName, true); err != nil {
		return nil, err
	}
	f.checkGuardrails("attach to user " + *in.UserName)
	f.iam.attached["user/"+*in.UserName+" "+*in.PolicyArn] = true
	return &iam.AttachUserPolicyOutput{}, nil
}

func (f *fake) AttachRolePolicy(_ context.Context, in *iam.AttachRolePolicyInput, _ ...func(*iam.Options)) (*iam.AttachRolePolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("AttachRolePolicy", *in.RoleName, true); err != nil {
		return nil, err
	}
	f.checkGuardrails("attach to role " + *in.RoleName)
	f.iam.attached["role/"+*in.RoleName+" "+*in.PolicyArn] = true
	return &iam.AttachRolePolicyOutput{}, nil
}

func (f *fake) ListAccessKeys(_ context.Context, in *iam.ListAccessKeysInput, _ ...func(*iam.Options)) (*iam.ListAccessKeysOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("ListAccessKeys", *in.UserName, false); err != nil {
		return nil, err
	}
	if f.iam.gone[*in.UserName] {
		return nil, noEntity("user")
	}
	out := &iam.ListAccessKeysOutput{}
	for i := 0; i < f.iam.keys[*in.UserName]; i++ {
		status := iamtypes.StatusTypeActive
		if f.iam.inactive[fakeKeyID(i)] {
			status = iamtypes.StatusTypeInactive
		}
		out.AccessKeyMetadata = append(out.AccessKeyMetadata, iamtypes.AccessKeyMetadata{AccessKeyId: aws.String(fakeKeyID(i)),
			UserName: in.UserName, Status: status})
	}
	return out, nil
}

func (f *fake) CreateAccessKey(ctx context.Context, in *iam.CreateAccessKeyInput, opts ...func(*iam.Options)) (*iam.CreateAccessKeyOutput, error) {
	if f.onCreateAccessKey != nil {
		f.onCreateAccessKey(ctx)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.iam.createKeyOpts = opts
	if err := f.call("CreateAccessKey", *in.UserName, true); err != nil {
		return nil, err
	}
	id := fakeKeyID(f.iam.keys[*in.UserName])
	f.iam.keys[*in.UserName]++
	return &iam.CreateAccessKeyOutput{AccessKey: &iamtypes.AccessKey{AccessKeyId: aws.String(id), UserName: in.UserName,
		Status: iamtypes.StatusTypeActive, SecretAccessKey: aws.String("fake-secret-do-not-print")}}, nil
}

func (f *fake) DescribeTrails(_ context.Context, in *cloudtrail.DescribeTrailsInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.DescribeTrailsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(in.TrailNameList) == 0 { // every trail (warnUndeclaredTrails)
		return f.describeAllTrails()
	}
	if err := f.call("DescribeTrails", in.TrailNameList[0], false); err != nil {
		return nil, err
	}
	out := &cloudtrail.DescribeTrailsOutput{}
	for _, n := range in.TrailNameList {
		if t, ok := f.trails[n]; ok {
			out.TrailList = append(out.TrailList, cttypes.Trail{Name: t.in.Name, S3BucketName: t.in.S3BucketName, S3KeyPrefix: t.in.S3KeyPrefix,
				IsMultiRegionTrail: t.in.IsMultiRegionTrail, LogFileValidationEnabled: t.in.EnableLogFileValidation,
				IncludeGlobalServiceEvents: t.in.IncludeGlobalServiceEvents, KmsKeyId: t.in.KmsKeyId})
		}
	}
	return out, nil
}

func (f *fake) trail(name string) (*fakeTrail, error) {
	t, ok := f.trails[name]
	if !ok {
		return nil, apiErr("TrailNotFoundException", "no trail")
	}
	return t, nil
}

func (f *fake) GetTrailStatus(_ context.Context, in *cloudtrail.GetTrailStatusInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.GetTrailStatusOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetTrailStatus", *in.Name, false); err != nil {
		return nil, err
	}
	t, err := f.trail(*in.Name)
	if err != nil {
		return nil, err
	}
	return &cloudtrail.GetTrailStatusOutput{IsLogging: aws.Bool(t.logging)}, nil
}

func (f *fake) GetEventSelectors(_ context.Context, in *cloudtrail.GetEventSelectorsInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.GetEventSelectorsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetEventSelectors", *in.TrailName, false); err != nil {
		return nil, err
	}
	t, err := f.trail(*in.TrailName)
	if err != nil {
		return nil, err
	}
	return &cloudtrail.GetEventSelectorsOutput{EventSelectors: t.selectors}, nil
}

func (f *fake) CreateTrail(_ context.Context, in *cloudtrail.CreateTrailInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.CreateTrailOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("CreateTrail", *in.Name, true); err != nil {
		return nil, err
	}
	f.trails[*in.Name] = &fakeTrail{in: in, selectors: []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeAll, IncludeManagementEvents: aws.Bool(true)}}}
	return &cloudtrail.CreateTrailOutput{}, nil
}

func (f *fake) UpdateTrail(_ context.Context, in *cloudtrail.UpdateTrailInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.UpdateTrailOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateTrail", *in.Name, true); err != nil {
		return nil, err
	}
	t := f.trails[*in.Name]
	t.in = &cloudtrail.CreateTrailInput{Name: in.Name, S3BucketName: in.S3BucketName, S3KeyPrefix: in.S3KeyPrefix, IsMultiRegionTrail: in.IsMultiRegionTrail,
		EnableLogFileValidation: in.EnableLogFileValidation, IncludeGlobalServiceEvents: in.IncludeGlobalServiceEvents, KmsKeyId: in.KmsKeyId}
	return &cloudtrail.UpdateTrailOutput{}, nil
}

func (f *fake) PutEventSelectors(_ context.Context, in *cloudtrail.PutEventSelectorsInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.PutEventSelectorsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("PutEventSelectors", *in.TrailName, true); err != nil {
		return nil, err
	}
	f.trails[*in.TrailName].selectors = in.EventSelectors
	return &cloudtrail.PutEventSelectorsOutput{}, nil
}

func (f *fake) StartLogging(_ context.Context, in *cloudtrail.StartLoggingInput, _ ...func(*cloudtrail.Options)) (*cloudtrail.StartLoggingOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("StartLogging", *in.Name, true); err != nil {
		return nil, err
	}
	f.trails[*in.Name].logging = true
	return &cloudtrail.StartLoggingOutput{}, nil
}

// duplicateSid returns a Sid that two statements of the policy document
// text share ("" when none does, or the text is not a policy).
func duplicateSid(text string) string {
	var doc map[string]any
	if json.Unmarshal([]byte(text), &doc) != nil {
		return ""
	}
	list, _ := doc["Statement"].([]any)
	seen := map[string]bool{}
	for _, st := range list {
		m, _ := st.(map[string]any)
		sid, _ := m["Sid"].(string)
		if sid == "" {
			continue
		}
		if seen[sid] {
			return sid
		}
		seen[sid] = true
	}
	return ""
}

// iamSidCheck rejects a policy with a duplicate Sid as IAM does
// (CreatePolicy, CreatePolicyVersion, CreateRole, UpdateAssumeRolePolicy).
func iamSidCheck(text string) error {
	if duplicateSid(text) != "" {
		return apiErr("MalformedPolicyDocument", "Statement IDs (SID) in a single policy must be unique.")
	}
	return nil
}

func (f *fake) DetachUserPolicy(_ context.Context, in *iam.DetachUserPolicyInput, _ ...func(*iam.Options)) (*iam.DetachUserPolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("DetachUserPolicy", *in.UserName, true); err != nil {
		return nil, err
	}
	k := "user/" + *in.UserName + " " + *in.PolicyArn
	if !f.iam.attached[k] {
		return nil, noEntity("attachment")
	}
	delete(f.iam.attached, k)
	return &iam.DetachUserPolicyOutput{}, nil
}

func (f *fake) DetachRolePolicy(_ context.Context, in *iam.DetachRolePolicyInput, _ ...func(*iam.Options)) (*iam.DetachRolePolicyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("DetachRolePolicy", *in.RoleName, true); err != nil {
		return nil, err
	}
	k := "role/" + *in.RoleName + " " + *in.PolicyArn
	if !f.iam.attached[k] {
		return nil, noEntity("attachment")
	}
	delete(f.iam.attached, k)
	return &iam.DetachRolePolicyOutput{}, nil
}

func (f *fake) UpdateAccessKey(_ context.Context, in *iam.UpdateAccessKeyInput, _ ...func(*iam.Options)) (*iam.UpdateAccessKeyOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("UpdateAccessKey", *in.UserName+" "+*in.AccessKeyId+" "+string(in.Status), true); err != nil {
		return nil, err
	}
	if f.iam.inactive == nil {
		f.iam.inactive = map[string]bool{}
	}
	f.iam.inactive[*in.AccessKeyId] = in.Status == iamtypes.StatusTypeInactive
	return &iam.UpdateAccessKeyOutput{}, nil
}

func (f *fake) GetLoginProfile(_ context.Context, in *iam.GetLoginProfileInput, _ ...func(*iam.Options)) (*iam.GetLoginProfileOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetLoginProfile", *in.UserName, false); err != nil {
		return nil, err
	}
	if !f.iam.users[*in.UserName] || !f.iam.logins[*in.UserName] {
		return nil, noEntity("login profile")
	}
	return &iam.GetLoginProfileOutput{LoginProfile: &iamtypes.LoginProfile{UserName: in.UserName}}, nil
}

// describeAllTrails answers DescribeTrails without names: every trail, by
// name, with its ARN and home region (us-east-1 unless set).
func (f *fake) describeAllTrails() (*cloudtrail.DescribeTrailsOutput, error) {
	if err := f.call("DescribeTrails", "*", false); err != nil {
		return nil, err
	}
	out := &cloudtrail.DescribeTrailsOutput{}
	for _, n := range slices.Sorted(maps.Keys(f.trails)) {
		t := f.trails[n]
		home := t.home
		if home == "" {
			home = "us-east-1"
		}
		out.TrailList = append(out.TrailList, cttypes.Trail{Name: aws.String(n), S3BucketName: t.in.S3BucketName, HomeRegion: aws.String(home),
			TrailARN: aws.String("arn:aws:cloudtrail:" + home + ":111122223333:trail/" + n), IsMultiRegionTrail: t.in.IsMultiRegionTrail})
	}
	return out, nil
}

// accountPoliciesPage is how many policies a GetAccountAuthorizationDetails
// page of the fake holds (small, so that plans page).
const accountPoliciesPage = 2

// GetAccountAuthorizationDetails answers with the customer-managed
// policies (filter LocalManagedPolicy; warnOrphanPolicies), by ARN, each
// with its versions (the last the default, URL-encoded as IAM does) and
// how many users, roles and groups hold it; then (filters User, Role,
// Group) the users, roles and groups, each with its inline policies
// (inlineDocs, URL-encoded). A page holds accountPoliciesPage entries of
// either sort, as IAM counts them together.
func (f *fake) GetAccountAuthorizationDetails(_ context.Context, in *iam.GetAccountAuthorizationDetailsInput, _ ...func(*iam.Options)) (*iam.GetAccountAuthorizationDetailsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.call("GetAccountAuthorizationDetails", aws.ToString(in.Marker), false); err != nil {
		return nil, err
	}
	var arns []string
	if slices.Contains(in.Filter, iamtypes.EntityTypeLocalManagedPolicy) {
		arns = slices.Sorted(maps.Keys(f.iam.policies))
	}
	entries := append(slices.Clone(arns), f.authIdentities(in.Filter)...)
	from, _ := strconv.Atoi(aws.ToString(in.Marker))
	out := &iam.GetAccountAuthorizationDetailsOutput{}
	if to := from + accountPoliciesPage; to < len(entries) {
		entries, out.IsTruncated, out.Marker = entries[from:to], true, aws.String(strconv.Itoa(to))
	} else {
		entries = entries[from:]
	}
	arns = nil
	for _, e := range entries {
		if !strings.HasPrefix(e, "arn:") {
			f.authIdentity(out, e)
			continue
		}
		arns = append(arns, e)
	}
	for _, arn := range arns {
		vs, n := f.iam.policies[arn], int32(0)
		for k := range f.iam.attached {
			if _, a, _ := strings.Cut(k, " "); a == arn {
				n++
			}
		}
		d := iamtypes.ManagedPolicyDetail{Arn: aws.String(arn), PolicyName: aws.String(arn[strings.LastIndex(arn, "/")+1:]),
			AttachmentCount: aws.Int32(n), DefaultVersionId: aws.String(fmt.Sprintf("v%d", len(vs)))}
		for i, v := range vs {
			d.PolicyVersionList = append(d.PolicyVersionList, iamtypes.PolicyVersion{Document: aws.String(url.QueryEscape(v)),
				VersionId: aws.String(fmt.Sprintf("v%d", i+1)), IsDefaultVersion: i == len(vs)-1})
		}
		out.Policies = append(out.Policies, d)
	}
	return out, nil
}

// authIdentities are the users, roles and groups ("user/NAME", ...) the
// filters ask for, sorted: those the fake holds and those with inline
// policies.
func (f *fake) authIdentities(filter []iamtypes.EntityType) []string {
	set := map[string]bool{}
	for u := range f.iam.users {
		set["user/"+u] = true
	}
	for r := range f.iam.roles {
		set["role/"+r] = true
	}
	for _, gs := range f.iam.groups {
		for _, g := range gs {
			set["group/"+g] = true
		}
	}
	for o := range f.iam.inlineDocs {
		set[o] = true
	}
	want := map[string]bool{"user": slices.Contains(filter, iamtypes.EntityTypeUser),
		"role": slices.Contains(filter, iamtypes.EntityTypeRole), "group": slices.Contains(filter, iamtypes.EntityTypeGroup)}
	var out []string
	for o := range set {
		if kind, _, _ := strings.Cut(o, "/"); want[kind] {
			out = append(out, o)
		}
	}
	slices.Sort(out)
	return out
}

// authIdentity adds the user, role or group o ("role/NAME") with its
// inline policies to a GetAccountAuthorizationDetails page.
func (f *fake) authIdentity(out *iam.GetAccountAuthorizationDetailsOutput, o string) {
	kind, name, _ := strings.Cut(o, "/")
	var list []iamtypes.PolicyDetail
	for _, n := range slices.Sorted(maps.Keys(f.iam.inlineDocs[o])) {
		list = append(list, iamtypes.PolicyDetail{PolicyName: aws.String(n), PolicyDocument: aws.String(url.QueryEscape(f.iam.inlineDocs[o][n]))})
	}
	switch kind {
	case "user":
		out.UserDetailList = append(out.UserDetailList, iamtypes.UserDetail{UserName: aws.String(name), UserPolicyList: list})
	case "role":
		out.RoleDetailList = append(out.RoleDetailList, iamtypes.RoleDetail{RoleName: aws.String(name), RolePolicyList: list})
	case "group":
		out.GroupDetailList = append(out.GroupDetailList, iamtypes.GroupDetail{GroupName: aws.String(name), GroupPolicyList: list})
	}
}
