// `pipemu build`: runs a CodeBuild project's buildspec on a repository, as the pipeline's Build
// stage would, and leaves the output artifact zip(s). The project comes from a template
// (--template/--project) or from flags (--buildspec/--build-image/--privileged).
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "build/cache.hpp"
#include "build/project_build.hpp"
#include "build/ssm_parameters.hpp"
#include "build/template_project.hpp"
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/interrupt.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/server/server.hpp"
#include "fakes/ssm/service.hpp"
#include "model/text.hpp"
#include "source/git_source.hpp"
#include "source/zip_archive.hpp"

namespace fs = std::filesystem;

namespace pipemu::cli {
namespace {

struct BuildOptions {
  std::string template_path, project, buildspec, build_image = "aws/codebuild/standard:7.0";
  bool privileged = false;
  std::vector<std::string> parameters;
  std::string repo, branch, commit, token_env, source_dir;
  bool worktree = false;
  std::string out = "pipemu-out", work, region = "us-east-1", executor = "auto";
  std::vector<std::string> images;
  std::string image_map, cache, endpoint, env_json;
  std::vector<std::string> ssm, env, buckets;
  std::string state;
  std::string engine_files, fakes_host;
  int timeout_s = 0;
  bool no_cache = false;
};

class PrintingListener : public build::BuildListener {
 public:
  void log(std::string_view phase, std::string_view line) override {
    std::cout << "[" << phase << "] " << line << "\n" << std::flush;
  }
};

Expected<std::pair<std::string, std::string>, std::string> key_value(const std::string& s, const char* flag) {
  auto eq = s.find('=');
  if (eq == std::string::npos || eq == 0) return unexpected(fmt::format("{} expects NAME=VALUE, got '{}'", flag, s));
  return std::make_pair(s.substr(0, eq), s.substr(eq + 1));
}

std::string default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) return std::string(xdg) + "/pipemu/build-cache";
  return std::string(home ? home : "/tmp") + "/.cache/pipemu/build-cache";
}

int next_build_number(const std::string& cache_root, const std::string& project) {
  if (cache_root.empty()) return 1;
  fs::path f = fs::path(cache_root) / build::cache_key(project) / "build-number";
  int n = 0;
  std::ifstream(f) >> n;
  std::error_code ec;
  fs::create_directories(f.parent_path(), ec);
  std::ofstream(f) << n + 1;
  return n + 1;
}

// The fakes for the build's duration: in-process services, and an HTTP server on a free
// loopback port the container reaches over the host network (unless --endpoint names one);
// with --fakes-host, on every interface, for an engine on another machine.
class InProcessFakes {
 public:
  InProcessFakes(fakes::Registry& registry, const std::string& fakes_host) {
    server::Options opts;
    opts.host = build::fakes_listen_address(fakes_host);
    opts.port = 0;
    server_ = std::make_unique<server::Server>(registry, opts);
    port_ = server_->bind();
    if (port_ > 0) thread_ = std::thread([this] { server_->run(); });
  }
  ~InProcessFakes() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }
  int port() const { return port_; }
  const std::string& error() const { return server_->error(); }

 private:
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

