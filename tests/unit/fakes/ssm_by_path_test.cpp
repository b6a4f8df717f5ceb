// GetParametersByPath and DescribeParameters read an index range of names: only names under the
// path, each parameter once at its latest version however many versions it kept, pages that
// resume after the token, filters applied before a page counts a row.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "fakes/ssm/service.hpp"

using namespace pipemu;

namespace {
const std::string A = fakes::kDefaultAccount;
const std::string R = "eu-west-1";

void put(ssm::Service& svc, const std::string& name, const std::string& value,
         const std::string& type = "String") {
  ssm::PutParameterRequest r;
  r.name = name;
  r.value = value;
  r.type = type;
  r.overwrite = true;
  REQUIRE(svc.put_parameter(A, R, r));
}

std::vector<std::string> names(ssm::Service& svc, ssm::GetByPathRequest in) {
  std::vector<std::string> out;
  while (true) {
    auto page = svc.get_parameters_by_path(A, R, in);
    REQUIRE(page);
    CHECK(static_cast<int>(page->parameters.size()) <= in.max_results);
    for (const auto& p : page->parameters) out.push_back(p.name + "=" + p.value);
    if (page->next_token.empty()) return out;
    in.next_token = page->next_token;
  }
}
}  // namespace

TEST_CASE("ssm by path: only the path's names, latest versions, pages of max_results") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  for (int v = 1; v <= 30; ++v) put(svc, "/p/a", "a" + std::to_string(v));  // 30 versions
  put(svc, "/p/b", "b");
  put(svc, "/p/c/d", "d");
  put(svc, "/p/c/e/f", "f", "SecureString");
  // Neighbours of the range "/p/" .. "/p0": a shorter name, '-' (< '/') and '0' (the bound).
  put(svc, "/p", "outside");
  put(svc, "/p-x/y", "outside");
  put(svc, "/p0/y", "outside");
  put(svc, "/q/a", "outside");

  ssm::GetByPathRequest in;
  in.path = "/p";
  in.max_results = 1;
  CHECK(names(svc, in) == std::vector<std::string>{"/p/a=a30", "/p/b=b"});
  in.recursive = true;
  in.with_decryption = true;
  in.max_results = 2;
  CHECK(names(svc, in) ==
        std::vector<std::string>{"/p/a=a30", "/p/b=b", "/p/c/d=d", "/p/c/e/f=f"});
  in.path = "/p/c/";  // a trailing slash names the same path
  CHECK(names(svc, in) == std::vector<std::string>{"/p/c/d=d", "/p/c/e/f=f"});

  // A filter skips rows without ending the page early.
  in.path = "/p";
  in.max_results = 1;
  in.filters = {{"Type", "Equals", {"SecureString"}}};
  CHECK(names(svc, in) == std::vector<std::string>{"/p/c/e/f=f"});

  // DescribeParameters walks every name once.
  ssm::DescribeRequest d;
  d.max_results = 3;
  int seen = 0;
  while (true) {
    auto page = svc.describe_parameters(A, R, d);
    REQUIRE(page);
    seen += static_cast<int>(page->parameters.size());
    if (page->next_token.empty()) break;
    d.next_token = page->next_token;
  }
  CHECK(seen == 8);
}

TEST_CASE("ssm by path: pages across the store's batches; a Label filter sees labels") {
  fakes::Registry reg;
  ssm::Service svc(reg);
  std::vector<std::string> want;
  for (int i = 0; i < 40; ++i) {  // more names than one read batch
    std::string n = fmt::format("/many/p{:02}", i);
    put(svc, n, "v");
    want.push_back(n + "=v");
  }
  ssm::GetByPathRequest in;
  in.path = "/many";
  in.max_results = 10;
  CHECK(names(svc, in) == want);

  REQUIRE(svc.label_parameter_version(A, R, "/many/p07", std::nullopt, {"prod"}));
  REQUIRE(svc.label_parameter_version(A, R, "/many/p33", std::nullopt, {"prod"}));
  in.filters = {{"Label", "Equals", {"prod"}}};
  in.max_results = 1;
  CHECK(names(svc, in) == std::vector<std::string>{"/many/p07=v", "/many/p33=v"});
}
