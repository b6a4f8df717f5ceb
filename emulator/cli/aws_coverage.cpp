#include "cli/aws_coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <set>
#include <sstream>

#include "fakes/cloudformation/providers/provider.hpp"
#include "fakes/cloudformation/template/catalog.hpp"
#include "fakes/cloudformation/template/evaluator.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "fakes/cloudformation/wire/operations.hpp"
#include "deploy/cloudformation_action.hpp"
#include "engine/session/action_types.hpp"
#include "fakes/s3/operations.hpp"
#include "fakes/ssm/wire.hpp"
#include "model/validate/rules.hpp"
#include "model/buildspec_keys.hpp"

namespace pipemu::cli {

namespace {

// What the lists below leave out: how faithful an entry is, where that is not simply "as AWS".
// Keyed by section and entry name; an entry the code no longer has makes the test fail.
using Notes = std::map<std::string, std::map<std::string, std::string>>;
const Notes& notes() {
  static const Notes n = {
      {"s3",
       {{"CreateBucket", "LocationConstraint (none means us-east-1; naming us-east-1 is "
                         "InvalidLocationConstraint and one unlike the request's region "
                         "IllegalLocationConstraintException, as on AWS), naming rules, "
                         "BucketAlreadyOwnedByYou / BucketAlreadyExists: bucket names are global "
                         "across regions."},
        {"ListObjects", "prefix, delimiter, marker, max-keys, encoding-type=url."},
        {"ListObjectsV2", "prefix, delimiter, max-keys, continuation-token, start-after, "
                          "encoding-type=url."},
        {"PutObject", "The body streams to disk. Content-MD5, aws-chunked bodies, flexible checksums "
                      "(CRC32, CRC32C, SHA1, SHA256; CRC64NVME is refused by name), user metadata."},
        {"GetObject", "One byte range (`Range`); stored checksums with `x-amz-checksum-mode: ENABLED`. "
                      "One version per key: `versionId` and `partNumber` are accepted and ignored."},
        {"HeadObject", "As GetObject, without the body."},
        {"UploadPart", "Content-MD5 and flexible checksums, as PutObject."},
        {"UploadPartCopy", "x-amz-copy-source-range; the source may be in another region."},
        {"CopyObject", "x-amz-metadata-directive COPY or REPLACE."},
        {"CompleteMultipartUpload", "ETag `<MD5 of the parts' MD5s>-N`; COMPOSITE checksums."}}},
      {"intrinsics",
       {{"Fn::GetAZs", "A fixed list of realistic zone names per region."},
        {"Fn::Cidr", "IPv4 blocks only."},
        {"Fn::GetAtt", "Every attribute the catalogue documents; the value has AWS's format where "
                       "AWS documents one, otherwise a generated token."}}},
      {"buildspec",
       {{"run-as", "Logged as not emulated: commands run as root."},
        {"batch", "Parsed, not run: one build, never a batch."},
        {"proxy.upload-artifacts", "Parsed, not applied."},
        {"proxy.logs", "Parsed, not applied."},
        {"env.secrets-manager", "Not emulated: the build fails before its first phase, saying so."},
        {"env.git-credential-helper", "Parsed, not applied."},
        {"phases.install.run-as", "Logged as not emulated: commands run as root."},
        {"phases.install.on-failure", "ABORT and CONTINUE as AWS; RETRY is logged and the default "
                                      "rules apply."},
        {"phases.install.runtime-versions", "Logged; the image's own runtimes are used (`pipemu "
                                            "validate` warns when the image has none)."},
        {"phases.<phase>.run-as", "Logged as not emulated: commands run as root."},
        {"phases.<phase>.on-failure", "ABORT and CONTINUE as AWS; RETRY is logged and the default "
                                      "rules apply."},
        {"reports.<group>.files", "Parsed and checked; no report group is created."},
        {"reports.<group>.base-directory", "Parsed and checked; no report group is created."},
        {"reports.<group>.discard-paths", "Parsed and checked; no report group is created."},
        {"reports.<group>.file-format", "Parsed and checked; no report group is created."},
        {"artifacts.enable-symlinks", "Parsed, not applied."},
        {"artifacts.s3-prefix", "Parsed, not applied."},
        {"artifacts.secondary-artifacts.<name>.enable-symlinks", "Parsed, not applied."},
        {"artifacts.secondary-artifacts.<name>.s3-prefix", "Parsed, not applied."},
        {"cache.paths", "A local cache per project (`--cache`), kept between builds."},
        {"cache.key", "Parsed, not applied."},
        {"cache.fallback-keys", "Parsed, not applied."},
        {"cache.action", "Parsed, not applied."}}},
      {"types",
       {{"AWS::S3::Bucket", "provider: creates the bucket in the region's S3 fake (names are global, "
                            "as on AWS)."},
        {"AWS::SSM::Parameter", "provider: creates the parameter in the region's SSM fake."},
        {"AWS::Lambda::Function", "provider: reads the code object from S3 in the function's own "
                                  "region; a bucket elsewhere fails with AWS's PermanentRedirect text."},
        {"AWS::IAM::Role", "provider: AWS's names, ARNs and attributes; no IAM behind it."},
        {"AWS::IAM::ManagedPolicy", "provider: AWS's names, ARNs and attributes; no IAM behind it."},
        {"AWS::IAM::Policy", "provider: AWS's names and attributes; no IAM behind it."},
        {"AWS::IAM::InstanceProfile", "provider: AWS's names, ARNs and attributes; no IAM behind it."},
        {"AWS::SNS::Topic", "provider: AWS's names, ARNs and attributes; no SNS behind it."},
        {"AWS::SQS::Queue", "provider: AWS's names, URLs and attributes; no SQS behind it."}}},
      {"pseudo",
       {{"AWS::AccountId", "123456789012, the fakes' default account."},
        {"AWS::NotificationARNs", "The stack's NotificationARNs (empty when none were given)."}}},
  };
  return n;
}

std::string note(const std::string& section, const std::string& name) {
  auto s = notes().find(section);
  if (s == notes().end()) return "";
  auto it = s->second.find(name);
  return it == s->second.end() ? "" : it->second;
}

// The generated lists, by section (also what stale-note detection checks against).
struct Lists {
  std::vector<std::string> s3, ssm, cloudformation, intrinsics, pseudo, buildspec, types;
};

Lists lists() {
  Lists l;
  for (const auto& op : s3::operations()) l.s3.push_back(op.name);
  l.ssm = ssm::operation_names();
  for (const auto& [name, handler] : cfn::wire::handlers()) l.cloudformation.push_back(name);
  l.intrinsics = cfn::intrinsic_functions();
  std::sort(l.intrinsics.begin(), l.intrinsics.end());
  for (auto p : cfn::pseudo_parameters()) l.pseudo.emplace_back(p);
  for (const auto& t : cfn::resource_types()) l.types.push_back(t.type);
  for (const auto& section : model::buildspec_keys())
    for (const auto& key : section.keys)
      l.buildspec.push_back(section.where.empty() ? key : section.where + "." + key);
  return l;
}

void name_table(std::ostream& out, const std::string& section, const std::string& header,
                const std::vector<std::string>& names) {
  out << "| " << header << " | Notes |\n|---|---|\n";
  for (const auto& n : names) {
    std::string text = note(section, n);
    out << fmt::format("| `{}` | {} |\n", n, text);
  }
  out << "\n";
}

void s3_operations(std::ostream& out) {
  out << "| Operation | Request | Notes |\n|---|---|---|\n";
  for (const auto& op : s3::operations())
    out << fmt::format("| `{}` | `{}` | {} |\n", op.name, op.request, note("s3", op.name));
  out << "\n";
}

// Every action type pipemu knows: the ones a run executes, and the ones `pipemu validate` only
// checks (a run fails at them, saying pipemu does not emulate the type).
void action_types(std::ostream& out) {
  struct Row {
    std::string runs, keys;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Row> rows;
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& k : v) s += (s.empty() ? "`" : ", `") + k + "`";
    return s.empty() ? std::string("none") : s;
  };
  for (const auto& t : model::validate::action_type_keys())
    rows[{t.category, t.owner, t.provider}].keys =
        t.required.empty() && t.optional.empty()
            ? "per ActionMode (below)"
            : (t.required.empty() ? std::string() : "required " + join(t.required) + "; ") +
                  "optional " + join(t.optional);
  for (const auto& t : engine::emulated_action_types())
    rows[{t.category, t.owner, t.provider}].runs = t.what;
  out << "| Category | Owner | Provider | What a run does | Configuration `pipemu validate` checks |\n"
         "|---|---|---|---|---|\n";
  for (const auto& [id, row] : rows) {
    const auto& [category, owner, provider] = id;
    out << fmt::format("| {} | {} | {} | {} | {} |\n", category, owner, provider,
                       row.runs.empty() ? "*Validated only*: a run fails this action with \"pipemu "
                                          "does not emulate action type ...\"."
                                        : row.runs,
                       row.keys.empty() ? "not checked" : row.keys);
  }
  out << "\n";
}

void action_modes(std::ostream& out) {
  out << "| ActionMode | What the action does |\n|---|---|\n";
  for (const auto& m : deploy::cloudformation_action_modes())
    out << fmt::format("| `{}` | {} |\n", m.mode, m.what);
  out << "\n";
}

void resource_types(std::ostream& out) {
  auto registry = cfn::ProviderRegistry::with_defaults();
  std::vector<const cfn::ResourceTypeInfo*> types;
  for (const auto& t : cfn::resource_types()) types.push_back(&t);
  std::sort(types.begin(), types.end(), [](auto* a, auto* b) { return a->type < b->type; });
  std::size_t with_provider = 0;
  for (auto* t : types) with_provider += registry->has_handler(t->type) ? 1 : 0;
  out << fmt::format(
      "{} types in the catalogue (`fakes/cloudformation/template/catalog/`). Every one resolves "
      "`Ref` and each documented `Fn::GetAtt` attribute in AWS's format, and knows which property "
      "changes replace the resource (change sets show `Replacement`). {} of them have a provider "
      "(`fakes/cloudformation/providers/`) that does more than record the resource; the others are "
      "*recorded*: the stack holds them with their physical id and attributes, but nothing behind "
      "them exists. A type not listed here is kept with a warning and recorded the same way.\n\n",
      types.size(), with_provider);
  out << "| Type | Emulation | Fn::GetAtt attributes |\n|---|---|---|\n";
  for (auto* t : types) {
    std::vector<std::string> attrs;
    for (const auto& a : t->attributes) attrs.push_back("`" + a.name + "`");
    std::string joined;
    for (std::size_t i = 0; i < attrs.size(); ++i) joined += (i ? ", " : "") + attrs[i];
    std::string emulation = registry->has_handler(t->type) ? "provider" : "recorded";
    if (std::string text = note("types", t->type); !text.empty()) emulation = text;
    out << fmt::format("| `{}` | {} | {} |\n", t->type, emulation, joined.empty() ? "none" : joined);
  }
  out << "\n";
}

}  // namespace