int run(BuildOptions& o) {
  // The fakes (in memory unless --state): SSM for env.parameter-store and SSM-typed template
  // parameters, S3 for what the build uploads.
  fakes::Registry::Options ro;
  if (!o.state.empty()) ro.state_dir = fs::path(o.state);
  fakes::Registry registry(ro);
  ssm::Service ssm_service(registry);
  const std::string account = fakes::kDefaultAccount;
  std::unique_ptr<InProcessFakes> served;
  if (o.endpoint.empty()) {
    served = std::make_unique<InProcessFakes>(registry, o.fakes_host);
    if (served->port() <= 0) {
      std::cerr << "pipemu build: cannot start the fakes server: " << served->error() << "\n";
      return kFailed;
    }
    o.endpoint = build::fakes_url(o.fakes_host, served->port());
  }
  s3::Service s3_service(registry);
  for (const auto& bk : o.buckets) {
    auto kv = key_value(bk, "--bucket");
    if (!kv) { std::cerr << "pipemu build: " << kv.error() << "\n"; return kUsage; }
    std::optional<std::string> constraint;
    if (kv->first != "us-east-1") constraint = kv->first;
    auto r = s3_service.create_bucket(account, kv->first, kv->second, constraint);
    if (!r && r.error().code != "BucketAlreadyOwnedByYou") {
      std::cerr << "pipemu build: --bucket " << bk << ": " << r.error().message << "\n";
      return kUsage;
    }
  }
  for (const auto& s : o.ssm) {
    auto kv = key_value(s, "--ssm");
    if (!kv) { std::cerr << "pipemu build: " << kv.error() << "\n"; return kUsage; }
    ssm::PutParameterRequest put;
    put.name = kv->first;
    put.value = kv->second;
    put.type = "String";
    put.overwrite = true;
    auto r = ssm_service.put_parameter(account, o.region, put);
    if (!r) { std::cerr << "pipemu build: --ssm " << kv->first << ": " << r.error().message << "\n"; return kUsage; }
  }
  auto lookup = build::ssm_lookup(ssm_service, account, o.region);

  build::ProjectBuild b;
  b.region = o.region;
  b.account_id = account;
  b.parameters = lookup;
  if (!o.template_path.empty()) {
    build::TemplateProjectRequest tr{o.template_path, o.project, {}, lookup};
    for (const auto& p : o.parameters) {
      auto kv = key_value(p, "--parameter");
      if (!kv) { std::cerr << "pipemu build: " << kv.error() << "\n"; return kUsage; }
      tr.parameters[kv->first] = kv->second;
    }
    auto project = build::project_from_template(tr);
    if (!project) { std::cerr << "pipemu build: " << project.error() << "\n"; return kFailed; }
    b.project = std::move(*project);
  } else {
    b.project.name = o.project.empty() ? "pipemu-build" : o.project;
    b.project.environment.image = o.build_image;
    b.project.environment.privileged_mode = o.privileged;
    b.project.cache.type = "LOCAL";
  }
  if (!o.buildspec.empty()) b.buildspec_file = fs::absolute(o.buildspec).string();
  if (o.timeout_s > 0) b.timeout = std::chrono::seconds(o.timeout_s);
  for (const auto& m : o.images)
    if (auto r = b.images.add(m, "--image"); !r) { std::cerr << "pipemu build: " << r.error() << "\n"; return kUsage; }
  if (!o.image_map.empty())
    if (auto r = b.images.load_file(o.image_map); !r) { std::cerr << "pipemu build: " << r.error() << "\n"; return kUsage; }
  auto overrides = build::parse_action_environment(o.env_json);
  if (!overrides) { std::cerr << "pipemu build: --env-json: " << overrides.error() << "\n"; return kUsage; }
  b.override_env = *overrides;
  for (const auto& e : o.env) {
    auto kv = key_value(e, "--env");
    if (!kv) { std::cerr << "pipemu build: " << kv.error() << "\n"; return kUsage; }
    b.override_env.push_back({kv->first, kv->second, "PLAINTEXT"});
  }
  b.fakes.url = o.endpoint;
  b.cache_root = o.no_cache ? "" : (o.cache.empty() ? default_cache_dir() : o.cache);

  auto choice = build::choose_executor(o.executor, o.engine_files);
  if (!choice) { std::cerr << "pipemu build: " << choice.error() << "\n"; return kFailed; }
  std::cerr << "pipemu build: " << choice->note << "\n";
  if (!choice->stale_note.empty()) std::cerr << "pipemu build: " << choice->stale_note << "\n";
  if (served)
    if (auto reach = build::fakes_reachability_note(*choice, o.fakes_host); !reach.empty())
      std::cerr << "pipemu build: " << reach << "\n";

  // Work directory: the checkout, the build's source copy, control files.
  std::error_code ec;
  fs::create_directories(o.out, ec);
  std::string work = o.work;
  if (work.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "pipemu-build.XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) { std::cerr << "pipemu build: cannot create a work directory\n"; return kFailed; }
    work = tmpl;
  }
  fs::create_directories(work, ec);
  fs::path checkout = fs::path(work) / "checkout", src = fs::path(work) / "src";
  fs::remove_all(checkout, ec);
  fs::remove_all(src, ec);

  std::string source_zip = (fs::path(o.out) / "source.zip").string();
  if (!o.source_dir.empty()) {
    auto entries = source::tree_entries(o.source_dir);
    if (!entries) { std::cerr << "pipemu build: " << entries.error() << "\n"; return kFailed; }
    if (auto w = source::write_zip(source_zip, *entries); !w) { std::cerr << "pipemu build: " << w.error() << "\n"; return kFailed; }
  } else {
    source::GitSourceRequest gr;
    gr.repository = o.repo.empty() ? "." : o.repo;
    gr.branch = o.branch;
    gr.commit = o.commit;
    gr.token_env = o.token_env;
    gr.worktree = o.worktree;
    gr.checkout_dir = checkout.string();
    auto rev = source::fetch_source(gr);
    if (!rev) { std::cerr << "pipemu build: source: " << rev.error() << "\n"; return kFailed; }
    std::cerr << fmt::format("pipemu build: source {} {} {}{}\n", rev->full_repository_name, rev->branch_name,
                             rev->commit_id.substr(0, 12), rev->dirty ? " (dirty working tree)" : "");
    b.resolved_source_version = rev->commit_id;
    if (auto w = source::write_source_artifact(checkout.string(), source_zip); !w) {
      std::cerr << "pipemu build: " << w.error() << "\n";
      return kFailed;
    }
  }
  if (auto x = source::extract_zip(source_zip, src.string()); !x) { std::cerr << "pipemu build: " << x.error() << "\n"; return kFailed; }
  b.source_dir = src.string();
  b.work_dir = work;
  std::string project_name = b.project.name.empty() ? b.project.logical_id : b.project.name;
  b.build_number = next_build_number(b.cache_root, project_name);

  PrintingListener listener;
  auto started = std::chrono::steady_clock::now();
  auto result = build::run_project_build(b, *choice->executor, listener);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::cout << fmt::format("\npipemu build: {} {} in {:.1f} s ({} executor)\n", result.build_id,
                           build::to_string(result.status), secs, choice->executor->name());
  auto copy_out = [&](const std::string& zip, const std::string& name) {
    fs::path dest = fs::path(o.out) / (name + ".zip");
    fs::copy_file(zip, dest, fs::copy_options::overwrite_existing, ec);
    auto names = source::zip_names(dest.string());
    std::cout << fmt::format("  artifact {}: {} ({} files{}{})\n", name, dest.string(),
                             names ? names->size() : 0, names && names->size() <= 10 ? ": " : "",
                             names && names->size() <= 10 ? text::join(*names, ", ") : "");
  };
  if (!result.artifact_zip.empty()) copy_out(result.artifact_zip, "artifact");
  for (const auto& [id, zip] : result.secondary_artifact_zips) copy_out(zip, id);
  for (const auto& [k, v] : result.exported_variables) std::cout << fmt::format("  exported {}={}\n", k, v);
  if (result.status != build::Status::Succeeded) {
    std::cout << "  " << result.failure_summary() << "\n";
    std::cout << "  work directory kept for inspection: " << work << "\n";
    return kFailed;
  }
  if (o.work.empty()) fs::remove_all(work, ec);
  return kOk;
}

}  // namespace

