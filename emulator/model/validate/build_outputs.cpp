// A CloudFormation action reads its template from a build output artifact; that file exists only
// if the buildspec's artifacts section puts it there. Checking this statically catches the
// classic mismatch (package::eu.lambda.yml vs files: eu.lambda.yaml) before a 10-minute build.
#include <fmt/format.h>

#include <algorithm>

#include "model/text.hpp"
#include "model/validate/glob.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

std::string basename(const std::string& p) {
  size_t slash = p.find_last_of('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

bool produces(const ArtifactSpec& spec, const std::string& path) {
  for (const auto& ex : spec.exclude_paths)
    if (glob_match(ex.pattern, path)) return false;
  for (const auto& g : spec.files) {
    if (spec.discard_paths) {
      // Every matched file lands at the artifact root under its own name.
      if (path.find('/') == std::string::npos && glob_match(basename(g.pattern), path)) return true;
    } else if (glob_match(g.pattern, path)) {
      return true;
    }
  }
  return false;
}

std::string patterns(const ArtifactSpec& spec) {
  std::vector<std::string> p;
  for (const auto& g : spec.files) p.push_back(g.pattern);
  return text::join(p, ", ");
}

}  // namespace

void check_build_outputs(const Pipeline& p, const Action& build, const Buildspec& b,
                         Diagnostics& d) {
  bool several = build.output_artifacts.size() > 1;
  for (const auto& out : build.output_artifacts) {
    // One output artifact takes the primary `artifacts`; several must each be a secondary
    // artifact whose identifier is the output artifact's name (aws-semantics §2.6).
    const ArtifactSpec* spec = nullptr;
    if (!several) {
      if (b.artifacts.present) spec = &b.artifacts;
    } else {
      for (const auto& s : b.artifacts.secondary)
        if (s.identifier == out.name) spec = &s.spec;
      if (!spec) {
        d.error(
            out.mark,
            fmt::format(
                "action '{}' has {} output artifacts, so each needs an entry under the buildspec's "
                "artifacts.secondary-artifacts named after it; '{}' has none",
                build.name, build.output_artifacts.size(), out.name),
            "buildspec-artifacts",
            fmt::format("add 'secondary-artifacts: {{{}: {{files: [...]}}}}'", out.name));
        continue;
      }
    }
    if (!spec) {
      d.error(
          out.mark,
          fmt::format(
              "action '{}' outputs artifact '{}', but the buildspec has no 'artifacts' section, so "
              "CodeBuild uploads nothing for it",
              build.name, out.name),
          "buildspec-artifacts", "add 'artifacts:' with the 'files:' later actions read");
      continue;
    }
    for (const auto& s : p.stages)
      for (const auto& a : s.actions)
        for (const char* key : {"TemplatePath", "TemplateConfiguration"}) {
          std::string v = a.config(key);
          size_t sep = v.find("::");
          if (sep == std::string::npos || v.substr(0, sep) != out.name) continue;
          std::string file = v.substr(sep + 2);
          if (produces(*spec, file)) continue;
          std::vector<std::string> literal;
          for (const auto& g : spec->files)
            literal.push_back(spec->discard_paths ? basename(g.pattern) : g.pattern);
          std::string near = text::closest(file, literal);
          d.error(
              a.config_node(key)->mark(),
              fmt::format("{} of action '{}' reads '{}' from artifact '{}', but the buildspec's "
                          "artifacts.files "
                          "({}) do not produce that file; the action would fail because the "
                          "template is missing",
                          key, a.name, file, out.name, patterns(*spec)),
              "buildspec-template-path",
              !near.empty()
                  ? fmt::format("did you mean '{}::{}'? (or add '{}' to artifacts.files in {})",
                                out.name, near, file, b.root.mark().path())
                  : fmt::format("add '{}' to artifacts.files in {}", file, b.root.mark().path()));
        }
  }
}

}  // namespace pipemu::model::validate
