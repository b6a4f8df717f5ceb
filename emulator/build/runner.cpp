#include "build/runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <thread>

#include "build/artifacts.hpp"
#include "build/cache.hpp"
#include "build/control_files.hpp"
#include "build/log_format.hpp"
#include "build/masker.hpp"
#include "build/shell_protocol.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace pipemu::build {

std::string BuildResult::failure_summary() const {
  if (status == Status::Succeeded || status == Status::InProgress) return {};
  for (const auto& p : phases)
    if (p.status != Status::Succeeded)
      return fmt::format("Build terminated with state: {}. Phase: {}, Code: {}, Message: {}",
                         to_string(status), to_string(p.phase), p.context_code, p.context_message);
  return fmt::format("Build terminated with state: {}", to_string(status));
}

namespace {

struct Event {
  enum class Kind { Rc, ShellExit, End } kind;
  long code = 0;
};

class EventQueue {
 public:
  void push(Event e) {
    {
      std::lock_guard lock(mu_);
      q_.push_back(e);
    }
    cv_.notify_all();
  }
  std::optional<Event> pop_until(Clock::time_point deadline) {
    std::unique_lock lock(mu_);
    if (!cv_.wait_until(lock, deadline, [&] { return !q_.empty(); })) return std::nullopt;
    Event e = q_.front();
    q_.pop_front();
    return e;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Event> q_;
};

std::string random_hex(int n) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string out;
  for (int i = 0; i < n; ++i) out += "0123456789abcdef"[rng() % 16];
  return out;
}

std::string uuid4() {
  std::string h = random_hex(32);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-a" + h.substr(17, 3) +
         "-" + h.substr(20, 12);
}

bool valid_env_name(const std::string& n) {
  static const std::regex re("[A-Za-z_][A-Za-z0-9_]*");
  return std::regex_match(n, re);
}

void copy_tree(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing |
                         fs::copy_options::copy_symlinks, ec);
}

enum class StepEnd { Done, ShellExit, TimedOut, SessionEnded };

class Run {
 public:
  Run(const BuildRequest& req, Executor& ex, BuildListener& l) : req_(req), ex_(ex), listener_(l) {}
  BuildResult go();

 private:
  void log(std::string_view line) {
    std::lock_guard lock(log_mu_);
    listener_.log(phase_name_, masker_.mask(line));
  }
  void say(std::string_view message) { log(container_line(message)); }
  void set_phase(Phase p) {
    std::lock_guard lock(log_mu_);
    phase_name_ = to_string(p);
  }
  void record(Phase p, Status s, std::string code, std::string message, Clock::time_point began,
              bool show = true);
  bool layout();
  bool provision();
  bool download_source();
  Status run_phase(Phase p, const model::BuildPhase& bp, std::string& code, std::string& msg);
  StepEnd step(const std::string& script, long& rc);
  StepEnd run_internal(const std::string& script);
  void capture_exports();
  void end_session();
  void take_back();
  Status upload_artifacts(std::string& code, std::string& msg);
  void finalize();
  std::optional<std::string> resolve(const EnvVar& v, std::string& code, std::string& msg);

  const BuildRequest& req_;
  Executor& ex_;
  BuildListener& listener_;
  BuildResult result_;
  Masker masker_;
  std::mutex log_mu_;
  std::string phase_name_ = "SUBMITTED";
  Clock::time_point deadline_;
  bool timed_out_ = false;

  // Layout on the host and as the build sees it.
  std::string src_host_, ctl_host_, src_in_, ctl_in_;
  std::vector<Mount> mounts_;
  CachePlan cache_;
  // Where the artifacts are collected from: the source dir, or (copy mode) its copy taken back
  // from the container when the build ended.
  std::string results_dir_;
  std::vector<std::pair<std::string, std::string>> outside_links_;  // copy mode: not taken back
  std::string results_error_;  // copy mode: why the source could not be taken back

