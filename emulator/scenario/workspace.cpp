#include "scenario/workspace.hpp"

#include <fmt/format.h>
#include <git2.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "model/loader.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_file(const fs::path& p, const std::string& text) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// Copies the fixture without any .git folder it may have.
void copy_tree(const fs::path& from, const fs::path& to) {
  for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    fs::path target = to / fs::relative(it->path(), from);
    if (it->is_directory()) fs::create_directories(target);
    else if (it->is_regular_file()) fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing);
  }
}

std::string git_failure(const std::string& what) {
  const ::git_error* e = git_error_last();
  return fmt::format("git: {}: {}", what, e && e->message ? e->message : "unknown error");
}

// libgit2 is initialised per use (reference counted) and every handle freed by RAII.
struct Git {
  Git() { git_libgit2_init(); }
  ~Git() { git_libgit2_shutdown(); }
};
template <class T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { if (p) F(p); }
};
using Repo = std::unique_ptr<git_repository, Free<git_repository, git_repository_free>>;
using Index = std::unique_ptr<git_index, Free<git_index, git_index_free>>;
using Tree = std::unique_ptr<git_tree, Free<git_tree, git_tree_free>>;
using CommitPtr = std::unique_ptr<git_commit, Free<git_commit, git_commit_free>>;
using Sig = std::unique_ptr<git_signature, Free<git_signature, git_signature_free>>;
using Ref = std::unique_ptr<git_reference, Free<git_reference, git_reference_free>>;

// Commits the whole working tree on HEAD (whatever branch HEAD names). Fixed author and time so
// the same scenario always yields the same commit ids.
Expected<Ok, std::string> commit_all(git_repository* repo, const std::string& message, int seq) {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo)) return unexpected(git_failure("index"));
  Index index(raw_index);
  if (git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_FORCE, nullptr, nullptr) ||
      git_index_update_all(index.get(), nullptr, nullptr, nullptr) || git_index_write(index.get()))
    return unexpected(git_failure("add"));
  git_oid tree_id, commit_id;
  if (git_index_write_tree(&tree_id, index.get())) return unexpected(git_failure("write tree"));
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo, &tree_id)) return unexpected(git_failure("tree"));
  Tree tree(raw_tree);
  git_signature* raw_sig = nullptr;
  if (git_signature_new(&raw_sig, "pipemu scenario", "scenario@pipemu.invalid", 1700000000 + seq * 60, 0))
    return unexpected(git_failure("signature"));
  Sig sig(raw_sig);
  CommitPtr parent;
  git_oid head;
  if (git_reference_name_to_id(&head, repo, "HEAD") == 0) {
    git_commit* p = nullptr;
    if (git_commit_lookup(&p, repo, &head)) return unexpected(git_failure("parent"));
    parent.reset(p);
  }
  const git_commit* parents[] = {parent.get()};
  if (git_commit_create(&commit_id, repo, "HEAD", sig.get(), sig.get(), nullptr, message.c_str(),
                        tree.get(), parent ? 1 : 0, parents))
    return unexpected(git_failure("commit"));
  return Ok{};
}

// Switches HEAD to `branch`, creating it at the current commit when new, and checks it out.
Expected<Ok, std::string> switch_branch(git_repository* repo, const std::string& branch) {
  std::string ref = "refs/heads/" + branch;
  git_reference* raw = nullptr;
  if (git_reference_lookup(&raw, repo, ref.c_str()) != 0) {
    git_oid head;
    if (git_reference_name_to_id(&head, repo, "HEAD")) return unexpected(git_failure("HEAD"));
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &head)) return unexpected(git_failure("HEAD commit"));
    CommitPtr commit(c);
    if (git_branch_create(&raw, repo, branch.c_str(), commit.get(), 0))
      return unexpected(git_failure("branch " + branch));
  }
  Ref keep(raw);
  if (git_repository_set_head(repo, ref.c_str())) return unexpected(git_failure("set HEAD"));
  git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
  opts.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
  if (git_checkout_head(repo, &opts)) return unexpected(git_failure("checkout " + branch));
  return Ok{};
}

