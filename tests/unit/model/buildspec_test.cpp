#include "model/buildspec.hpp"

#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace pipemu::model;
using pipemu::test::yaml;

namespace {
std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& i : d.items())
    out.push_back(i.mark.str() + ": " + to_string(i.severity) + ": " + i.message + " [" + i.rule +
                  "]" + (i.hint.empty() ? "" : " hint: " + i.hint));
  return out;
}
}  // namespace

TEST_CASE("the article's buildspec parses with its commands and marks") {
  auto r = parse_buildspec_file(std::string(PIPEMU_SOURCE_DIR) +
                                "/tests/fixtures/article/buildspec.yaml");
  REQUIRE(r.ok());
  const Buildspec& b = r.value;
  CHECK(b.version == "0.2");
  CHECK(b.install.present);
  REQUIRE(b.install.runtime_versions.size() == 1);
  CHECK(b.install.runtime_versions[0].name == "docker");
  CHECK(b.install.runtime_versions[0].value == "18");
  CHECK(b.install.commands.empty());
  CHECK(b.pre_build.commands.size() == 1);
  CHECK_FALSE(b.post_build.present);
  REQUIRE(b.build.commands.size() == 8);
  // YAML folded the backslash continuation lines into one command with literal "\ ".
  const BuildCommand& first = b.build.commands[0];
  CHECK(first.text ==
        "docker run --entrypoint develop.sh \\ -v $(pwd):/var/task \\ -v "
        "$(pwd)/auth.json:/root/.composer/auth.json \\ -v "
        "/tmp/composer-cache:/root/.composer/cache \\ "
        "-t deleugpn/bref:build-7.3.2");
  CHECK(first.mark().line == 13);
  CHECK(first.mark().column == 9);
  CHECK(first.node.block_style() == 0);
  CHECK_FALSE(first.node.quoted());
  REQUIRE(b.artifacts.present);
  REQUIRE(b.artifacts.files.size() == 3);
  CHECK(b.artifacts.files[1].pattern == "au.lambda.yaml");
  CHECK(b.cache_paths.at(0).pattern == "/tmp/composer-cache");
  CHECK(b.phases().size() == 4);
}

TEST_CASE("every buildspec key is read") {
  auto r =
      parse_buildspec(yaml("version: 0.2\n"
                           "run-as: builder\n"
                           "env:\n"
                           "  shell: bash\n"
                           "  variables: {A: '$PATH:/x'}\n"
                           "  parameter-store: {TOKEN: /ci/token}\n"
                           "  secrets-manager: {PW: 'db:password'}\n"
                           "  exported-variables: [A, B]\n"
                           "  git-credential-helper: yes\n"
                           "proxy: {upload-artifacts: yes, logs: no}\n"
                           "batch: {fast-fail: true}\n"
                           "phases:\n"
                           "  install:\n"
                           "    run-as: root\n"
                           "    on-failure: CONTINUE\n"
                           "    runtime-versions: {python: 3.7}\n"
                           "    commands: [pip install x]\n"
                           "    finally: [echo done]\n"
                           "  build:\n"
                           "    commands: [make]\n"
                           "reports:\n"
                           "  unit: {files: ['**/*.xml'], base-directory: out, discard-paths: yes, "
                           "file-format: JUNITXML}\n"
                           "artifacts:\n"
                           "  files: out.zip\n"
                           "  name: n\n"
                           "  discard-paths: yes\n"
                           "  base-directory: dist\n"
                           "  exclude-paths: ['*.tmp']\n"
                           "  enable-symlinks: yes\n"
                           "  s3-prefix: pre\n"
                           "  secondary-artifacts:\n"
                           "    extra: {files: [a, b]}\n"
                           "cache: {paths: ['/root/.m2/**/*']}\n"));
  INFO(lines(r.diagnostics).size());
  REQUIRE(r.diagnostics.items().empty());
  const Buildspec& b = r.value;
  CHECK(b.run_as == "builder");
  CHECK(b.env.shell == "bash");
  CHECK(b.env.variables[0].value == "$PATH:/x");
  CHECK(b.env.parameter_store[0].value == "/ci/token");
  CHECK(b.env.secrets_manager[0].value == "db:password");
  CHECK(b.env.exported_variables.size() == 2);
  CHECK(b.env.git_credential_helper == "yes");
  CHECK(b.proxy_upload_artifacts);
  CHECK_FALSE(b.proxy_logs);
  CHECK(b.batch.is_map());
  CHECK(b.install.run_as == "root");
  CHECK(b.install.on_failure == "CONTINUE");
  CHECK(b.install.finally.at(0).text == "echo done");
  CHECK(b.reports.at(0).name == "unit");
  CHECK(b.reports.at(0).discard_paths);
  CHECK(b.artifacts.files.size() == 1);
  CHECK(b.artifacts.files[0].pattern == "out.zip");
  CHECK(b.artifacts.discard_paths);
  CHECK(b.artifacts.enable_symlinks);
  CHECK(b.artifacts.base_directory == "dist");
  CHECK(b.artifacts.exclude_paths.at(0).pattern == "*.tmp");
  CHECK(b.artifacts.s3_prefix == "pre");
  REQUIRE(b.artifacts.secondary.size() == 1);
  CHECK(b.artifacts.secondary[0].identifier == "extra");
  CHECK(b.artifacts.secondary[0].spec.files.size() == 2);
}