  std::string marker_ = new_marker();
  std::unique_ptr<Session> session_;
  std::unique_ptr<ControlFiles> control_;
  std::unique_ptr<OutputParser> parser_;
  EventQueue events_;
  std::thread waiter_;
  int fifo_ = -1;
  int step_no_ = 0;
  bool session_ended_ = false;
  bool shell_restarted_ = false;
  bool build_failed_ = false;
  std::string layout_error_;
  bool results_needed_ = false;  // copy mode: take the source back for UPLOAD_ARTIFACTS
  std::vector<std::pair<std::string, std::string>> env_;
};

void Run::record(Phase p, Status s, std::string code, std::string message, Clock::time_point began,
                 bool show) {
  PhaseRecord r{p, s, std::move(code), masker_.mask(message),
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - began)};
  if (show) {
    say(fmt::format("Phase complete: {} State: {}", to_string(p), to_string(s)));
    say(fmt::format("Phase context status code: {} Message: {}", r.context_code, r.context_message));
  }
  result_.status = combine(result_.status == Status::InProgress ? Status::Succeeded : result_.status, s);
  result_.phases.push_back(r);
  listener_.phase_finished(r);
}

bool Run::layout() {
  std::error_code ec;
  src_host_ = fs::weakly_canonical(req_.source_dir, ec).string();
  fs::path work = fs::weakly_canonical(req_.work_dir, ec);
  ctl_host_ = (work / "ctl").string();
  fs::remove_all(ctl_host_, ec);
  fs::create_directories(fs::path(ctl_host_) / "cmd", ec);
  fs::create_directories(fs::path(ctl_host_) / "vars", ec);
  if (ec || !fs::is_directory(src_host_)) return false;
  std::string fifo = ctl_host_ + "/in";
  if (::mkfifo(fifo.c_str(), 0600) != 0) return false;
  // O_RDWR never blocks on a FIFO and keeps it open whatever the shell does.
  fifo_ = ::open(fifo.c_str(), O_RDWR | O_CLOEXEC);
  if (fifo_ < 0) return false;

  if (ex_.maps_paths()) {
    // Privileged builds get the source at its host path, so `docker run -v $(pwd):/x` from the
    // build (a sibling container on the same engine) mounts the same directory.
    std::string digits = std::to_string(100000000 + std::random_device{}() % 900000000);
    std::string out_root = "/codebuild/output/src" + digits;
    src_in_ = req_.privileged ? src_host_ : out_root + "/src";
    ctl_in_ = "/codebuild/pipemu";
    std::string volume;
    if (req_.privileged && ex_.copies_files()) {
      // Copy mode: this machine's path means nothing to the engine's; a volume mounted at its
      // own path there plays the same part for `docker run -v $(pwd):...`.
      auto dir = ex_.create_engine_dir(result_.build_id);
      if (!dir) {
        layout_error_ = dir.error();
        return false;
      }
      src_in_ = dir->path;
      volume = dir->volume;
    }
    mounts_.push_back({src_host_, src_in_, false, volume});
    mounts_.push_back({ctl_host_, ctl_in_, false});
    for (const auto& [name, dir] : req_.secondary_sources)
      mounts_.push_back({fs::weakly_canonical(dir, ec).string(), out_root + "/" + name, false});
  } else {
    src_in_ = src_host_;
    ctl_in_ = ctl_host_;
  }
  result_.src_dir_in_build = src_in_;
  results_dir_ = ex_.copies_files() ? (work / "results" / "src").string() : src_host_;
  return true;
}

std::optional<std::string> Run::resolve(const EnvVar& v, std::string& code, std::string& msg) {
  if (v.type == "PLAINTEXT" || v.type.empty()) return v.value;
  if (v.type == "PARAMETER_STORE") {
    if (!req_.parameters) {
      code = "Decrypted Variables Error";
      msg = "parameter does not exist: " + v.value;
      return std::nullopt;
    }
    auto got = req_.parameters(v.value);
    if (!got) {
      code = "Decrypted Variables Error";
      msg = got.error();
      return std::nullopt;
    }
    masker_.add(*got);
    return *got;
  }
  if (v.type == "SECRETS_MANAGER") {
    code = "Secrets Manager Error";
    msg = "Secrets Manager is not emulated by pipemu (variable " + v.name + ")";
    return std::nullopt;
  }
  code = "CLIENT_ERROR";
  msg = "unknown environment variable type " + v.type + " for " + v.name;
  return std::nullopt;
}

