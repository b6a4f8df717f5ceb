#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/buildspec.hpp"
#include "model/buildspec_keys.hpp"
#include "model/loader.hpp"
#include "model/node_read.hpp"
#include "model/text.hpp"

namespace pipemu::model {
namespace {

const std::vector<std::string> kPhaseNames = {"install", "pre_build", "build", "post_build"};

class Reader {
 public:
  explicit Reader(Diagnostics& d) : d_(d) {}

  void unknown(const Node& map, const std::vector<std::string>& known, const std::string& where) {
    read::unknown_keys(
        map, known, d_, Severity::Warning, "buildspec-unknown-key", [&](const std::string& key) {
          return fmt::format("unknown key '{}' in {}; CodeBuild does not use it", key, where);
        });
  }

  std::vector<NamedValue> named(const Node* n, const std::string& where) {
    std::vector<NamedValue> out;
    if (!n || !read::expect_map(n, where, d_, "buildspec-shape")) return out;
    for (const auto& e : n->entries()) {
      if (!e.value.is_scalar() && !e.value.is_null())
        d_.error(e.value.mark(), fmt::format("{}.{} must be a string", where, e.key),
                 "buildspec-shape", "quote the value");
      out.push_back({e.key, e.value.as_string(), e.key_mark});
    }
    return out;
  }

  std::vector<Glob> globs(const Node* n, const std::string& where) {
    std::vector<Glob> out;
    if (!n) return out;
    if (!n->is_scalar() && !n->is_sequence()) {
      d_.error(n->mark(), fmt::format("{} must be a path or a list of paths", where),
               "buildspec-shape");
      return out;
    }
    for (const auto& item : read::scalar_or_list(*n)) {
      if (!item.is_scalar()) {
        d_.error(item.mark(), fmt::format("each entry of {} must be a path", where),
                 "buildspec-shape", "quote patterns such as '**/*'");
        continue;
      }
      out.push_back({item.str(), item.mark()});
    }
    return out;
  }

  bool flag(const Node* n, const std::string& where) {
    if (!n) return false;
    auto v = read::boolean(*n);
    if (!v) d_.error(n->mark(), fmt::format("{} must be yes or no", where), "buildspec-shape");
    return v.value_or(false);
  }

  std::vector<BuildCommand> commands(const Node* n, const std::string& where) {
    std::vector<BuildCommand> out;
    if (!n) return out;
    if (n->is_scalar()) {
      d_.error(n->mark(), fmt::format("{} must be a list of commands", where), "buildspec-shape",
               "write each command on its own line starting with '- '");
      return out;
    }
    if (!read::expect_sequence(n, where, d_, "buildspec-shape")) return out;
    for (const auto& item : n->items()) {
      if (item.is_map() && item.size() == 1) {
        const Entry& e = item.entries()[0];
        d_.error(item.mark(),
                 fmt::format(
                     "this command is a YAML mapping, not a string: the ': ' after '{}' made YAML "
                     "read it as a key and a value, and CodeBuild rejects the buildspec",
                     e.key),
                 "buildspec-command-shape", "put the whole command in quotes");
        continue;
      }
      if (!item.is_scalar()) {
        d_.error(item.mark(), fmt::format("each entry of {} must be a command string", where),
                 "buildspec-command-shape", "put the command in quotes");
        continue;
      }
      out.push_back({item.str(), item});
    }
    return out;
  }

  void phase(const Entry& e, BuildPhase& p) {
    p.present = true;
    p.mark = e.key_mark;
    const Node& n = e.value;
    std::string where = "phases." + p.name;
    if (!read::expect_map(&n, where, d_, "buildspec-shape")) return;
    unknown(n, buildspec_keys_at(p.name == "install" ? "phases.install" : "phases.<phase>"), where);
    p.run_as = read::scalar(n.find("run-as"));
    p.on_failure = read::scalar(n.find("on-failure"));
    if (!p.on_failure.empty() && p.on_failure != "ABORT" && p.on_failure != "CONTINUE" &&
        p.on_failure.rfind("RETRY", 0) != 0)
      d_.error(n.find("on-failure")->mark(),
               fmt::format("on-failure must be ABORT, CONTINUE or RETRY[-count][-regex], not '{}'",
                           p.on_failure),
               "buildspec-shape");
    if (p.name == "install")
      p.runtime_versions = named(n.find("runtime-versions"), where + ".runtime-versions");
    p.commands = commands(n.find("commands"), where + ".commands");
    p.finally = commands(n.find("finally"), where + ".finally");
    if (p.name != "install" && !n.find("commands"))
      d_.error(
          e.key_mark,
          fmt::format("phase '{}' has no 'commands'; CodeBuild requires a commands list in every "
                      "pre_build, build and post_build phase it finds",
                      p.name),
          "buildspec-phase-commands",
          "add 'commands:' with at least one command, or delete the phase");
  }

