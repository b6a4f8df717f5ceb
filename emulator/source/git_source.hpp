#pragma once
// The source stage: fetch a git repository with libgit2 and produce what CodePipeline's source
// action produces, a tree without `.git` plus the source variables (aws-semantics.md §2.5).
// Repositories are local paths, file:// or http(s):// URLs; an https token comes from an
// environment variable named by the caller and never appears in messages or logs.
#include <map>
#include <string>

#include "model/expected.hpp"

namespace pipemu::source {

struct GitSourceRequest {
  std::string repository;  // path, file://..., https://...
  std::string branch;      // "" = the repository's HEAD branch
  std::string commit;      // "" = the branch head; else this commit (full or abbreviated id)
  std::string token_env;   // for http(s): env var with the token (GitHub: OAuthToken)
  bool worktree = false;   // local repositories only: the working tree as it is (dirty, untracked
                           // files included, ignored files left out); variables from HEAD
  std::string checkout_dir;  // where the tree goes (created; must not exist or be empty)
  // Names for the variables; defaults come from the URL/path ("owner/repo").
  std::string repository_name;
  std::string full_repository_name;
};

struct SourceRevision {
  std::string dir;  // the checked-out tree, without .git
  std::string commit_id;
  std::string branch_name;
  std::string commit_message;
  std::string author_date;     // ISO 8601 UTC, e.g. 2019-07-13T16:08:10Z
  std::string committer_date;
  std::string repository_name;
  std::string full_repository_name;
  bool dirty = false;  // worktree mode with local changes

  // CodePipeline's source action variables (CommitId, BranchName, ...).
  std::map<std::string, std::string> variables() const;
};

Expected<SourceRevision, std::string> fetch_source(const GitSourceRequest& request);

// The source artifact: a zip of `dir` without .git.
Expected<Ok, std::string> write_source_artifact(const std::string& dir, const std::string& zip_path);

// "https://github.com/acme/service-x.git" -> {"service-x", "acme/service-x"}.
std::pair<std::string, std::string> repository_names(const std::string& repository);

}  // namespace pipemu::source