bool Run::provision() {
  auto began = Clock::now();
  set_phase(Phase::Provisioning);
  if (!req_.provision_error.empty()) {
    say("Phase complete: PROVISIONING State: FAILED");
    say("Phase context status code: CLIENT_ERROR Message: " + req_.provision_error);
    record(Phase::Provisioning, Status::Failed, "CLIENT_ERROR", req_.provision_error, began, false);
    return false;
  }
  if (!layout()) {
    record(Phase::Provisioning, Status::Fault, "CLIENT_ERROR",
           layout_error_.empty() ? "cannot prepare the work directory " + req_.work_dir : layout_error_, began,
           false);
    return false;
  }
  // Cache directories: bind-mounted (or, copy mode, uploaded) by Docker; copied in by the local
  // executor.
  if (!req_.cache_root.empty()) {
    cache_ = plan_cache(req_.buildspec.cache_paths, req_.cache_root + "/" + cache_key(req_.project_name));
    for (const auto& d : cache_.dirs) {
      bool absolute = !d.path.empty() && d.path[0] == '/';
      if (ex_.maps_paths())
        mounts_.push_back({d.host, absolute ? d.path : src_in_ + "/" + d.path, false});
      else if (!absolute)
        copy_tree(d.host, fs::path(src_host_) / d.path);
    }
  }
  SessionSpec spec;
  spec.image = req_.image;
  std::string shell = req_.buildspec.env.shell;
  if (shell.empty() || shell == "sh") shell = "/bin/sh";  // CodeBuild's Linux default [inf]
  spec.command = driver_command(shell, ctl_in_ + "/in", ctl_in_ + "/done", marker_);
  spec.mounts = mounts_;
  spec.workdir = src_in_;
  spec.privileged = req_.privileged;
  spec.label = result_.build_id;
  parser_ = std::make_unique<OutputParser>(
      marker_, [this](std::string_view l) { log(l); },
      [this](OutputParser::Marker m) {
        events_.push({m.kind == OutputParser::Marker::Kind::Rc ? Event::Kind::Rc : Event::Kind::ShellExit, m.code});
      });
  auto session = ex_.start(spec, [this](std::string_view chunk) { parser_->feed(chunk); });
  if (!session) {
    record(Phase::Provisioning, Status::Failed, "CLIENT_ERROR", session.error(), began, false);
    return false;
  }
  session_ = std::move(*session);
  if (auto* files = session_->files())
    control_ = copied_control(*files, ctl_in_);
  else
    control_ = shared_control(ctl_host_, fifo_);
  waiter_ = std::thread([this] {
    auto code = session_->wait();
    parser_->finish();
    events_.push({Event::Kind::End, code ? *code : -1});
  });
  record(Phase::Provisioning, Status::Succeeded, "", "", began, false);
  return true;
}

StepEnd Run::step(const std::string& script, long& rc) {
  if (session_ended_) return StepEnd::SessionEnded;
  if (timed_out_ || Clock::now() >= deadline_) return StepEnd::TimedOut;
  std::string name = fmt::format("cmd/{:04}.sh", ++step_no_);
  auto sent = control_->put(name, script + "\n", false);
  if (sent) sent = control_->send(step_line(ctl_in_ + "/" + name, marker_));
  if (!sent) {
    say("pipemu: " + sent.error());
    session_ended_ = true;
    return StepEnd::SessionEnded;
  }
  auto ev = events_.pop_until(deadline_);
  if (!ev) return StepEnd::TimedOut;
  rc = ev->code;
  if (ev->kind == Event::Kind::End) {
    session_ended_ = true;
    return StepEnd::SessionEnded;
  }
  if (ev->kind == Event::Kind::ShellExit) {
    shell_restarted_ = true;
    return StepEnd::ShellExit;
  }
  return StepEnd::Done;
}

