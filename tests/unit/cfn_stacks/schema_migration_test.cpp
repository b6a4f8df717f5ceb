// A region's CloudFormation state written by the schema before templates became content-addressed
// and events found their stack by key (migration 2) opens with nothing lost: stacks live and
// deleted, their templates, their events in order; new events append after the old ones.
#include <catch2/catch.hpp>

#include "fakes/cloudformation/adapters/fakes_ports.hpp"
#include "fakes/cloudformation/service.hpp"
#include "fakes/cloudformation/store/store.hpp"
#include "fakes/cloudformation/store/schema.hpp"
#include "fakes/core/registry.hpp"
#include "support/temp_dir.hpp"
#include "world_support.hpp"

using namespace pipemu;
using namespace pipemu::cfn;

namespace {

const std::string kLiveId =
    "arn:aws:cloudformation:eu-west-1:123456789012:stack/app/11111111-aaaa";
const std::string kGoneId =
    "arn:aws:cloudformation:eu-west-1:123456789012:stack/app/00000000-bbbb";
const std::string kBody = R"({"Resources":{"T":{"Type":"AWS::SNS::Topic"}}})";

// The rows a pipemu with schema version 1 left: a deleted and a live stack of one name, sharing
// a template, with events interleaved between the two stacks.
void write_version_1(const std::filesystem::path& dir) {
  fakes::register_schema(store::kComponent, fakes::SchemaScope::Region, {store::migrations()[0]});
  fakes::Registry reg(fakes::Registry::Options{dir});
  auto& db = reg.region("eu-west-1");
  db.transaction([&] {
    auto stack = [&](const std::string& id, const std::string& status, std::int64_t deleted) {
      fakes::Statement(db,
                       "INSERT INTO cfn_stacks VALUES (?, 'app', ?, '', 'd', ?, ?, '[]', '[]', "
                       "'[]', '[]', '[]', '', '', 0, 0, 1, 0, ?)")
          .bind(1, id)
          .bind(2, status)
          .bind(3, kBody)
          .bind(4, kBody + " ")
          .bind(5, deleted)
          .run();
    };
    stack(kGoneId, "DELETE_COMPLETE", 5);
    stack(kLiveId, "CREATE_COMPLETE", 0);
    int n = 0;
    for (const auto* id : {&kGoneId, &kLiveId, &kGoneId, &kLiveId}) {
      ++n;
      fakes::Statement(db,
                       "INSERT INTO cfn_events (event_id, stack_id, stack_name, logical_id, "
                       "physical_id, resource_type, status, status_reason, properties, "
                       "timestamp) VALUES (?, ?, 'app', 'app', ?, 'AWS::CloudFormation::Stack', "
                       "'S', '', '', ?)")
          .bind(1, "e" + std::to_string(n))
          .bind(2, *id)
          .bind(3, *id)
          .bind(4, n)
          .run();
    }
  });
}

std::vector<std::string> event_ids(Service& cfn, const Caller& c, const std::string& stack) {
  auto events = cfn.describe_stack_events(c, stack);
  REQUIRE(events);
  std::vector<std::string> ids;
  for (const auto& e : *events) ids.push_back(e.event_id);
  return ids;
}

}  // namespace

TEST_CASE("cfn schema 2 migration keeps stacks, templates and events of a version 1 state") {
  pipemu::test::TempDir dir;
  write_version_1(dir.path);

  fakes::Registry reg(fakes::Registry::Options{dir.path});
  cfn::test::RegionalFakes aws(reg);
  FakesPorts ports(aws.s3, aws.ssm, cfn::test::kAccount);
  Service cfn([&](const std::string& r) -> fakes::Database& { return reg.region(r); }, ports,
              ProviderRegistry::with_defaults(), Clock::system(), 7);  // registers schema 2
  Caller c{cfn::test::kAccount, "eu-west-1"};

  auto live = cfn.describe_stacks(c, "app");
  REQUIRE(live);
  REQUIRE(live->size() == 1);
  CHECK(live->front().id == kLiveId);
  auto gone = cfn.describe_stacks(c, kGoneId);
  REQUIRE(gone);
  CHECK(gone->front().status == "DELETE_COMPLETE");
  // The template texts moved to their own table (DescribeStacks does not read them).
  reg.region("eu-west-1").read([&] {
    cfn::store::Store st(reg.region("eu-west-1"));
    auto with_templates = st.find_stack_by_id(kLiveId);
    REQUIRE(with_templates);
    CHECK(with_templates->template_body == kBody);
    CHECK(with_templates->processed_template == kBody + " ");
    auto deleted = st.find_stack_by_id(kGoneId);
    REQUIRE(deleted);
    CHECK(deleted->template_body == kBody);
  });

  CHECK(event_ids(cfn, c, kLiveId) == std::vector<std::string>{"e4", "e2"});
  CHECK(event_ids(cfn, c, kGoneId) == std::vector<std::string>{"e3", "e1"});

  // The migrated stack takes new events after its old ones.
  REQUIRE(cfn.delete_stack(c, "app", {}));
  auto after = event_ids(cfn, c, kLiveId);
  REQUIRE(after.size() > 2);
  CHECK(std::vector<std::string>(after.end() - 2, after.end()) ==
        std::vector<std::string>{"e4", "e2"});

  fakes::Statement version(reg.region("eu-west-1"),
                           "SELECT version FROM schema_versions WHERE component = ?");
  version.bind(1, std::string(store::kComponent));
  REQUIRE(version.step());
  CHECK(version.integer(0) == static_cast<std::int64_t>(store::migrations().size()));
}