std::function<int()> setup_build(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  app.add_option("--template", o->template_path, "CloudFormation template holding the AWS::CodeBuild::Project");
  app.add_option("--project", o->project, "The project's logical id (default: the only one)");
  app.add_option("--parameter", o->parameters, "Template parameter override NAME=VALUE (repeatable)");
  app.add_option("--buildspec", o->buildspec, "A buildspec file overriding the project's");
  app.add_option("--build-image", o->build_image, "Environment image when no template is given");
  app.add_flag("--privileged", o->privileged, "PrivilegedMode when no template is given");
  app.add_option("--repo", o->repo, "Git repository: path, file:// or https:// URL (default .)");
  app.add_option("--branch", o->branch, "Branch to build (default: the repository's HEAD)");
  app.add_option("--commit", o->commit, "Commit to build (default: the branch head)");
  app.add_option("--token-env", o->token_env, "Environment variable holding an https token");
  app.add_flag("--worktree", o->worktree, "Build the working tree as it is, uncommitted changes included");
  app.add_option("--source", o->source_dir, "Build a plain directory instead of a repository");
  app.add_option("--out", o->out, "Where the artifact zips go (default pipemu-out)");
  app.add_option("--work", o->work, "Work directory to keep (default: a temporary one, removed on success)");
  app.add_option("--region", o->region, "The build's region (default us-east-1)");
  app.add_option("--executor", o->executor, "docker, local or auto (default: docker when the engine answers)");
  add_engine_options(app, o->engine_files, o->fakes_host);
  app.add_option("--image", o->images, "Image map entry FROM=TO, e.g. aws/codebuild/standard:2.0=my/image (repeatable)");
  app.add_option("--image-map", o->image_map, "File of FROM=TO image map lines");
  app.add_option("--cache", o->cache, "Where cache.paths persist (default ~/.cache/pipemu/build-cache)");
  app.add_flag("--no-cache", o->no_cache, "Do not restore or keep cache.paths");
  app.add_option("--timeout", o->timeout_s, "Build timeout in seconds (default: the project's TimeoutInMinutes)");
  app.add_option("--endpoint", o->endpoint,
                 "AWS endpoint the build uses (default: pipemu's fakes, served for the build's duration)");
  app.add_option("--state", o->state, "Fakes state directory to use and keep (default: in memory)");
  app.add_option("--bucket", o->buckets, "Create bucket REGION=NAME in the S3 fake first (repeatable)");
  app.add_option("--ssm", o->ssm, "Put an SSM String parameter NAME=VALUE in the build region first (repeatable)");
  app.add_option("--env", o->env, "Override variable NAME=VALUE, as the CodeBuild action's EnvironmentVariables");
  app.add_option("--env-json", o->env_json, "The action's EnvironmentVariables JSON array");
  return [o] {
    clean_up_builds_on_interrupt("build");
    return run(*o);
  };
}

}  // namespace pipemu::cli