StepEnd Run::run_internal(const std::string& script) {
  long rc = 0;
  return step(script, rc);
}

bool Run::download_source() {
  auto began = Clock::now();
  set_phase(Phase::DownloadSource);
  say("Waiting for DOWNLOAD_SOURCE");
  say("Phase is DOWNLOAD_SOURCE");
  say("CODEBUILD_SRC_DIR=" + src_in_);
  for (const auto& [name, dir] : req_.secondary_sources) say("CODEBUILD_SRC_DIR_" + name + "=" + dir);
  say("Processing environment variables");
  const auto& bs = req_.buildspec;
  std::string code, msg;
  auto fail = [&](Status s = Status::Failed) {
    record(Phase::DownloadSource, s, code, msg, began);
    return false;
  };
  if (!req_.buildspec_error.empty()) {
    code = "YAML_FILE_ERROR";
    msg = req_.buildspec_error;
    return fail();
  }
  for (const auto& s : req_.secrets) masker_.add(s);
  env_ = req_.aws_env;
  for (const auto& v : bs.env.variables) env_.push_back({v.name, v.value});
  for (const auto& v : bs.env.parameter_store) {
    auto value = resolve({v.name, v.value, "PARAMETER_STORE"}, code, msg);
    if (!value) return fail();
    env_.push_back({v.name, *value});
  }
  for (const auto& v : bs.env.secrets_manager) {
    auto value = resolve({v.name, v.value, "SECRETS_MANAGER"}, code, msg);
    if (!value) return fail();
  }
  for (const auto* list : {&req_.project_env, &req_.override_env})
    for (const auto& v : *list) {
      auto value = resolve(v, code, msg);
      if (!value) return fail();
      env_.push_back({v.name, *value});
    }
  for (const auto& [name, value] : env_) {
    if (!valid_env_name(name)) {
      code = "CLIENT_ERROR";
      msg = "invalid environment variable name: " + name;
      return fail();
    }
  }
  // CodeBuild's own variables come last: the build cannot override them.
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch()).count();
  std::string uuid = result_.build_id.substr(result_.build_id.find(':') + 1);
  std::vector<std::pair<std::string, std::string>> builtins = {
      {"CODEBUILD_BUILD_ARN", fmt::format("arn:aws:codebuild:{}:{}:build/{}", req_.region, req_.account_id, result_.build_id)},
      {"CODEBUILD_BUILD_ID", result_.build_id},
      {"CODEBUILD_BUILD_IMAGE", req_.requested_image.empty() ? req_.image : req_.requested_image},
      {"CODEBUILD_BUILD_NUMBER", std::to_string(req_.build_number)},
      {"CODEBUILD_BUILD_SUCCEEDING", "1"},
      {"CODEBUILD_INITIATOR", req_.initiator},
      {"CODEBUILD_KMS_KEY_ID", fmt::format("arn:aws:kms:{}:{}:alias/aws/s3", req_.region, req_.account_id)},
      {"CODEBUILD_LOG_PATH", uuid},
      {"CODEBUILD_PROJECT_ARN", fmt::format("arn:aws:codebuild:{}:{}:project/{}", req_.region, req_.account_id, req_.project_name)},
      {"CODEBUILD_RESOLVED_SOURCE_VERSION", req_.resolved_source_version},
      {"CODEBUILD_SOURCE_REPO_URL", req_.source_repo_url},
      {"CODEBUILD_SOURCE_VERSION", req_.source_version.empty() ? req_.resolved_source_version : req_.source_version},
      {"CODEBUILD_SRC_DIR", src_in_},
      {"CODEBUILD_START_TIME", std::to_string(now_ms)},
      {"AWS_REGION", req_.region},
      {"AWS_DEFAULT_REGION", req_.region},
  };
  for (const auto& m : mounts_)
    for (const auto& [name, dir] : req_.secondary_sources)
      if (m.host == fs::weakly_canonical(dir).string()) builtins.push_back({"CODEBUILD_SRC_DIR_" + name, m.container});
  if (!ex_.maps_paths())
    for (const auto& [name, dir] : req_.secondary_sources)
      builtins.push_back({"CODEBUILD_SRC_DIR_" + name, fs::weakly_canonical(dir).string()});
  for (auto& b : builtins) env_.push_back(b);
  if (auto put = control_->put("env.sh", export_script(env_), true); !put) {
    code = "CLIENT_ERROR";
    msg = "cannot hand the environment to the build: " + put.error();
    return fail(Status::Fault);
  }
  if (!bs.run_as.empty()) say("run-as " + bs.run_as + " is not emulated; commands run as root");
  say("Moving to directory " + src_in_);
  auto end = run_internal(". " + shell_quote(ctl_in_ + "/env.sh") + "\n" + keep_state_script(ctl_in_));
  if (end == StepEnd::TimedOut) {
    timed_out_ = true;
    code = "BUILD_TIMED_OUT";
    msg = "Build has timed out. ";
    return fail(Status::TimedOut);
  }
  if (end != StepEnd::Done) {
    code = "CLIENT_ERROR";
    msg = "the build shell did not start (" + req_.buildspec.env.shell + ")";
    return fail(Status::Fault);
  }
  int phases = 0;
  for (const auto* p : bs.phases()) phases += p->present;
  say(fmt::format("Phases found in YAML: {}", phases));
  const char* names[] = {"INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD"};
  int i = 0;
  for (const auto* p : bs.phases()) {
    if (p->present) say(fmt::format(" {}: {} commands", names[i], p->commands.size()));
    ++i;
  }
  record(Phase::DownloadSource, Status::Succeeded, "", "", began);
  return true;
}

