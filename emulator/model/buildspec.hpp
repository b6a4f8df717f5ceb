#pragma once
// A CodeBuild buildspec (version 0.2) as plain data, every key of aws-semantics.md §1.2.
// The build runner reads this model; `pipemu validate` lints it. Commands keep their Node so a
// runner can report `file:line` and a lint can see how YAML folded the text.
#include <string>
#include <vector>

#include "model/node.hpp"
#include "model/parsed.hpp"

namespace pipemu::model {

// One shell command of a phase's `commands` or `finally`.
struct BuildCommand {
  std::string text;  // as YAML produced it (a folded plain scalar is already one line)
  Node node;         // mark, quoted(), block_style() ('|', '>' or 0)

  const Mark& mark() const { return node.mark(); }
};

struct NamedValue {
  std::string name;
  std::string value;
  Mark mark;
};

struct BuildspecEnv {
  std::string shell;                           // bash, /bin/sh, ...; "" = image default
  std::vector<NamedValue> variables;           // literal, not expanded
  std::vector<NamedValue> parameter_store;     // env name -> SSM parameter name
  std::vector<NamedValue> secrets_manager;     // env name -> secret-id[:json-key[:stage[:version]]]
  std::vector<NamedValue> exported_variables;  // names only (value empty)
  std::string git_credential_helper;           // "yes"/"no"/""
};

struct BuildPhase {
  std::string name;      // install, pre_build, build, post_build
  bool present = false;  // declared in the file
  Mark mark;
  std::string run_as;
  std::string on_failure;                    // ABORT, CONTINUE, RETRY...; "" = default transitions
  std::vector<NamedValue> runtime_versions;  // install only: runtime -> version
  std::vector<BuildCommand> commands;
  std::vector<BuildCommand> finally;
};

struct Glob {
  std::string pattern;
  Mark mark;
};

struct ArtifactSpec {
  bool present = false;
  Mark mark;
  std::vector<Glob> files;  // `files: x` is read as a one-item list
  std::string name;
  bool discard_paths = false;
  std::string base_directory;
  std::vector<Glob> exclude_paths;
  bool enable_symlinks = false;
  std::string s3_prefix;
};

struct SecondaryArtifact {
  std::string identifier;  // under CodePipeline: the output artifact name
  ArtifactSpec spec;
};

struct BuildspecArtifacts : ArtifactSpec {
  std::vector<SecondaryArtifact> secondary;
};

struct ReportGroup {
  std::string name;  // a name (report group `<project>-<name>`) or an ARN
  Mark mark;
  std::vector<Glob> files;
  std::string base_directory;
  bool discard_paths = false;
  std::string file_format = "JUNITXML";
};

struct Buildspec {
  std::string version;  // "0.2" (or "0.1")
  Mark version_mark;
  std::string run_as;
  BuildspecEnv env;
  bool proxy_upload_artifacts = false;
  bool proxy_logs = false;
  Node batch;  // batch builds are not emulated; kept as written
  BuildPhase install{"install"};
  BuildPhase pre_build{"pre_build"};
  BuildPhase build{"build"};
  BuildPhase post_build{"post_build"};
  std::vector<ReportGroup> reports;
  BuildspecArtifacts artifacts;
  std::vector<Glob> cache_paths;
  Node root;

  // The four phases in execution order (absent ones have present == false).
  std::vector<const BuildPhase*> phases() const {
    return {&install, &pre_build, &build, &post_build};
  }
};

// Structure checks only (the lints live in validate/): unknown keys (warning, did-you-mean),
// missing/wrong version, unknown phase names (AWS's YAML_FILE_ERROR text), missing phases,
// a phase without commands, artifacts without files.
Parsed<Buildspec> parse_buildspec(const Node& root);
// Loads then parses; a YAML error is the single diagnostic.
Parsed<Buildspec> parse_buildspec_text(const std::string& path, std::string text);
Parsed<Buildspec> parse_buildspec_file(const std::string& path);

}  // namespace pipemu::model
