#include <catch2/catch.hpp>

#include <set>

#include "scenario/suite.hpp"
#include "scenario_support.hpp"

using namespace pipemu::scenario;

TEST_CASE("discover finds scenario folders sorted, and a folder or file names one scenario") {
  pipemu::test::TempFolder dir;
  for (auto n : {"c", "a", "group/b"}) dir.write(std::string("s/") + n + "/scenario.yaml", "x: 1\n");
  dir.write("s/a/repo/nested/scenario.yaml", "x: 1\n");  // inside a scenario: not another one
  auto all = discover({(dir.path / "s").string()});
  REQUIRE(all);
  std::vector<std::string> names;
  for (const auto& e : *all) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"a", "c", "b"});  // sorted by path: s/a, s/c, s/group/b
  auto one = discover({(dir.path / "s/c").string(), (dir.path / "s/c/scenario.yaml").string()});
  REQUIRE(one);
  CHECK(one->size() == 1);
  auto missing = discover({(dir.path / "nope").string()});
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == (dir.path / "nope").string() + ": no such file or folder");
}

TEST_CASE("shard I/N splits into disjoint parts whose union is the whole suite") {
  std::vector<SuiteEntry> all;
  for (int i = 0; i < 17; ++i) all.push_back({"s" + std::to_string(100 + i), "/x/s" + std::to_string(100 + i)});
  for (int n : {1, 2, 3, 4, 17, 20}) {
    std::multiset<std::string> seen;
    size_t smallest = all.size(), largest = 0;
    for (int i = 1; i <= n; ++i) {
      auto part = select(all, Shard{i, n}, "");
      smallest = std::min(smallest, part.size());
      largest = std::max(largest, part.size());
      for (const auto& e : part) seen.insert(e.name);
    }
    CHECK(seen.size() == all.size());
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == all.size());  // no duplicates
    CHECK(largest - smallest <= 1);
  }
  // Deterministic: the same call gives the same answer.
  CHECK(select(all, Shard{2, 3}, "").front().name == "s101");
}

TEST_CASE("shard text is checked") {
  CHECK(parse_shard("2/4")->index == 2);
  CHECK(parse_shard("4/4")->count == 4);
  for (auto bad : {"0/4", "5/4", "1/0", "a/b", "2", "2/4x", ""}) {
    auto r = parse_shard(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error() == std::string("--shard '") + bad + "' must be I/N with 1 <= I <= N (e.g. 2/4)");
  }
}

TEST_CASE("filter is a glob on the scenario name; commas give alternatives") {
  CHECK(matches_filter("missing-export-eu", "missing-*"));
  CHECK_FALSE(matches_filter("flagship", "missing-*"));
  CHECK(matches_filter("flagship", "missing-*,flag*"));
  CHECK(matches_filter("build-timeout", "build-?imeout"));
  CHECK(matches_filter("anything", ""));
  std::vector<SuiteEntry> all = {{"a-1", "1"}, {"b-1", "2"}, {"a-2", "3"}};
  auto picked = select(all, Shard{1, 1}, "a-*");
  REQUIRE(picked.size() == 2);
  CHECK(picked[1].name == "a-2");
}