Status Run::run_phase(Phase p, const model::BuildPhase& bp, std::string& code, std::string& msg) {
  for (const auto& rv : bp.runtime_versions)
    say("Runtime " + rv.name + " " + rv.value + " requested: pipemu uses what the image provides");
  if (!bp.run_as.empty()) say("run-as " + bp.run_as + " is not emulated; commands run as root");
  if (!bp.on_failure.empty() && bp.on_failure.rfind("RETRY", 0) == 0)
    say("on-failure " + bp.on_failure + " is not emulated: a failure follows the default rules");
  if (shell_restarted_) {
    // A command ended the previous shell: the new one gets the build's variables again.
    shell_restarted_ = false;
    run_internal(restore_state_script(ctl_in_));
    if (build_failed_) run_internal("export CODEBUILD_BUILD_SUCCEEDING=0");
  }
  Status status = Status::Succeeded;
  auto run_list = [&](const std::vector<model::BuildCommand>& cmds) {
    for (const auto& c : cmds) {
      say("Running command " + c.text);
      long rc = 0;
      StepEnd end = step(c.text, rc);
      if (end == StepEnd::TimedOut) {
        timed_out_ = true;
        status = Status::TimedOut;
        code = "BUILD_TIMED_OUT";
        msg = "Build has timed out. ";
        return false;
      }
      if (end == StepEnd::SessionEnded || end == StepEnd::ShellExit || rc != 0) {
        say(fmt::format("Command did not exit successfully {} exit status {}", c.text, rc));
        if (status == Status::Succeeded) {
          status = Status::Failed;
          code = "COMMAND_EXECUTION_ERROR";
          msg = fmt::format("Error while executing command: {}. Reason: exit status {}", c.text, rc);
        }
        if (end == StepEnd::SessionEnded) return false;
        if (end == StepEnd::ShellExit) {
          // Not silent: the shell really ended; what it had (directory, exports) carries over.
          say("The command ended the build shell; its directory and exported variables carry over to a new shell");
          shell_restarted_ = false;
          run_internal(restore_state_script(ctl_in_));
        }
        return true;  // the rest of this list is skipped; `finally` still runs
      }
    }
    return true;
  };
  bool go_on = run_list(bp.commands);
  if (go_on && status != Status::TimedOut && !session_ended_) run_list(bp.finally);
  (void)p;
  return status;
}