TEST_CASE("unknown phase names get AWS's YAML_FILE_ERROR text") {
  auto r = parse_buildspec(yaml("version: 0.2\nphases:\n  postbuild:\n    commands: [x]\n"));
  CHECK(lines(r.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:3:3: error: Invalid buildspec phase name: POSTBUILD. Expecting: "
            "BUILD,INSTALL,POST_BUILD,PRE_BUILD [buildspec-phase-name] hint: did you "
            "mean 'post_build'?"});
}

TEST_CASE("unknown keys warn with did-you-mean") {
  auto r = parse_buildspec(
      yaml("version: 0.2\nphases:\n  build:\n    comands: [x]\nartifact:\n  files: [a]\n"));
  CHECK(
      lines(r.diagnostics) ==
      std::vector<std::string>{
          "t.yaml:5:1: warning: unknown key 'artifact' in the buildspec; CodeBuild does not use it "
          "[buildspec-unknown-key] hint: did you mean 'artifacts'?",
          "t.yaml:4:5: warning: unknown key 'comands' in phases.build; CodeBuild does not use it "
          "[buildspec-unknown-key] hint: did you mean 'commands'?",
          "t.yaml:3:3: error: phase 'build' has no 'commands'; CodeBuild requires a commands list "
          "in every "
          "pre_build, build and post_build phase it finds [buildspec-phase-commands] hint: add "
          "'commands:' "
          "with at least one command, or delete the phase",
      });
}

TEST_CASE("wrong or missing version") {
  auto wrong = parse_buildspec(yaml("version: 0.3\nphases: {build: {commands: [x]}}\n"));
  CHECK(lines(wrong.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:1:10: error: unsupported buildspec version '0.3'; CodeBuild accepts "
            "0.2 (and the legacy 0.1) [buildspec-version] hint: use 'version: 0.2'"});
  auto missing = parse_buildspec(yaml("phases: {build: {commands: [x]}}\n"));
  REQUIRE(missing.diagnostics.items().size() == 1);
  CHECK(missing.diagnostics.items()[0].message ==
        "the buildspec has no 'version'; CodeBuild requires 'version: 0.2'");
  auto old = parse_buildspec(yaml("version: 0.1\nphases: {build: {commands: [x]}}\n"));
  REQUIRE(old.ok());
  CHECK(old.diagnostics.warning_count() == 1);
}

TEST_CASE("artifacts without files, and a command YAML read as a mapping") {
  auto r =
      parse_buildspec(yaml("version: 0.2\n"
                           "phases:\n"
                           "  build:\n"
                           "    commands:\n"
                           "      - echo result: ok\n"
                           "artifacts:\n"
                           "  base-directory: dist\n"));
  CHECK(lines(r.diagnostics) == std::vector<std::string>{
                                    "t.yaml:5:9: error: this command is a YAML mapping, not a "
                                    "string: the ': ' after 'echo result' made "
                                    "YAML read it as a key and a value, and CodeBuild rejects the "
                                    "buildspec [buildspec-command-shape] "
                                    "hint: put the whole command in quotes",
                                    "t.yaml:7:3: error: artifacts has no 'files'; CodeBuild "
                                    "requires artifacts.files whenever artifacts "
                                    "is present [buildspec-artifacts-files] hint: list the files "
                                    "to keep, e.g. 'files: ['**/*']'",
                                });
}

TEST_CASE("a buildspec YAML error is the single diagnostic") {
  auto r = parse_buildspec_text("b.yaml", "version: 0.2\nphases:\n  build:\n   - [\n");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].rule == "yaml-syntax");
}
