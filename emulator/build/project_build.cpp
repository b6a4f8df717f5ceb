#include "build/project_build.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "build/docker/locality.hpp"
#include "build/docker/ownership.hpp"
#include "build/docker_executor.hpp"
#include "build/local_executor.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"

namespace fs = std::filesystem;

namespace pipemu::build {

namespace {
bool ipv6_literal(const std::string& host) { return host.find(':') != std::string::npos; }
}  // namespace

std::string fakes_listen_address(const std::string& fakes_host) {
  if (fakes_host.empty()) return "127.0.0.1";
  return ipv6_literal(fakes_host) ? "::" : "0.0.0.0";
}

std::string fakes_url(const std::string& fakes_host, int port) {
  std::string host = fakes_host.empty() ? "127.0.0.1" : fakes_host;
  if (ipv6_literal(host)) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port);
}

std::string fakes_host_problem(const std::string& fakes_host) {
  if (fakes_host.empty()) return "the fakes host is empty";
  for (char c : fakes_host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '_')
      return "'" + fakes_host + "' is not a host name or address (give what goes between http:// and :PORT, "
             "e.g. 192.168.1.20 or builder.lan)";
  return {};
}

std::string fakes_exposure_note(const std::string& fakes_host) {
  if (fakes_host.empty()) return {};
  return "the fakes listen on every interface for builds (--fakes-host " + fakes_host +
         "): anyone who can reach this machine can call them";
}

std::string fakes_reachability_note(const ExecutorChoice& choice, const std::string& fakes_host) {
  if (!fakes_host.empty()) return fakes_exposure_note(fakes_host);
  if (choice.remote_engine)
    return "the Docker engine is on another machine: its builds cannot reach the fakes on this machine's "
           "127.0.0.1, so their aws CLI calls will fail; pass --fakes-host with this machine's address as "
           "the engine's machine reaches it";
  return {};
}

std::vector<std::pair<std::string, std::string>> fakes_environment(const FakesEndpoint& fakes) {
  if (fakes.url.empty()) return {};
  return {
      {"AWS_ENDPOINT_URL", fakes.url},
      {"AWS_ACCESS_KEY_ID", "AKIAPIPEMUFAKE000000"},
      {"AWS_SECRET_ACCESS_KEY", "pipemu-fake-secret-access-key"},
      {"AWS_EC2_METADATA_DISABLED", "true"},
  };
}

Expected<std::vector<EnvVar>, std::string> parse_action_environment(const std::string& json) {
  std::vector<EnvVar> out;
  if (json.empty()) return out;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_array())
    return unexpected(std::string("EnvironmentVariables must be a JSON array of {name, value, type}"));
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("value") ||
        !e["value"].is_string())
      return unexpected(std::string("EnvironmentVariables: every item needs string name and value"));
    EnvVar v{e["name"], e["value"], "PLAINTEXT"};
    if (e.contains("type") && e["type"].is_string()) v.type = e["type"];
    if (v.type != "PLAINTEXT" && v.type != "PARAMETER_STORE" && v.type != "SECRETS_MANAGER")
      return unexpected("EnvironmentVariables: " + v.name + " has unknown type " + v.type);
    out.push_back(std::move(v));
  }
  return out;
}

Expected<std::vector<EnvVar>, std::string> project_environment(const model::CodeBuildProject& project) {
  std::vector<EnvVar> out;
  for (const auto& v : project.environment.variables) {
    if (!v.value.is_scalar())
      return unexpected("project environment variable " + v.name + " has an unresolved value (" +
                        v.mark.str() + ")");
    out.push_back({v.name, v.value.str(), v.type.empty() ? "PLAINTEXT" : v.type});
  }
  return out;
}

LoadedBuildspec load_project_buildspec(const model::CodeBuildProject& project, const std::string& src_dir,
                                       const std::string& override_file) {
  LoadedBuildspec out;
  model::Parsed<model::Buildspec> parsed;
  const auto& src = project.source;
  if (!override_file.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(override_file, ec)) {
      out.error = "YAML file does not exist";
      out.diagnostics = "buildspec " + override_file + " not found";
      return out;
    }
    parsed = model::parse_buildspec_file(override_file);
  } else if (src.buildspec_is_inline()) {
    parsed = model::parse_buildspec_text(project.logical_id + " Source.BuildSpec", src.buildspec);
  } else {
    std::string rel = src.buildspec_path();
    if (rel.rfind("arn:", 0) == 0) {
      out.error = "buildspec from S3 (" + rel + ") is not emulated; put it in the source";
      return out;
    }
    fs::path file = fs::path(src_dir) / rel;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      out.error = "YAML file does not exist";
      out.diagnostics = "buildspec " + rel + " not found in the source (" + file.string() + ")";
      return out;
    }
    parsed = model::parse_buildspec_file(file.string());
  }
  for (const auto& d : parsed.diagnostics.items()) out.diagnostics += model::render(d) + "\n";
  if (!parsed.ok()) {
    for (const auto& d : parsed.diagnostics.items())
      if (d.severity == model::Severity::Error) {
        out.error = d.message;
        break;
      }
  }
  out.buildspec = std::move(parsed.value);
  return out;
}

