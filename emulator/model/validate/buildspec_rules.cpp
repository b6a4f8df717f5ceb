// Buildspec lints: mistakes that parse fine but break the build at run time.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

// A multi-line plain (or folded/single-quoted) scalar is folded by YAML into one line before
// the shell sees it, so a trailing '\' meant as a line continuation reaches bash as "\ ": an
// escaped space, i.e. an extra argument made of one space. A literal block ('|') keeps the
// newlines, and a double-quoted scalar treats "\<newline>" as an escape, so both are fine.
void check_folded_backslash(const BuildCommand& c, Diagnostics& d) {
  const Node& n = c.node;
  char style = n.block_style();
  bool plain = !n.quoted() && style == 0;
  if (!(plain || style == '>' || style == '\'')) return;
  if (c.text.find("\\ ") == std::string::npos || !c.mark().known()) return;
  // Find the first source line of this command that ends with a backslash.
  const SourceText& src = *c.mark().source;
  for (int line = c.mark().line, end = c.mark().line + 200; line < end; ++line) {
    std::string_view l = src.line(line);
    if (line > c.mark().line && text::trim(l).empty()) break;
    std::string t = text::trim(l);
    if (t.empty() || t.back() != '\\') continue;
    size_t col = l.find_last_of('\\');
    std::string first_word = c.text.substr(0, c.text.find(' '));
    size_t after = c.text.find("\\ ") + 2;
    std::string next = c.text.substr(after, c.text.find(' ', after) == std::string::npos
                                                ? std::string::npos
                                                : c.text.find(' ', after) - after);
    d.warning(
        Mark{c.mark().source, line, static_cast<int>(col) + 1},
        fmt::format(
            "YAML folds this multi-line {} into one line before the shell runs it, so each "
            "trailing '\\' now escapes the space that replaced the line break: '{}' receives ' {}' "
            "(one argument with a leading space) instead of '{}', and the command does not run as "
            "written",
            plain          ? "plain scalar"
            : style == '>' ? "folded block"
                           : "single-quoted scalar",
            first_word, next, next),
        "buildspec-folded-backslash",
        "delete the trailing backslashes (YAML already joins the lines), or write the command as a "
        "literal "
        "block ('- |') so the shell gets the backslash-newlines it expects");
    return;
  }
}

// Runtimes of the managed images whose tables we have (aws/aws-codebuild-docker-images).
const std::map<std::string, std::map<std::string, std::vector<std::string>>>& image_runtimes() {
  static const std::map<std::string, std::map<std::string, std::vector<std::string>>> t = {
      {"aws/codebuild/standard:2.0",
       {{"android", {"28", "29"}},
        {"docker", {"18"}},
        {"dotnet", {"2.2"}},
        {"golang", {"1.12", "1.13"}},
        {"java", {"openjdk8", "openjdk11"}},
        {"nodejs", {"8", "10"}},
        {"php", {"7.3"}},
        {"python", {"3.7"}},
        {"ruby", {"2.6"}}}},
  };
  return t;
}

bool supports_runtime_versions(const std::string& image) {
  if (image.rfind("aws/codebuild/", 0) != 0) return true;  // custom image: not ours to judge
  return image.rfind("aws/codebuild/standard:", 0) == 0 ||
         image.rfind("aws/codebuild/amazonlinux", 0) == 0 ||
         image.rfind("aws/codebuild/windows", 0) == 0;
}

void check_runtimes(const Buildspec& b, const CodeBuildProject& p, Diagnostics& d) {
  const std::string& image = p.environment.image;
  if (b.install.runtime_versions.empty() || image.empty()) return;
  if (!supports_runtime_versions(image)) {
    d.warning(
        b.install.runtime_versions[0].mark,
        fmt::format(
            "image {} does not support runtime-versions; CodeBuild logs \"Skipping install of "
            "runtimes. Runtime version selection is not supported by this build image\"",
            image),
        "buildspec-runtime",
        "use aws/codebuild/standard:* or amazonlinux2 images, or drop runtime-versions");
    return;
  }
  auto it = image_runtimes().find(image);
  if (it == image_runtimes().end()) return;
  std::vector<std::string> names;
  for (const auto& [name, _] : it->second) names.push_back(name);
  for (const auto& rv : b.install.runtime_versions) {
    auto runtime = it->second.find(rv.name);
    if (runtime == it->second.end()) {
      std::string near = text::closest(rv.name, names);
      for (const auto& n : names)  // "go" for "golang", "node" for "nodejs"
        if (near.empty() && n.rfind(rv.name, 0) == 0) near = n;
      d.error(
          rv.mark,
          fmt::format("Unknown runtime named '{}'. This build image has the following runtimes: {}",
                      rv.name, text::join(names, ", ")),
          "buildspec-runtime",
          near.empty()
              ? fmt::format(
                    "CodeBuild fails the build with YAML_FILE_ERROR; remove it or give project "
                    "'{}' an image that has it",
                    p.logical_id)
              : fmt::format("did you mean '{}'?", near));
      continue;
    }
    const auto& versions = runtime->second;
    if (rv.value == "latest" || (!rv.value.empty() && rv.value[0] == '$')) continue;
    if (std::find(versions.begin(), versions.end(), rv.value) == versions.end())
      d.error(rv.mark,
              fmt::format("{} has no {} runtime version '{}'; it offers {}", image, rv.name,
                          rv.value, text::join(versions, ", ")),
              "buildspec-runtime",
              fmt::format("use '{}: {}' or pick an image that has {} {}", rv.name, versions.back(),
                          rv.name, rv.value));
  }
}

void check_privileged(const Buildspec& b, const CodeBuildProject& p, Diagnostics& d) {
  if (p.environment.privileged_mode) return;
  for (const BuildPhase* phase : b.phases())
    for (const auto& c : phase->commands) {
      std::string t = text::trim(c.text);
      if (t.rfind("docker ", 0) == 0 || t.rfind("docker-compose ", 0) == 0) {
        d.warning(c.mark(),
                  fmt::format("this command needs the Docker daemon, but project '{}' does not set "
                              "PrivilegedMode: "
                              "true, so CodeBuild starts no daemon and the command fails",
                              p.name.empty() ? p.logical_id : p.name),
                  "buildspec-privileged",
                  "set 'PrivilegedMode: true' under the project's Environment");
        return;
      }
    }
}

void check_env_names(const Buildspec& b, Diagnostics& d) {
  for (const auto* list : {&b.env.variables, &b.env.parameter_store, &b.env.secrets_manager})
    for (const auto& v : *list)
      if (v.name.rfind("CODEBUILD_", 0) == 0)
        d.error(
            v.mark,
            fmt::format("environment variable names starting with CODEBUILD_ are reserved ('{}')",
                        v.name),
            "buildspec-env", "rename the variable");
  for (const auto& v : b.env.exported_variables)
    if (v.name.rfind("AWS_", 0) == 0)
      d.error(v.mark,
              fmt::format(
                  "exported-variables cannot export '{}': names starting with AWS_ are reserved",
                  v.name),
              "buildspec-env");
}

}  // namespace

void check_buildspec(const Buildspec& b, const CodeBuildProject* project, Diagnostics& d) {
  for (const BuildPhase* phase : b.phases()) {
    for (const auto& c : phase->commands) check_folded_backslash(c, d);
    for (const auto& c : phase->finally) check_folded_backslash(c, d);
  }
  check_env_names(b, d);
  if (project) {
    check_runtimes(b, *project, d);
    check_privileged(b, *project, d);
  }
}

}  // namespace pipemu::model::validate