void Run::capture_exports() {
  std::vector<std::string> names;
  for (const auto& v : req_.buildspec.env.exported_variables) {
    if (!valid_env_name(v.name) || v.name.rfind("AWS_", 0) == 0) {
      say("Skipping exported variable " + v.name + ": names must be shell names and not start with AWS_");
      continue;
    }
    names.push_back(v.name);
  }
  if (names.empty() || session_ended_) return;
  if (run_internal(capture_script(names, ctl_in_ + "/vars")) != StepEnd::Done) return;
  for (const auto& n : names)
    if (auto value = control_->get("vars/" + n)) result_.exported_variables[n] = *value;
}

void Run::end_session() {
  if (!session_) return;
  if (timed_out_ && !session_ended_) {
    session_->kill();
    auto ev = events_.pop_until(Clock::now() + std::chrono::seconds(30));
    while (ev && ev->kind != Event::Kind::End) ev = events_.pop_until(Clock::now() + std::chrono::seconds(30));
    session_ended_ = true;
  }
  if (!session_ended_) {
    auto bye = control_->put("done", "\n", false);
    if (bye) bye = control_->send("exit 0\n");
    if (!bye) session_->kill();
    auto ev = events_.pop_until(std::min(deadline_, Clock::now() + std::chrono::seconds(30)));
    while (ev && ev->kind != Event::Kind::End) ev = events_.pop_until(Clock::now() + std::chrono::seconds(30));
    if (!ev) session_->kill();
  }
  if (waiter_.joinable()) waiter_.join();
  take_back();
  control_.reset();
  session_.reset();
  session_ended_ = true;
}

void Run::take_back() {
  auto* files = session_->files();
  if (!files) return;  // shared: the build wrote in place
  // Copy mode: the container has stopped but still holds what the build left.
  std::string error;
  auto fetch = [&](const std::string& from, const std::string& to) {
    auto got = files->fetch_dir(from, to);
    if (!got) {
      error = "cannot take " + from + " back from the build container: " + got.error();
      say("pipemu: " + error);
      return std::vector<std::pair<std::string, std::string>>{};
    }
    return *got;
  };
  // A symlink leading out of the source stays behind; the artifact rules still see it.
  if (results_needed_ && req_.buildspec.artifacts.present) {
    outside_links_ = fetch(src_in_, results_dir_);
    results_error_ = error;  // the upload fails with it rather than with "no matching paths"
  }
  for (const auto& d : cache_.dirs) {
    bool absolute = !d.path.empty() && d.path[0] == '/';
    for (const auto& [path, target] : fetch(absolute ? d.path : src_in_ + "/" + d.path, d.host))
      say("pipemu: cache path " + d.path + ": the symlink " + path + " -> " + target +
          " points outside it and is not kept");
  }
}

Status Run::upload_artifacts(std::string& code, std::string& msg) {
  const auto& a = req_.buildspec.artifacts;
  if (!a.present) return Status::Succeeded;
  if (!results_error_.empty()) {
    code = "CLIENT_ERROR";
    msg = results_error_;
    return Status::Failed;
  }
  std::error_code ec;
  fs::path dir = fs::path(req_.work_dir) / "artifacts";
  fs::create_directories(dir, ec);
  auto one = [&](const model::ArtifactSpec& spec, const std::string& zip) -> bool {
    say("Expanding base directory path: " + (spec.base_directory.empty() ? "." : spec.base_directory));
    std::vector<std::string> lines;
    auto got = collect_artifacts(results_dir_, spec, lines, outside_links_);
    for (const auto& l : lines) say(l);
    if (!got) {
      code = "CLIENT_ERROR";
      msg = got.error();
      return false;
    }
    say(fmt::format("Found {} file(s)", got->entries.size()));
    auto written = source::write_zip(zip, got->entries);
    if (!written) {
      code = "CLIENT_ERROR";
      msg = written.error();
      return false;
    }
    return true;
  };
  std::string primary = (dir / "artifact.zip").string();
  if (!a.files.empty() || a.secondary.empty()) {
    if (!one(a, primary)) return Status::Failed;
    result_.artifact_zip = primary;
  }
  for (const auto& s : a.secondary) {
    std::string zip = (dir / (s.identifier + ".zip")).string();
    if (!one(s.spec, zip)) return Status::Failed;
    result_.secondary_artifact_zips[s.identifier] = zip;
  }
  return Status::Succeeded;
}