Expected<std::string, std::string> engine_files_setting(std::string_view files) {
  std::string v(files);
  if (v.empty()) {
    const char* env = std::getenv("PIPEMU_ENGINE_FILES");
    v = env && *env ? env : "auto";
    if (v != "mount" && v != "copy" && v != "auto")
      return unexpected("PIPEMU_ENGINE_FILES='" + v + "': expected copy, mount or auto");
  }
  if (v != "mount" && v != "copy" && v != "auto")
    return unexpected("unknown engine files mode '" + v + "' (copy, mount or auto)");
  return v;
}

Expected<ExecutorChoice, std::string> choose_executor(std::string_view kind, std::string_view files) {
  ExecutorChoice c;
  if (kind == "local") {
    c.executor = std::make_unique<LocalExecutor>();
    c.note = "local executor: commands run on this machine, without a container (less isolated)";
    return c;
  }
  if (kind != "docker" && kind != "auto")
    return unexpected("unknown executor '" + std::string(kind) + "' (docker, local or auto)");
  auto mode = engine_files_setting(files);
  if (!mode) return unexpected(mode.error());
  auto endpoint = docker::endpoint_from_environment();
  if (!endpoint) return unexpected(endpoint.error());
  c.remote_engine = !docker::on_this_machine(*endpoint);
  // Checked before connecting: a remote engine may well answer, and the build would then fail
  // obscurely on mounts of paths that engine's machine does not have.
  if (c.remote_engine && *mode == "mount") return unexpected(docker::remote_engine_error(*endpoint));
  docker::Client client(*endpoint);
  auto version = client.version();
  if (!version) {
    if (kind == "docker") return unexpected(version.error());
    c.executor = std::make_unique<LocalExecutor>();
    c.remote_engine = false;
    c.note = "no Docker engine answered at " + endpoint->describe() +
             ": using the local executor (commands run on this machine, less isolated)";
    return c;
  }
  bool copy = *mode == "copy" || c.remote_engine;
  c.note = "docker executor: engine " + *version + " at " + endpoint->describe();
  if (c.remote_engine)
    c.note += " (not on this machine: files are copied in and out of the build container, no bind mounts)";
  else if (copy)
    c.note += " (engine files: copy; files are copied in and out of the build container, no bind mounts)";
  c.stale_note = docker::remove_stale(client).note();
  c.executor = std::make_unique<DockerExecutor>(client, copy ? FilesMode::Copy : FilesMode::Mount);
  return c;
}

BuildResult run_project_build(const ProjectBuild& b, Executor& executor, BuildListener& listener) {
  BuildRequest r;
  r.project_name = b.project.name.empty() ? (b.project.logical_id.empty() ? "pipemu-build" : b.project.logical_id)
                                          : b.project.name;
  r.region = b.region;
  r.account_id = b.account_id;
  r.initiator = b.initiator;
  r.build_number = b.build_number;
  r.source_dir = b.source_dir;
  r.secondary_sources = b.secondary_sources;
  r.resolved_source_version = b.resolved_source_version;
  r.work_dir = b.work_dir;
  r.requested_image = b.project.environment.image;
  r.privileged = b.project.environment.privileged_mode;
  r.override_env = b.override_env;
  r.aws_env = fakes_environment(b.fakes);
  r.parameters = b.parameters;
  r.secrets = b.secrets;
  r.timeout = b.timeout ? *b.timeout : std::chrono::minutes(b.project.timeout_in_minutes);
  if (b.project.cache.type != "NO_CACHE" && !b.cache_root.empty()) r.cache_root = b.cache_root;

  auto env = project_environment(b.project);
  if (!env) r.provision_error = env.error();
  else r.project_env = *env;

  auto resolved = b.images.resolve(b.project.environment.image);
  r.image = resolved.image;
  if (r.provision_error.empty()) {
    auto has = executor.has_image(r.image);
    if (!has) r.provision_error = has.error();
    else if (!*has) r.provision_error = missing_image_message(b.project.environment.image, resolved);
  }
  auto loaded = load_project_buildspec(b.project, b.source_dir, b.buildspec_file);
  if (!loaded.diagnostics.empty())
    for (const auto& line : text::split(loaded.diagnostics, '\n'))
      if (!line.empty()) listener.log("DOWNLOAD_SOURCE", line);
  r.buildspec = std::move(loaded.buildspec);
  r.buildspec_error = loaded.error;
  return run_build(r, executor, listener);
}

}  // namespace pipemu::build