  void phases(const Node* n, Buildspec& b) {
    if (!n) {
      d_.error(b.root.mark(),
               "the buildspec has no 'phases'; CodeBuild needs at least one phase to run",
               "buildspec-phases", "add 'phases:' with a 'build:' phase and its 'commands:'");
      return;
    }
    if (!read::expect_map(n, "phases", d_, "buildspec-shape")) return;
    for (const auto& e : n->entries()) {
      BuildPhase* p = e.key == "install"      ? &b.install
                      : e.key == "pre_build"  ? &b.pre_build
                      : e.key == "build"      ? &b.build
                      : e.key == "post_build" ? &b.post_build
                                              : nullptr;
      if (!p) {
        std::string upper = e.key;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return std::toupper(c); });
        std::string near = text_closest(e.key);
        d_.error(
            e.key_mark,
            fmt::format(
                "Invalid buildspec phase name: {}. Expecting: BUILD,INSTALL,POST_BUILD,PRE_BUILD",
                upper),
            "buildspec-phase-name",
            near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
        continue;
      }
      phase(e, *p);
    }
  }

  ArtifactSpec artifact_spec(const Node& n, const std::string& where, bool allow_secondary) {
    ArtifactSpec a;
    a.present = true;
    a.mark = n.mark();
    if (!read::expect_map(&n, where, d_, "buildspec-shape")) return a;
    unknown(n, buildspec_keys_at(allow_secondary ? "artifacts" : "artifacts.secondary-artifacts.<name>"),
            where);
    a.files = globs(n.find("files"), where + ".files");
    if (!n.find("files"))
      d_.error(n.mark(),
               fmt::format("{} has no 'files'; CodeBuild requires {}.files whenever {} is present",
                           where, where, where),
               "buildspec-artifacts-files", "list the files to keep, e.g. 'files: ['**/*']'");
    a.name = read::scalar(n.find("name"));
    a.discard_paths = flag(n.find("discard-paths"), where + ".discard-paths");
    a.base_directory = read::scalar(n.find("base-directory"));
    a.exclude_paths = globs(n.find("exclude-paths"), where + ".exclude-paths");
    a.enable_symlinks = flag(n.find("enable-symlinks"), where + ".enable-symlinks");
    a.s3_prefix = read::scalar(n.find("s3-prefix"));
    return a;
  }

  void artifacts(const Node& n, Buildspec& b) {
    static_cast<ArtifactSpec&>(b.artifacts) = artifact_spec(n, "artifacts", true);
    const Node* sec = n.is_map() ? n.find("secondary-artifacts") : nullptr;
    if (!sec || !read::expect_map(sec, "artifacts.secondary-artifacts", d_, "buildspec-shape"))
      return;
    for (const auto& e : sec->entries())
      b.artifacts.secondary.push_back(
          {e.key, artifact_spec(e.value, "artifacts.secondary-artifacts." + e.key, false)});
  }

  void env(const Node& n, BuildspecEnv& env) {
    if (!read::expect_map(&n, "env", d_, "buildspec-shape")) return;
    unknown(n, buildspec_keys_at("env"), "env");
    env.shell = read::scalar(n.find("shell"));
    env.variables = named(n.find("variables"), "env.variables");
    env.parameter_store = named(n.find("parameter-store"), "env.parameter-store");
    env.secrets_manager = named(n.find("secrets-manager"), "env.secrets-manager");
    for (const auto& g : globs(n.find("exported-variables"), "env.exported-variables"))
      env.exported_variables.push_back({g.pattern, "", g.mark});
    env.git_credential_helper = read::scalar(n.find("git-credential-helper"));
  }