void Run::finalize() {
  auto began = Clock::now();
  set_phase(Phase::Finalizing);
  if (!ex_.maps_paths()) {
    for (const auto& d : cache_.dirs) {
      bool absolute = !d.path.empty() && d.path[0] == '/';
      if (absolute) continue;  // the local executor's absolute paths stay where the build left them
      std::error_code ec;
      fs::path from = fs::path(src_host_) / d.path;
      if (!fs::exists(from, ec)) continue;
      fs::remove_all(d.host, ec);
      copy_tree(from, d.host);
    }
  }
  std::error_code ec;
  fs::remove(ctl_host_ + "/env.sh", ec);  // holds resolved secrets
  fs::remove(ctl_host_ + "/state.sh", ec);  // so may what an `exit` saved
  fs::remove_all(ctl_host_ + "/cmd", ec);
  if (results_dir_ != src_host_ && !results_dir_.empty()) fs::remove_all(fs::path(results_dir_).parent_path(), ec);
  if (fifo_ >= 0) ::close(fifo_);
  fifo_ = -1;
  record(Phase::Finalizing, Status::Succeeded, "", "", began, false);
  record(Phase::Completed, Status::Succeeded, "", "", Clock::now(), false);
}

BuildResult Run::go() {
  ::signal(SIGPIPE, SIG_IGN);
  result_.build_id = req_.project_name + ":" + uuid4();
  auto began = Clock::now();
  deadline_ = began + req_.timeout;
  record(Phase::Submitted, Status::Succeeded, "", "", began, false);
  record(Phase::Queued, Status::Succeeded, "", "", began, false);
  if (provision() && download_source()) {
    const auto& bs = req_.buildspec;
    const model::BuildPhase* specs[] = {&bs.install, &bs.pre_build, &bs.build, &bs.post_build};
    Phase p = Phase::Install;
    while (p >= Phase::Install && p <= Phase::PostBuild) {
      const auto& bp = *specs[static_cast<int>(p) - static_cast<int>(Phase::Install)];
      auto phase_began = Clock::now();
      set_phase(p);
      say(std::string("Entering phase ") + to_string(p));
      std::string code, msg;
      Status s = run_phase(p, bp, code, msg);
      record(p, s, code, msg, phase_began);
      if (s != Status::Succeeded && !build_failed_) {
        build_failed_ = true;
        if (s == Status::Failed && !session_ended_) run_internal("export CODEBUILD_BUILD_SUCCEEDING=0");
      }
      Phase next = next_phase(p, s, bp.on_failure);
      if (session_ended_ && next >= Phase::Install && next <= Phase::PostBuild) {
        say("The build container ended; remaining phases cannot run");
        next = Phase::Finalizing;
      }
      p = next;
    }
    if (p == Phase::UploadArtifacts) capture_exports();
    results_needed_ = p == Phase::UploadArtifacts;
    end_session();
    if (p == Phase::UploadArtifacts) {
      auto up_began = Clock::now();
      set_phase(p);
      say("Entering phase UPLOAD_ARTIFACTS");
      std::string code, msg;
      Status s = upload_artifacts(code, msg);
      record(p, s, code, msg, up_began);
    }
  }
  end_session();
  finalize();
  return result_;
}

}  // namespace

BuildResult run_build(const BuildRequest& request, Executor& executor, BuildListener& listener) {
  Run run(request, executor, listener);
  return run.go();
}

}  // namespace pipemu::build
