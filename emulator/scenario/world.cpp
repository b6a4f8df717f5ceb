#include "scenario/world.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "engine/pipeline_stack.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;

namespace {

// A YAML double-quoted scalar.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string exports_template(const std::map<std::string, std::string>& exports) {
  std::string t =
      "Description: Exports seeded by the scenario (given.state.<region>.exports)\n"
      "Resources:\n  Seeded:\n    Type: AWS::CloudFormation::WaitConditionHandle\nOutputs:\n";
  int i = 0;
  for (const auto& [name, value] : exports)
    t += fmt::format("  Export{}:\n    Value: {}\n    Export:\n      Name: {}\n", ++i, quoted(value), quoted(name));
  return t;
}

std::string aws_text(const fakes::AwsError& e) { return e.code + ": " + e.message; }

}  // namespace

Expected<Ok, std::string> seed_state(engine::LocalAws& aws, const Scenario& s, const std::string& work_dir) {
  const std::string& acct = aws.account();
  for (const auto& seed : s.given.state) {
    const std::string& r = seed.region;
    auto where = [&](const std::string& what) { return fmt::format("given.state.{} {}", r, what); };
    for (const auto& b : seed.buckets) {
      std::optional<std::string> constraint;
      if (r != "us-east-1") constraint = r;
      auto made = aws.s3().create_bucket(acct, r, b, constraint);
      if (!made) return unexpected(fmt::format("{}: {}", where("bucket " + b), aws_text(made.error())));
    }
    for (const auto& o : seed.objects) {
      auto put = aws.s3().put_object(acct, r, o.bucket, o.key, o.content);
      if (!put) return unexpected(fmt::format("{}: {}", where("object " + o.bucket + "/" + o.key), aws_text(put.error())));
    }
    for (const auto& [name, value] : seed.parameters) {
      ssm::PutParameterRequest req;
      req.name = name;
      req.value = value;
      req.type = "String";
      auto put = aws.ssm().put_parameter(acct, r, req);
      if (!put) return unexpected(fmt::format("{}: {}", where("parameter " + name), aws_text(put.error())));
    }
    if (!seed.exports.empty()) {
      fs::path file = fs::path(work_dir) / fmt::format("exports-{}.yaml", r);
      std::ofstream(file) << exports_template(seed.exports);
      engine::PipelineStackRequest req{file.string(), r, "pipemu-scenario-exports", {}};
      auto made = engine::deploy_template_stack(aws, req);
      if (!made) return unexpected(fmt::format("{}: {}", where("exports"), made.error()));
    }
    for (const auto& st : seed.stacks) {
      engine::PipelineStackRequest req{st.template_path, r, st.name, st.parameters};
      auto made = engine::deploy_template_stack(aws, req);
      if (!made) return unexpected(fmt::format("{}: {}", where("stack " + st.name), made.error()));
      if (made->record.status.find("COMPLETE") == std::string::npos ||
          made->record.status.find("ROLLBACK") != std::string::npos)
        return unexpected(fmt::format("{}: the stack ended {}: {}", where("stack " + st.name),
                                      made->record.status, made->record.status_reason));
    }
  }
  return Ok{};
}

void install_faults(engine::LocalAws& aws, const Scenario& s) {
  for (const auto& f : s.faults) {
    switch (f.kind) {
      case Fault::Kind::Resource: {
        cfn::Operation op = f.resource_operation == "update"   ? cfn::Operation::Update
                            : f.resource_operation == "delete" ? cfn::Operation::Delete
                                                               : cfn::Operation::Create;
        aws.cloudformation().providers().set_fault(f.resource_type, f.region, f.message, op);
        break;
      }
      case Fault::Kind::Unavailable:
      case Fault::Kind::Slow:
      case Fault::Kind::Throttle: {
        fakes::FaultRule rule;
        rule.kind = f.kind == Fault::Kind::Unavailable ? fakes::FaultRule::Kind::Unavailable
                    : f.kind == Fault::Kind::Slow      ? fakes::FaultRule::Kind::Slow
                                                       : fakes::FaultRule::Kind::Throttle;
        rule.region = f.region;
        rule.service = f.service;
        rule.operation = f.operation;
        rule.times = f.times;
        rule.delay = std::chrono::milliseconds(f.ms);
        aws.registry().faults().add(rule);
        break;
      }
      default: break;
    }
  }
}

RegionState observe_region(engine::LocalAws& aws, const std::string& region) {
  RegionState state;
  cfn::Caller c{aws.account(), region};
  auto stacks = aws.cloudformation().describe_stacks(c);
  if (stacks)
    for (const auto& st : *stacks) {
      ObservedStack o{st.name, st.status, st.status_reason, {}, {}};
      for (const auto& out : st.outputs) o.outputs[out.key] = out.value;
      if (auto res = aws.cloudformation().list_stack_resources(c, st.name))
        for (const auto& r : *res) o.resources[r.logical_id] = r.type;
      state.stacks.push_back(std::move(o));
    }
  if (auto ex = aws.cloudformation().list_exports(c))
    for (const auto& e : *ex) state.exports[e.name] = e.value;
  return state;
}

std::set<std::string> scenario_regions(const Scenario& s) {
  std::set<std::string> out{s.given.region};
  for (const auto& seed : s.given.state) out.insert(seed.region);
  for (const auto& e : s.then)
    if (!e.region.empty()) out.insert(e.region);
  return out;
}

}  // namespace pipemu::scenario