Expected<Ok, std::string> build_repo(const Scenario& s, const fs::path& dir) {
  Git git;
  const Repository& r = s.given.repository;
  fs::create_directories(dir);
  if (!r.fixture.empty()) copy_tree(r.fixture, dir);
  for (const auto& [path, content] : r.files)
    if (!write_file(dir / path, content)) return unexpected(fmt::format("cannot write {}", path));
  if (!s.given.buildspec.empty()) fs::copy_file(s.given.buildspec, dir / s.given.buildspec_target,
                                                fs::copy_options::overwrite_existing);
  // Build faults are written into the buildspec the template's projects read.
  bool build_faults = false;
  for (const auto& f : s.faults)
    build_faults = build_faults || f.kind == Fault::Kind::BuildCommand || f.kind == Fault::Kind::BuildPhase;
  if (build_faults) {
    for (const auto& rel : buildspec_paths(s.given.pipeline)) {
      fs::path p = dir / rel;
      if (!fs::is_regular_file(p)) continue;
      auto changed = inject_build_faults(read_file(p), s.faults);
      if (!changed) return unexpected(fmt::format("{}: {}", rel, changed.error()));
      write_file(p, *changed);
    }
  }
  git_repository* raw = nullptr;
  git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  std::string head = "refs/heads/" + r.branch;
  opts.initial_head = head.c_str();
  opts.flags = GIT_REPOSITORY_INIT_MKPATH;
  if (git_repository_init_ext(&raw, dir.c_str(), &opts)) return unexpected(git_failure("init"));
  Repo repo(raw);
  auto first = commit_all(repo.get(), "Initial commit", 0);
  if (!first) return first;
  int seq = 1;
  for (const auto& c : r.commits) {
    if (!c.branch.empty()) {
      auto sw = switch_branch(repo.get(), c.branch);
      if (!sw) return sw;
    }
    for (const auto& [path, content] : c.files)
      if (!write_file(dir / path, content)) return unexpected(fmt::format("cannot write {}", path));
    for (const auto& path : c.remove) fs::remove(dir / path);
    auto made = commit_all(repo.get(), c.message, seq++);
    if (!made) return made;
  }
  // Leave the first branch checked out: triggers name what they push.
  if (!r.commits.empty()) {
    auto sw = switch_branch(repo.get(), r.branch);
    if (!sw) return sw;
  }
  return Ok{};
}

}  // namespace

std::vector<std::string> buildspec_paths(const std::string& template_path) {
  std::vector<std::string> out;
  auto loaded = model::load_file(template_path);
  if (loaded) {
    if (const auto* res = loaded->find("Resources"); res && res->is_map())
      for (const auto& e : res->entries()) {
        const model::Node* type = e.value.find("Type");
        if (!type || type->as_string() != "AWS::CodeBuild::Project") continue;
        const model::Node* spec = nullptr;
        if (const auto* props = e.value.find("Properties"))
          if (const auto* src = props->find("Source")) spec = src->find("BuildSpec");
        std::string v = spec ? spec->as_string() : "buildspec.yml";
        if (!v.empty() && v.find('\n') == std::string::npos) out.push_back(v);
      }
  }
  if (out.empty()) out.push_back("buildspec.yml");
  return out;
}

Expected<Prepared, std::string> prepare(const Scenario& scenario) {
  std::string tmpl = (fs::temp_directory_path() / ("pipemu-scenario-" + scenario.name + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) return unexpected(fmt::format("cannot create a temp folder {}", tmpl));
  Prepared p;
  p.scenario = &scenario;
  p.root = buf.data();
  p.state_dir = (fs::path(p.root) / "state").string();
  p.repo_dir = (fs::path(p.root) / "repo").string();
  p.template_path = scenario.given.pipeline;
  p.first_branch = scenario.given.repository.branch;
  try {
    fs::create_directories(p.state_dir);
    auto made = build_repo(scenario, p.repo_dir);
    if (!made) {
      discard(p);
      return unexpected(made.error());
    }
  } catch (const std::exception& e) {
    discard(p);
    return unexpected(fmt::format("preparing the repository: {}", e.what()));
  }
  return p;
}

void discard(const Prepared& prepared) {
  std::error_code ec;
  if (!prepared.root.empty()) fs::remove_all(prepared.root, ec);
}

}  // namespace pipemu::scenario
