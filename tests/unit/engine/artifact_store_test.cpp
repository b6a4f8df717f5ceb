// Artifact stores: key layout, zips and manifests, cross-region copies, bad store buckets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "engine/artifact_store.hpp"
#include "engine/scheduler.hpp"
#include "engine/zip_files.hpp"
#include "engine_fakes_support.hpp"

using namespace pipemu;
using namespace pipemu::engine;
using pipemu::test::make_action;
using pipemu::test::make_pipeline;

namespace {

std::string tmp(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / "pipemu-artifact-test" / name;
  std::filesystem::create_directories(p.parent_path());
  return p.string();
}

}  // namespace

TEST_CASE("artifact keys truncate the pipeline name to 20 and the artifact name to 10",
          "[artifacts]") {
  CHECK(artifact_key("CodeBuild-Python-Pip-Pipeline", "SourceArtifact", "1TspnN3") ==
        "CodeBuild-Python-Pip/SourceArti/1TspnN3");
  CHECK(artifact_key("short", "Out", "abcdefg") == "short/Out/abcdefg");
}

TEST_CASE("outputs are stored in the pipeline region and copied to a consuming region",
          "[artifacts]") {
  test::MemoryS3 s3;
  s3.bucket_regions = {{"store-eu", "eu-west-1"}, {"store-us", "us-east-1"}};
  RandomIds ids(7);
  auto producer = make_action("Build", "Build", "CodeBuild", 1, {}, {"BuildOutput"});
  auto consumer = make_action("DeployUs", "Deploy", "CloudFormation", 1, {"BuildOutput"});
  consumer.region = "us-east-1";
  auto p = make_pipeline("my-pipeline", {{"B", {producer}}, {"D", {consumer}}},
                         {{"eu-west-1", "store-eu"}, {"us-east-1", "store-us"}});
  ArtifactStore store(p, "eu-west-1", s3, ids);

  std::string zip = tmp("out.zip");
  REQUIRE(write_zip(zip, {{"template.yaml", "Resources: {}\n"}, {"dir/a.txt", "hello"}}));
  auto stored = store.store_outputs(p.stages[0].actions[0], "eu-west-1", {{"BuildOutput", zip}});
  REQUIRE(stored);
  REQUIRE(stored->size() == 1);
  const ArtifactRecord& rec = (*stored)[0];
  CHECK(rec.produced_by == "Build");
  CHECK(rec.sha256 == sha256_hex(*read_file(zip)));
  CHECK(rec.size == read_file(zip)->size());
  REQUIRE(rec.files.size() == 2);
  CHECK(rec.files[0].path == "dir/a.txt");
  CHECK(rec.files[0].size == 5);
  REQUIRE(rec.locations.size() == 1);
  CHECK(rec.locations[0].bucket == "store-eu");
  CHECK(std::regex_match(rec.locations[0].key, std::regex("my-pipeline/BuildOutpu/[A-Za-z0-9]{7}")));
  CHECK(s3.objects["store-us"].empty());

  auto inputs = store.fetch_inputs(p.stages[1].actions[0], "us-east-1", tmp("work"));
  REQUIRE(inputs);
  REQUIRE(inputs->size() == 1);
  CHECK((*inputs)[0].location.region == "us-east-1");
  CHECK((*inputs)[0].location.bucket == "store-us");
  CHECK(s3.objects["store-us"].size() == 1);
  CHECK(*read_zip_entry((*inputs)[0].zip_path, "dir/a.txt") == "hello");
  auto all = store.records();
  REQUIRE(all.size() == 1);
  CHECK(all[0].locations.size() == 2);  // the copy is part of the manifest
}

TEST_CASE("a store bucket that is missing or in another region fails like AWS", "[artifacts]") {
  test::MemoryS3 s3;
  s3.bucket_regions = {{"store-eu", "eu-west-1"}, {"store-us", "eu-west-1"}};
  RandomIds ids(7);
  auto producer = make_action("Build", "Build", "CodeBuild", 1, {}, {"Out"});
  auto consumer = make_action("DeployUs", "Deploy", "CloudFormation", 1, {"Out"});
  consumer.region = "us-east-1";
  auto consumer_ap = make_action("DeployAp", "Deploy", "CloudFormation", 1, {"Out"});
  consumer_ap.region = "ap-southeast-2";
  auto p = make_pipeline("p", {{"B", {producer}}, {"D", {consumer, consumer_ap}}},
                         {{"eu-west-1", "store-eu"}, {"us-east-1", "store-us"},
                          {"ap-southeast-2", "store-ap"}});
  ArtifactStore store(p, "eu-west-1", s3, ids);
  std::string zip = tmp("o.zip");
  REQUIRE(write_zip(zip, {{"f", "x"}}));
  REQUIRE(store.store_outputs(p.stages[0].actions[0], "eu-west-1", {{"Out", zip}}));

  auto wrong = store.fetch_inputs(p.stages[1].actions[0], "us-east-1", tmp("w1"));
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error() ==
        "Failed replicating 'Out': Invalid action configuration: [The bucket named store-us is "
        "not located in the us-east-1 AWS region]");
  auto missing = store.fetch_inputs(p.stages[1].actions[1], "ap-southeast-2", tmp("w2"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error() ==
        "Failed replicating 'Out': Invalid action configuration: [The bucket named store-ap does "
        "not exist] (artifact store for ap-southeast-2)");
}

TEST_CASE("a cross-region failure in the scheduler fails that action only", "[artifacts][scheduler]") {
  test::StepClock clock;
  RandomIds ids(1);
  test::ScriptedExecutor exec;
  test::OneExecutor executors(exec);
  test::MemoryS3 s3;
  s3.bucket_regions = {{"store-eu", "eu-west-1"}};  // us store never created
  test::RecordingReporter reporter;
  auto consumer = make_action("DeployUs", "Deploy", "CloudFormation", 1, {"S"});
  consumer.region = "us-east-1";
  auto p = make_pipeline("p", {{"Source", {make_action("Src", "Source", "GitHub", 1, {}, {"S"})}},
                               {"Deploy", {consumer}}},
                         {{"eu-west-1", "store-eu"}, {"us-east-1", "store-us"}});
  ArtifactStore store(p, "eu-west-1", s3, ids);
  SchedulerPorts ports{clock, ids, executors, store, reporter};
  RunOptions opts;
  opts.pipeline_region = "eu-west-1";
  opts.work_root = tmp("sched");
  RunRecord r = run_pipeline(p, opts, ports);
  CHECK(r.status == Status::Failed);
  const auto* a = r.stage("Deploy")->action("DeployUs");
  CHECK(a->region == "us-east-1");
  CHECK(a->error ==
        "Failed replicating 'S': Invalid action configuration: [The bucket named store-us does "
        "not exist] (artifact store for us-east-1)");
  auto seen = exec.seen();
  CHECK(std::find(seen.begin(), seen.end(), "DeployUs") == seen.end());  // never ran
}
