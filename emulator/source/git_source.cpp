#include "source/git_source.hpp"

#include <git2.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

#include "source/zip_archive.hpp"

namespace fs = std::filesystem;

namespace pipemu::source {
namespace {

struct Lib {
  Lib() { git_libgit2_init(); }
  ~Lib() { git_libgit2_shutdown(); }
};

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() {
    if (p) Free(p);
  }
  T** out() { return &p; }
};
using Repo = Owned<git_repository, git_repository_free>;
using Object = Owned<git_object, git_object_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Reference = Owned<git_reference, git_reference_free>;

std::string mask(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (size_t pos; (pos = text.find(secret)) != std::string::npos;) text.replace(pos, secret.size(), "***");
  return text;
}

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string iso_time(git_time_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool is_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("file://", 0) == 0 ||
         s.rfind("ssh://", 0) == 0 || s.rfind("git://", 0) == 0;
}

struct TokenPayload {
  std::string token;
  int attempts = 0;
};

int credentials(git_credential** out, const char*, const char*, unsigned int allowed, void* payload) {
  auto* p = static_cast<TokenPayload*>(payload);
  if (p->token.empty() || !(allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) || p->attempts++ > 0)
    return GIT_PASSTHROUGH;
  // GitHub accepts a token as the password of any user; x-access-token is its documented name.
  return git_credential_userpass_plaintext_new(out, "x-access-token", p->token.c_str());
}

void fill_from_commit(SourceRevision& rev, git_commit* c) {
  char id[GIT_OID_HEXSZ + 1];
  git_oid_tostr(id, sizeof id, git_commit_id(c));
  rev.commit_id = id;
  std::string msg = git_commit_message(c) ? git_commit_message(c) : "";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
  rev.commit_message = msg;
  rev.author_date = iso_time(git_commit_author(c)->when.time);
  rev.committer_date = iso_time(git_commit_committer(c)->when.time);
}

void remove_git_dir(const std::string& dir) {
  std::error_code ec;
  fs::remove_all(fs::path(dir) / ".git", ec);
}

Expected<SourceRevision, std::string> from_worktree(const GitSourceRequest& req, SourceRevision rev) {
  Repo repo;
  if (git_repository_open_ext(repo.out(), req.repository.c_str(), 0, nullptr) != 0)
    return unexpected("not a git repository: " + req.repository + " (" + last_error() + ")");
  const char* workdir = git_repository_workdir(repo.p);
  if (!workdir) return unexpected("repository " + req.repository + " has no working tree");
  Reference head;
  if (git_repository_head(head.out(), repo.p) == 0) {
    if (git_reference_is_branch(head.p)) rev.branch_name = git_reference_shorthand(head.p);
    Commit c;
    if (git_commit_lookup(c.out(), repo.p, git_reference_target(head.p)) == 0) fill_from_commit(rev, c.p);
  }
  // Copy tracked and untracked files, leaving ignored ones and .git out, as `git add -A` would.
  fs::path root(workdir);
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  for (; it != end; it.increment(ec)) {
    if (ec) return unexpected("cannot read " + root.string() + ": " + ec.message());
    std::string rel = it->path().lexically_relative(root).generic_string();
    if (rel == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo.p, rel.c_str()) == 0 && ignored) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    fs::path target = fs::path(req.checkout_dir) / rel;
    if (it->is_symlink()) {
      fs::copy_symlink(it->path(), target, ec);
    } else if (it->is_directory()) {
      fs::create_directories(target, ec);
    } else if (it->is_regular_file()) {
      fs::create_directories(target.parent_path(), ec);
      fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing, ec);
    }
    if (ec) return unexpected("cannot copy " + rel + ": " + ec.message());
  }
  git_status_options so = GIT_STATUS_OPTIONS_INIT;
  so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED;
  git_status_list* list = nullptr;
  if (git_status_list_new(&list, repo.p, &so) == 0) {
    rev.dirty = git_status_list_entrycount(list) > 0;
    git_status_list_free(list);
  }
  return rev;
}

}  // namespace

std::map<std::string, std::string> SourceRevision::variables() const {
  return {{"AuthorDate", author_date},         {"BranchName", branch_name},
          {"CommitId", commit_id},             {"CommitMessage", commit_message},
          {"CommitterDate", committer_date},   {"RepositoryName", repository_name},
          {"FullRepositoryName", full_repository_name}};
}

