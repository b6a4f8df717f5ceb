// Source stage against real git repositories made in the test with the git CLI.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "source/git_source.hpp"
#include "source/zip_archive.hpp"
#include "support/run_command.hpp"

namespace fs = std::filesystem;
using namespace pipemu;

namespace {

struct Repo {
  fs::path root;
  Repo() {
    std::string tmpl = (fs::temp_directory_path() / "pipemu-git.XXXXXX").string();
    root = ::mkdtemp(tmpl.data());
    git("init -q -b main repo");
    git("-C repo config user.email dev@example.com");
    git("-C repo config user.name Dev");
  }
  ~Repo() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  fs::path repo() const { return root / "repo"; }
  void git(const std::string& args) const {
    auto r = test::run_command("cd '" + root.string() + "' && GIT_AUTHOR_DATE='2019-07-13T16:08:10Z' "
                               "GIT_COMMITTER_DATE='2019-07-13T16:08:10Z' git " + args);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
  }
  std::string head(const std::string& rev = "HEAD") const {
    auto r = test::run_command("git -C '" + repo().string() + "' rev-parse " + rev);
    return r.output.substr(0, 40);
  }
  void write(const std::string& rel, const std::string& content) const {
    fs::create_directories((repo() / rel).parent_path());
    std::ofstream(repo() / rel) << content;
  }
  std::string out(const std::string& name) const { return (root / name).string(); }
};

std::string read(const fs::path& p) {
  std::ifstream f(p);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("git source: branch head, commit, variables and the zip without .git", "[source]") {
  Repo r;
  r.write("app.txt", "v1\n");
  r.git("-C repo add -A && git -C repo commit -q -m 'First commit'");
  std::string first = r.head();
  r.write("app.txt", "v2\n");
  r.git("-C repo commit -q -am 'Second commit' -m 'with a body'");
  r.git("-C repo checkout -q -b feature && echo f > repo/feature.txt && git -C repo add -A && git -C repo commit -q -m Feature && git -C repo checkout -q main");

  source::GitSourceRequest req;
  req.repository = r.repo().string();
  req.branch = "main";
  req.checkout_dir = r.out("co1");
  auto rev = source::fetch_source(req);
  REQUIRE(rev);
  CHECK(rev->commit_id == r.head("main"));
  CHECK(rev->branch_name == "main");
  CHECK(rev->commit_message == "Second commit\n\nwith a body");
  CHECK(rev->author_date == "2019-07-13T16:08:10Z");
  CHECK(rev->repository_name == "repo");
  CHECK(read(fs::path(rev->dir) / "app.txt") == "v2\n");
  CHECK_FALSE(fs::exists(fs::path(rev->dir) / ".git"));
  CHECK_FALSE(fs::exists(fs::path(rev->dir) / "feature.txt"));
  auto vars = rev->variables();
  CHECK(vars.at("CommitId") == rev->commit_id);
  CHECK(vars.at("BranchName") == "main");

  req.branch = "feature";
  req.checkout_dir = r.out("co2");
  auto feat = source::fetch_source(req);
  REQUIRE(feat);
  CHECK(feat->branch_name == "feature");
  CHECK(fs::exists(fs::path(feat->dir) / "feature.txt"));

  req.branch = "main";
  req.commit = first.substr(0, 10);
  req.checkout_dir = r.out("co3");
  auto old = source::fetch_source(req);
  REQUIRE(old);
  CHECK(old->commit_id == first);
  CHECK(read(fs::path(old->dir) / "app.txt") == "v1\n");

  std::string zip = r.out("source.zip");
  REQUIRE(source::write_source_artifact(rev->dir, zip));
  auto names = source::zip_names(zip);
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"app.txt"});
}

TEST_CASE("git source: file:// URLs and the working tree", "[source]") {
  Repo r;
  r.write("a.txt", "committed\n");
  r.write(".gitignore", "build/\n");
  r.git("-C repo add -A && git -C repo commit -q -m Init");
  r.write("a.txt", "changed, not committed\n");
  r.write("new.txt", "untracked\n");
  r.write("build/out.o", "ignored\n");

  source::GitSourceRequest req;
  req.repository = "file://" + r.repo().string();
  req.checkout_dir = r.out("url");
  auto rev = source::fetch_source(req);
  REQUIRE(rev);
  CHECK(read(fs::path(rev->dir) / "a.txt") == "committed\n");
  CHECK(rev->branch_name == "main");

  req.repository = r.repo().string();
  req.worktree = true;
  req.checkout_dir = r.out("wt");
  auto wt = source::fetch_source(req);
  REQUIRE(wt);
  CHECK(wt->dirty);
  CHECK(wt->commit_id == r.head());
  CHECK(read(fs::path(wt->dir) / "a.txt") == "changed, not committed\n");
  CHECK(fs::exists(fs::path(wt->dir) / "new.txt"));
  CHECK_FALSE(fs::exists(fs::path(wt->dir) / "build"));
  CHECK_FALSE(fs::exists(fs::path(wt->dir) / ".git"));
}

TEST_CASE("git source: errors for unknown branches, commits and unreachable URLs", "[source]") {
  Repo r;
  r.write("a.txt", "x\n");
  r.git("-C repo add -A && git -C repo commit -q -m Init");
  source::GitSourceRequest req;
  req.repository = r.repo().string();
  req.branch = "nope";
  req.checkout_dir = r.out("b");
  auto branch = source::fetch_source(req);
  REQUIRE_FALSE(branch);
  CHECK(branch.error().rfind("cannot fetch branch 'nope' of " + r.repo().string(), 0) == 0);

  req.branch = "";
  req.commit = "deadbeef";
  req.checkout_dir = r.out("c");
  auto commit = source::fetch_source(req);
  REQUIRE_FALSE(commit);
  CHECK(commit.error() == "commit deadbeef is not in " + r.repo().string());

  ::setenv("PIPEMU_TEST_TOKEN", "tok-should-not-leak", 1);
  req.commit = "";
  req.repository = "https://nonexistent.invalid/acme/service-x.git";
  req.token_env = "PIPEMU_TEST_TOKEN";
  req.checkout_dir = r.out("u");
  auto url = source::fetch_source(req);
  REQUIRE_FALSE(url);
  CHECK(url.error().rfind("cannot fetch https://nonexistent.invalid/acme/service-x.git: ", 0) == 0);
  CHECK(url.error().find("tok-should-not-leak") == std::string::npos);
  CHECK(source::repository_names(req.repository) == std::make_pair(std::string("service-x"), std::string("acme/service-x")));

  req.repository = (r.root / "does-not-exist").string();
  req.checkout_dir = r.out("d");
  auto missing = source::fetch_source(req);
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == "repository " + req.repository + " does not exist");
}

TEST_CASE("zip: extraction refuses entries escaping the target", "[source]") {
  Repo r;
  fs::path evil = r.root / "evil.zip";
  auto z = test::run_command("cd '" + r.root.string() + "' && mkdir -p d && echo x > outside.txt && cd d && "
                             "python3 -c \"import zipfile; z=zipfile.ZipFile('../evil.zip','w'); z.writestr('../escape.txt','x'); z.close()\"");
  REQUIRE(z.exit_code == 0);
  auto res = source::extract_zip(evil.string(), (r.root / "target").string());
  REQUIRE_FALSE(res);
  CHECK(res.error() == "zip entry '../escape.txt' in " + evil.string() + " points outside the target directory");
  CHECK_FALSE(fs::exists(r.root / "escape.txt"));
}