std::string aws_coverage_markdown() {
  Lists l = lists();
  std::ostringstream out;
  out << "# AWS coverage\n\n"
         "Generated by `pipemu coverage` from the code's own tables; do not edit by hand.\n"
         "Regenerate with `pipemu coverage > docs/reference/aws-coverage.md` (a test compares them).\n"
         "A note says where an entry is known to be partial; an entry without one follows AWS's\n"
         "documented behaviour and error texts as far as the tests check it (contract tests run\n"
         "in-process and over HTTP, the aws CLI, boto3 and a comparison with moto). Anything not\n"
         "listed is not emulated: the fakes answer an unknown operation with AWS's own\n"
         "`UnknownOperationException` / `InvalidAction`.\n\n";

  out << "## S3 operations\n\n"
         "REST protocol, path-style (`/bucket/key`) and virtual-host style (`bucket.s3.<region>."
         "amazonaws.com`, `bucket.localhost`), from the operation table in "
         "`fakes/s3/operations.cpp`, tried in this order. A bucket addressed from another region "
         "answers AWS's 301 `PermanentRedirect` with the bucket's region in `x-amz-bucket-region`; "
         "any other subresource answers `NotImplemented` naming the operation "
         "(e.g. `PutBucketTagging`).\n\n";
  s3_operations(out);

  out << "## SSM Parameter Store operations\n\n"
         "JSON 1.1 protocol (`X-Amz-Target: AmazonSSM.<Operation>`), from the dispatch table in "
         "`fakes/ssm/wire.cpp`.\n\n";
  name_table(out, "ssm", "Operation", l.ssm);

  out << "## CloudFormation operations\n\n"
         "Query protocol (`Action=<Operation>`, XML answers), from the dispatch table in "
         "`fakes/cloudformation/wire/operations.cpp`. The emulator calls the same service "
         "in-process.\n\n";
  name_table(out, "cloudformation", "Operation", l.cloudformation);

  out << "## CloudFormation resource types\n\n";
  resource_types(out);

  out << "## Intrinsic functions\n\n"
         "From the evaluator's dispatch table (`fakes/cloudformation/template/evaluator.cpp`); any "
         "other function fails with AWS's \"Encountered unsupported function\". `Fn::Transform` "
         "(macros) is refused; the `AWS::Serverless-2016-10-31` transform is expanded, and "
         "`AWS::LanguageExtensions` is accepted without `Fn::ForEach`.\n\n";
  name_table(out, "intrinsics", "Function", l.intrinsics);

  out << "## Pseudo parameters\n\n"
         "From `fakes/cloudformation/template/validate.cpp`.\n\n";
  name_table(out, "pseudo", "Pseudo parameter", l.pseudo);

  out << "## Buildspec keys (version 0.2)\n\n"
         "From the loader's key table (`emulator/model/buildspec_keys.cpp`); `pipemu validate` warns "
         "about any other key. `<phase>` is `pre_build`, `build` or `post_build`.\n\n";
  name_table(out, "buildspec", "Key", l.buildspec);

  out << "## Pipeline action types\n\n"
         "From the run's executor table (`emulator/engine/session/action_types.cpp`) and the "
         "configuration rules of `pipemu validate` (`emulator/model/validate/action_rules.cpp`).\n\n";
  action_types(out);

  out << "## CloudFormation ActionModes\n\n"
         "From `emulator/deploy/cloudformation_action.cpp`; any other mode fails the action with "
         "\"Invalid action configuration: ActionMode X is not one of ...\".\n\n";
  action_modes(out);
  return out.str();
}

std::vector<std::string> aws_coverage_stale_notes() {
  Lists l = lists();
  std::map<std::string, const std::vector<std::string>*> by_section = {
      {"s3", &l.s3}, {"ssm", &l.ssm}, {"cloudformation", &l.cloudformation}, {"intrinsics", &l.intrinsics},
      {"pseudo", &l.pseudo}, {"buildspec", &l.buildspec},
      {"types", &l.types}};
  std::vector<std::string> stale;
  // A type's note describes its provider, so the type must still have one.
  auto registry = cfn::ProviderRegistry::with_defaults();
  for (const auto& [type, text] : notes().at("types"))
    if (!registry->has_handler(type)) stale.push_back("types: " + type + " has no provider");
  for (const auto& [section, entries] : notes()) {
    auto it = by_section.find(section);
    for (const auto& [name, text] : entries) {
      if (it == by_section.end() ||
          std::find(it->second->begin(), it->second->end(), name) == it->second->end())
        stale.push_back(section + ": " + name);
    }
  }
  return stale;
}

}  // namespace pipemu::cli
