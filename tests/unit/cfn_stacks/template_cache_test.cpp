// The cache of parsed template bodies (engine/template_cache): a body seen before is not parsed
// again, failures are not kept, and the oldest body leaves once 16 newer ones came.
#include <catch2/catch.hpp>

#include <string>

#include "fakes/cloudformation/engine/template_cache.hpp"

using namespace pipemu::cfn;

namespace {

// A body no other test uses, so the process-wide cache starts cold for it.
std::string body(int n) {
  return R"({"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "cache-)" +
         std::to_string(n) + R"("}}}})";
}

}  // namespace

TEST_CASE("a template body parsed before comes back as the same parsed template") {
  auto first = parsed_template(body(1000));
  REQUIRE(first);
  auto again = parsed_template(body(1000));
  REQUIRE(again);
  CHECK(first->get() == again->get());
  REQUIRE((*again)->resources.size() == 1);
  CHECK((*again)->resources[0].logical_id == "T");
  auto other = parsed_template(body(1001));
  REQUIRE(other);
  CHECK(other->get() != first->get());
}

TEST_CASE("a body that does not parse fails every time with the parser's message") {
  const std::string bad = "{\"Resources\": ";
  auto r1 = parsed_template(bad);
  REQUIRE_FALSE(r1);
  CHECK(r1.error().message.rfind("Template format error: JSON not well-formed.", 0) == 0);
  auto r2 = parsed_template(bad);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().message == r1.error().message);
}

TEST_CASE("the oldest body is parsed afresh once 16 newer bodies were seen") {
  auto oldest = parsed_template(body(2000));
  REQUIRE(oldest);
  for (int i = 1; i <= 16; ++i) REQUIRE(parsed_template(body(2000 + i)));
  auto again = parsed_template(body(2000));
  REQUIRE(again);
  CHECK(again->get() != oldest->get());  // a new parse, equal in content
  CHECK((*again)->resources[0].logical_id == "T");
  auto newest = parsed_template(body(2016));
  REQUIRE(newest);
  auto newest_again = parsed_template(body(2016));
  CHECK(newest->get() == newest_again->get());
}