  void reports(const Node& n, Buildspec& b) {
    if (!read::expect_map(&n, "reports", d_, "buildspec-shape")) return;
    for (const auto& e : n.entries()) {
      ReportGroup r{e.key, e.key_mark, {}, {}, false, "JUNITXML"};
      std::string where = "reports." + e.key;
      if (read::expect_map(&e.value, where, d_, "buildspec-shape")) {
        unknown(e.value, buildspec_keys_at("reports.<group>"), where);
        r.files = globs(e.value.find("files"), where + ".files");
        if (!e.value.find("files"))
          d_.error(e.key_mark, fmt::format("report group '{}' has no 'files'", e.key),
                   "buildspec-shape");
        r.base_directory = read::scalar(e.value.find("base-directory"));
        r.discard_paths = flag(e.value.find("discard-paths"), where + ".discard-paths");
        if (const Node* f = e.value.find("file-format")) r.file_format = f->as_string();
      }
      b.reports.push_back(std::move(r));
    }
  }

  void version(const Node& root, Buildspec& b) {
    const Node* v = root.find("version");
    if (!v) {
      d_.error(root.mark(), "the buildspec has no 'version'; CodeBuild requires 'version: 0.2'",
               "buildspec-version", "add 'version: 0.2' as the first line");
      return;
    }
    b.version = v->as_string();
    b.version_mark = v->mark();
    if (b.version == "0.2") return;
    if (b.version == "0.1") {
      d_.warning(
          v->mark(),
          "buildspec version 0.1 runs every command in a separate shell, so 'cd' and variables do "
          "not carry over between commands",
          "buildspec-version", "use 'version: 0.2'");
      return;
    }
    d_.error(v->mark(),
             fmt::format("unsupported buildspec version '{}'; CodeBuild accepts 0.2 (and the "
                         "legacy 0.1)",
                         v->as_string(v->is_map() ? "<mapping>" : "<list>")),
             "buildspec-version", "use 'version: 0.2'");
  }

  static std::string text_closest(const std::string& word);

 private:
  Diagnostics& d_;
};

std::string Reader::text_closest(const std::string& word) {
  // Phase names are often written with hyphens, in capitals, or without the underscore.
  std::string w = word;
  std::transform(w.begin(), w.end(), w.begin(),
                 [](unsigned char c) { return c == '-' ? '_' : std::tolower(c); });
  if (w == "prebuild") return "pre_build";
  if (w == "postbuild") return "post_build";
  return text::closest(w, kPhaseNames);
}

}  // namespace

Parsed<Buildspec> parse_buildspec(const Node& root) {
  Parsed<Buildspec> out;
  Buildspec& b = out.value;
  Reader r(out.diagnostics);
  b.root = root;
  if (!root.is_map()) {
    out.diagnostics.error(root.mark(),
                          "a buildspec must be a YAML mapping starting with 'version: 0.2'",
                          "buildspec-shape");
    return out;
  }
  r.unknown(root, buildspec_keys_at(""), "the buildspec");
  r.version(root, b);
  b.run_as = read::scalar(root.find("run-as"));
  if (const Node* env = root.find("env")) r.env(*env, b.env);
  if (const Node* proxy = root.find("proxy");
      proxy && read::expect_map(proxy, "proxy", out.diagnostics, "buildspec-shape")) {
    r.unknown(*proxy, buildspec_keys_at("proxy"), "proxy");
    b.proxy_upload_artifacts = r.flag(proxy->find("upload-artifacts"), "proxy.upload-artifacts");
    b.proxy_logs = r.flag(proxy->find("logs"), "proxy.logs");
  }
  if (const Node* batch = root.find("batch")) b.batch = *batch;
  r.phases(root.find("phases"), b);
  if (const Node* reports = root.find("reports")) r.reports(*reports, b);
  if (const Node* artifacts = root.find("artifacts")) r.artifacts(*artifacts, b);
  if (const Node* cache = root.find("cache");
      cache && read::expect_map(cache, "cache", out.diagnostics, "buildspec-shape")) {
    r.unknown(*cache, buildspec_keys_at("cache"), "cache");
    b.cache_paths = r.globs(cache->find("paths"), "cache.paths");
  }
  return out;
}

Parsed<Buildspec> parse_buildspec_text(const std::string& path, std::string text) {
  auto loaded = load_text(path, std::move(text));
  if (!loaded) {
    Parsed<Buildspec> out;
    out.diagnostics.add(loaded.error());
    return out;
  }
  return parse_buildspec(*loaded);
}

Parsed<Buildspec> parse_buildspec_file(const std::string& path) {
  auto loaded = load_file(path);
  if (!loaded) {
    Parsed<Buildspec> out;
    out.diagnostics.add(loaded.error());
    return out;
  }
  return parse_buildspec(*loaded);
}

}  // namespace pipemu::model