std::pair<std::string, std::string> repository_names(const std::string& repository) {
  std::string s = repository;
  while (!s.empty() && s.back() == '/') s.pop_back();
  if (s.size() > 4 && s.compare(s.size() - 4, 4, ".git") == 0) s.resize(s.size() - 4);
  auto slash = s.find_last_of("/:");
  std::string name = slash == std::string::npos ? s : s.substr(slash + 1);
  std::string owner;
  if (slash != std::string::npos) {
    std::string head = s.substr(0, slash);
    auto prev = head.find_last_of("/:");
    owner = prev == std::string::npos ? head : head.substr(prev + 1);
  }
  return {name, owner.empty() ? name : owner + "/" + name};
}

Expected<SourceRevision, std::string> fetch_source(const GitSourceRequest& req) {
  static Lib lib;
  SourceRevision rev;
  rev.dir = req.checkout_dir;
  auto [name, full] = repository_names(req.repository);
  rev.repository_name = req.repository_name.empty() ? name : req.repository_name;
  rev.full_repository_name = req.full_repository_name.empty() ? full : req.full_repository_name;
  std::error_code ec;
  if (fs::exists(req.checkout_dir, ec) && !fs::is_empty(req.checkout_dir, ec))
    return unexpected("checkout directory " + req.checkout_dir + " is not empty");
  fs::create_directories(req.checkout_dir, ec);

  if (req.worktree) {
    if (is_url(req.repository) && req.repository.rfind("file://", 0) != 0)
      return unexpected("--worktree needs a local repository, not " + req.repository);
    GitSourceRequest local = req;
    if (local.repository.rfind("file://", 0) == 0) local.repository = local.repository.substr(7);
    return from_worktree(local, rev);
  }

  std::string url = req.repository;
  if (!is_url(url)) {
    if (!fs::exists(url, ec)) return unexpected("repository " + url + " does not exist");
    url = fs::absolute(url).string();
  }
  TokenPayload payload;
  if (!req.token_env.empty())
    if (const char* t = std::getenv(req.token_env.c_str())) payload.token = t;

  git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
  opts.fetch_opts.callbacks.credentials = credentials;
  opts.fetch_opts.callbacks.payload = &payload;
  if (!req.branch.empty()) opts.checkout_branch = req.branch.c_str();
  Repo repo;
  if (git_clone(repo.out(), url.c_str(), req.checkout_dir.c_str(), &opts) != 0) {
    std::string why = mask(last_error(), payload.token);
    fs::remove_all(req.checkout_dir, ec);
    if (!req.branch.empty() && why.find("reference") != std::string::npos)
      return unexpected(fmt::format("cannot fetch branch '{}' of {}: {}", req.branch, req.repository, why));
    return unexpected(fmt::format("cannot fetch {}: {}", req.repository, why));
  }
  Reference head;
  if (git_repository_head(head.out(), repo.p) != 0)
    return unexpected("repository " + req.repository + " has no commits");
  rev.branch_name = git_reference_is_branch(head.p) ? git_reference_shorthand(head.p) : req.branch;

  Commit commit;
  if (!req.commit.empty()) {
    Object obj;
    if (git_revparse_single(obj.out(), repo.p, (req.commit + "^{commit}").c_str()) != 0)
      return unexpected(fmt::format("commit {} is not in {}", req.commit, req.repository));
    git_checkout_options co = GIT_CHECKOUT_OPTIONS_INIT;
    co.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
    if (git_checkout_tree(repo.p, obj.p, &co) != 0)
      return unexpected("cannot check out " + req.commit + ": " + last_error());
    git_repository_set_head_detached(repo.p, git_object_id(obj.p));
    git_commit_lookup(commit.out(), repo.p, git_object_id(obj.p));
  } else {
    git_commit_lookup(commit.out(), repo.p, git_reference_target(head.p));
  }
  if (!commit.p) return unexpected("cannot read the head commit of " + req.repository);
  fill_from_commit(rev, commit.p);
  git_repository_free(repo.p);
  repo.p = nullptr;
  remove_git_dir(req.checkout_dir);
  return rev;
}

Expected<Ok, std::string> write_source_artifact(const std::string& dir, const std::string& zip_path) {
  auto entries = tree_entries(dir);
  if (!entries) return unexpected(entries.error());
  return write_zip(zip_path, *entries);
}

}  // namespace pipemu::source
