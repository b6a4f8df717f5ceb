// The knowledge tables (see knowledge.hpp). Data only: add a row here to teach pipemu a new
// action kind or a new AWS error; no renderer needs to change.
#include "report/knowledge.hpp"

namespace pipemu::report {

namespace {

constexpr ActionKnowledge kActions[] = {
    {"Source", "GitHub", "",
     "Fetches branch {Branch|the configured branch} of {Owner|the owner}/{Repo|the repository} at "
     "the pushed commit, zips that snapshot (without .git) as artifact {outputs} and stores it in "
     "the pipeline region's artifact bucket ({pipeline_region})."},
    {"Source", "CodeStarSourceConnection", "",
     "Fetches branch {BranchName|the configured branch} of {FullRepositoryId|the repository} "
     "through the CodeStar connection at the pushed commit, zips the snapshot as artifact "
     "{outputs} and stores it in the pipeline region's artifact bucket ({pipeline_region})."},
    {"Source", "CodeCommit", "",
     "Fetches branch {BranchName|the configured branch} of CodeCommit repository "
     "{RepositoryName|the repository}, zips the snapshot as artifact {outputs} and stores it in "
     "the pipeline region's artifact bucket ({pipeline_region})."},
    {"Source", "S3", "",
     "Takes object {S3ObjectKey|the configured key} from versioned bucket {S3Bucket|the source "
     "bucket} as artifact {outputs} (it must be a zip for later actions to unpack it)."},
    {"Source", "", "",
     "Takes the pushed revision from {provider} and stores it as artifact {outputs} in the "
     "pipeline region's artifact bucket ({pipeline_region})."},
    {"Build", "CodeBuild", "",
     "Runs CodeBuild project {ProjectName|the configured project} in {region}: unzips {inputs} "
     "into the build directory, runs the buildspec's phases (install, pre_build, build, "
     "post_build) in the project's image, then zips the files listed under `artifacts` as "
     "{outputs}."},
    {"Test", "CodeBuild", "",
     "Runs CodeBuild project {ProjectName|the configured project} in {region} as a test step: "
     "unzips {inputs}, runs the buildspec's phases and fails the stage if a command fails."},
    {"Deploy", "CloudFormation", "CREATE_UPDATE",
     "Creates stack {StackName|the stack} in {region} if it does not exist, otherwise updates it, "
     "from template {TemplatePath|in the input artifact} (read from {region}'s copy of {inputs}), "
     "and waits until the stack is complete. A stack left in a failed state such as "
     "ROLLBACK_COMPLETE makes it fail."},
    {"Deploy", "CloudFormation", "REPLACE_ON_FAILURE",
     "Creates stack {StackName|the stack} in {region} from template {TemplatePath|in the input "
     "artifact}; if the stack exists in a failed state it is deleted and created again, otherwise "
     "it is updated."},
    {"Deploy", "CloudFormation", "CHANGE_SET_REPLACE",
     "Creates change set {ChangeSetName|the change set} for stack {StackName|the stack} in "
     "{region} from template {TemplatePath|in the input artifact}, replacing a change set of that "
     "name. Nothing is deployed yet: the change set only lists what would change, for a later "
     "CHANGE_SET_EXECUTE action."},
    {"Deploy", "CloudFormation", "CHANGE_SET_EXECUTE",
     "Executes change set {ChangeSetName|the change set} on stack {StackName|the stack} in "
     "{region}: CloudFormation applies the changes an earlier CHANGE_SET_REPLACE action recorded "
     "and the action waits until the stack is complete."},
    {"Deploy", "CloudFormation", "DELETE_ONLY",
     "Deletes stack {StackName|the stack} in {region} if it exists, and waits until it is gone."},
    {"Deploy", "CloudFormation", "",
     "Deploys stack {StackName|the stack} in {region} with CloudFormation."},
    {"Deploy", "S3", "",
     "Copies artifact {inputs} into bucket {BucketName|the configured bucket} in {region} "
     "(unzipped when Extract is true, under {ObjectKey|the configured key} otherwise)."},
    {"Approval", "Manual", "",
     "Stops the pipeline until a person approves or rejects; a rejection fails the stage."},
    {"Invoke", "Lambda", "",
     "Invokes Lambda function {FunctionName|the configured function} in {region} and waits for it "
     "to report success or failure to CodePipeline."},
    {"", "", "",
     "Runs {provider} ({category}) in {region} with inputs {inputs|none} and "
     "outputs {outputs|none}."},
};

constexpr ErrorKnowledge kErrors[] = {
    {"missing-export", "", R"(No export named (\S+) found)",
     "Fn::ImportValue asked {region} for export $1 and no stack in {region} exports it. Exports "
     "are per region: an export in another region does not count.",
     "Create the export in {region} first: deploy the stack that exports $1 in {region} (in an "
     "earlier stage or a lower RunOrder), or fix the name."},
    {"insufficient-capabilities", "", R"(Requires capabilities : \[([A-Z_]+)\])",
     "The template creates resources CloudFormation only creates when told so explicitly "
     "(IAM roles, named IAM resources or macros such as AWS::Serverless).",
     "Add $1 to the action's Capabilities (configuration `Capabilities: $1`; separate several "
     "with commas)."},
    {"insufficient-capabilities", "InsufficientCapabilitiesException", "",
     "The template needs a capability the action did not acknowledge.",
     "Add CAPABILITY_IAM (or CAPABILITY_NAMED_IAM / CAPABILITY_AUTO_EXPAND) to the action's "
     "Capabilities."},
    {"missing-ssm-parameter", "", R"(Parameters: \[([^\]]+)\] cannot be found\.)",
     "A template parameter of an SSM type names Parameter Store key $1, and {region} has no such "
     "parameter. CloudFormation reads it in the stack's region at deploy time.",
     "Create it in {region}: `aws ssm put-parameter --region {region} --name $1 --type String "
     "--value <value>` (or fix the parameter's default)."},
    {"parameters-without-values", "", R"(Parameters: \[([^\]]+)\] must have values)",
     "Template parameters $1 have no Default and the action gave no value.",
     "Give $1 a value: add it to the action's ParameterOverrides or TemplateConfiguration file, "
     "or give the parameter a Default in the template."},
    {"no-matching-artifact-paths", "", R"(no matching artifact paths found)",
     "The build finished its commands, but the buildspec's `artifacts.files` patterns matched no "
     "file, so there was nothing to upload.",
     "Check `artifacts.files` (and `base-directory`) in the buildspec: patterns are relative to "
     "base-directory and must match files the build actually wrote."},
    {"lambda-code-other-region", "", R"(PermanentRedirect)",
     "The Lambda function's code is in an S3 bucket of another region. Lambda only reads code "
     "from a bucket in the function's own region.",
     "Package once per region: run `aws cloudformation package --s3-bucket <bucket in {region}> "
     "--region {region}` for each target region and deploy each region from its own packaged "
     "template."},
    {"codeuri-not-packaged", "", R"('CodeUri' is not a valid S3 Uri)",
     "The SAM template still points CodeUri at a local folder: it was deployed without being "
     "packaged.",
     "Run `aws cloudformation package` in the build and deploy the packaged template from the "
     "build's output artifact, not the source template."},
    {"stack-in-rollback-complete", "", R"(is in ROLLBACK_COMPLETE state and can not be updated)",
     "The stack's first creation failed and was rolled back. A stack in ROLLBACK_COMPLETE can "
     "only be deleted.",
     "Delete it (`aws cloudformation delete-stack --region {region} --stack-name "
     "{StackName|<stack>}`) and run again, or use ActionMode REPLACE_ON_FAILURE."},
    {"stack-busy", "", R"(is in (\w+_IN_PROGRESS) state and can not be updated)",
     "Another operation on the stack is still running ($1).",
     "Wait until the stack leaves $1, then retry the stage."},
    {"export-in-use", "", R"(Export (\S+) cannot be (?:updated|deleted) as it is in use by (\S+))",
     "Stack $2 imports $1, so CloudFormation will not change or remove that export.",
     "Remove the Fn::ImportValue of $1 from $2 first (deploy it), then change the exporting "
     "stack; or keep the export as it is."},
    {"export-name-taken", "", R"(Export with name (\S+) is already exported by stack (\S+))",
     "Export names are unique per account and region, and stack $2 already exports $1 in "
     "{region}.",
     "Rename the export (e.g. prefix it with the stack name) or remove it from $2."},
    {"bucket-wrong-region", "", R"(The bucket named (\S+) is not located in the (\S+) AWS region)",
     "Bucket $1 is not in $2. Every region a pipeline acts in needs its own artifact bucket in "
     "that region.",
     "Create a bucket in $2 and name it in the pipeline's ArtifactStores entry for $2."},
    {"cross-region-copy", "", R"(Failed replicating '([^']+)')",
     "CodePipeline could not copy artifact $1 into the artifact store of {region}.",
     "Check that ArtifactStores has an entry for {region} and that its bucket exists in "
     "{region}."},
    {"no-such-bucket", "",
     R"(NoSuchBucket|S3 Bucket does not exist|specified bucket does not exist)",
     "The S3 bucket named in the configuration does not exist.",
     "Create it in {region} (`aws s3 mb s3://<bucket> --region {region}`) or fix the name."},
    {"change-set-missing", "", R"(ChangeSet \[([^\]]+)\] does not exist)",
     "There is no change set $1 on stack {StackName|<stack>} in {region} to execute.",
     "Run a CHANGE_SET_REPLACE action with the same StackName, ChangeSetName and Region before "
     "this one (lower RunOrder or an earlier stage)."},
    {"stack-missing", "", R"(Stack with id (\S+) does not exist)",
     "Stack $1 does not exist in {region}.",
     "Check StackName and the action's Region, or create the stack first."},
    {"build-command-failed", "",
     R"(COMMAND_EXECUTION_ERROR.*Error while executing command: (.*)\. Reason: exit status (\d+))",
     "The buildspec command `$1` exited with status $2, so the build failed.",
     "Read the log tail for the command's own error, fix it and run the command locally in the "
     "same image to check."},
    {"buildspec-yaml", "", R"(YAML_FILE_ERROR.*Message: (.*))",
     "CodeBuild could not use the buildspec: $1",
     "Fix the buildspec (`pipemu validate` points at the line)."},
    {"build-parameter-store", "", R"(Decrypted Variables Error)",
     "A variable under `env.parameter-store` in the buildspec names a Parameter Store key that "
     "does not exist (or cannot be read) in {region}.",
     "Create the parameter with `aws ssm put-parameter --region {region} ...`, or fix the key in "
     "the buildspec."},
    {"unresolved-dependency", "", R"(Unresolved resource dependencies \[([^\]]+)\])",
     "The template refers to $1, which is neither a resource nor a parameter.",
     "Declare $1 in Resources or Parameters, or fix the spelling."},
    {"getatt-undefined", "", R"(Fn::GetAtt references undefined resource (\S+))",
     "Fn::GetAtt names resource $1, which the template does not declare.",
     "Declare $1 or fix the logical ID."},
    {"circular-dependency", "", R"(Circular dependency between resources: \[([^\]]+)\])",
     "Resources $1 depend on each other in a loop.",
     "Break the loop: remove a Ref/GetAtt/DependsOn between them (often a security group or "
     "policy can be split into its own resource)."},
    {"template-format", "", R"(Template format error: (.*))",
     "CloudFormation rejected the template: $1",
     "Fix the template (`pipemu validate` shows where)."},
    {"not-authorized", "", R"(is not authorized to perform:? (\S+))",
     "The role the action uses may not call $1.",
     "Allow $1 in the policy of the action's role (RoleArn) or the pipeline's role."},
    {"approval-rejected", "", R"([Rr]ejected)", "A reviewer rejected the manual approval.",
     "Address the reviewer's comment and push again (or approve with `--approve all`)."},
};

}  // namespace

std::span<const ActionKnowledge> action_knowledge() {
  return kActions;
}
std::span<const ErrorKnowledge> error_knowledge() {
  return kErrors;
}

}  // namespace pipemu::report
