// The `faults` section: what to break during the run (spec.hpp Fault).
#include <fmt/format.h>

#include "model/text.hpp"
#include "scenario/parse_support.hpp"

namespace pipemu::scenario::detail {

using model::Node;

namespace {

const std::vector<std::string> kKinds = {"build_command", "build_phase", "resource", "unavailable",
                                         "slow",          "throttle",    "timeout"};
const std::vector<std::string> kServices = {"*", "s3", "ssm", "cloudformation"};
const std::vector<std::string> kPhases = {"INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD"};

void read_target(const Node& n, Fault& f, Reader& r) {
  if (auto* x = n.find("region")) f.region = r.str(*x, "fault region");
  if (auto* x = n.find("service")) f.service = r.word(*x, "fault service", kServices);
  if (auto* x = n.find("operation")) f.operation = r.str(*x, "fault operation");
}

Fault parse_one(const std::string& kind, const Node& n, const model::Mark& mark, Reader& r) {
  Fault f;
  f.mark = mark;
  if (kind == "build_command") {
    f.kind = Fault::Kind::BuildCommand;
    if (n.is_scalar()) {
      f.command = n.str();
    } else if (r.map(n, "build_command", {"command", "exit"})) {
      if (auto* x = n.find("command")) f.command = r.str(*x, "build_command.command");
      if (auto* x = n.find("exit")) f.exit_code = static_cast<int>(r.integer(*x, "exit", 1));
    }
    if (f.command.empty()) r.error(mark, "build_command needs the command text to fail");
  } else if (kind == "build_phase") {
    f.kind = Fault::Kind::BuildPhase;
    const Node* p = n.is_map() ? n.find("phase") : &n;
    if (n.is_map()) r.map(n, "build_phase", {"phase", "exit"});
    if (n.is_map())
      if (auto* x = n.find("exit")) f.exit_code = static_cast<int>(r.integer(*x, "exit", 1));
    if (p) f.phase = r.word(*p, "build_phase", kPhases);
    else r.error(mark, "build_phase needs a phase");
  } else if (kind == "resource") {
    f.kind = Fault::Kind::Resource;
    if (r.map(n, "resource fault", {"type", "region", "message", "operation"})) {
      if (auto* x = n.find("type")) f.resource_type = r.str(*x, "resource type");
      if (auto* x = n.find("region")) f.region = r.str(*x, "resource region");
      if (auto* x = n.find("message")) f.message = r.str(*x, "resource message");
      if (auto* x = n.find("operation"))
        f.resource_operation = r.word(*x, "resource operation", {"create", "update", "delete"});
    }
    if (f.resource_type.empty()) r.error(mark, "a resource fault needs a type (AWS::Lambda::Function)");
    if (f.message.empty()) r.error(mark, "a resource fault needs the message CloudFormation shows");
  } else if (kind == "unavailable" || kind == "slow" || kind == "throttle") {
    f.kind = kind == "unavailable" ? Fault::Kind::Unavailable
             : kind == "slow"      ? Fault::Kind::Slow
                                   : Fault::Kind::Throttle;
    if (r.map(n, kind, {"region", "service", "operation", "times", "ms"})) {
      read_target(n, f, r);
      if (auto* x = n.find("times")) f.times = static_cast<int>(r.integer(*x, "times", -1));
      if (auto* x = n.find("ms")) f.ms = r.integer(*x, "ms", 0);
    }
    if (f.kind == Fault::Kind::Slow && f.ms <= 0) r.error(mark, "a slow fault needs ms > 0");
    if (f.kind == Fault::Kind::Throttle && f.times < 0 && !n.find("times")) f.times = 1;
  } else if (kind == "timeout") {
    f.kind = Fault::Kind::Timeout;
    if (r.map(n, "timeout", {"action", "ms"})) {
      if (auto* x = n.find("action")) f.action = r.str(*x, "timeout action");
      if (auto* x = n.find("ms")) f.ms = r.integer(*x, "timeout ms", 0);
    }
    if (f.action.empty()) r.error(mark, "a timeout fault needs the action's name");
    if (f.ms <= 0) r.error(mark, "a timeout fault needs ms > 0 (when the action is cut off)");
  }
  return f;
}

}  // namespace

std::vector<Fault> parse_faults(const Node& faults, Reader& r) {
  std::vector<Fault> out;
  if (faults.is_null()) return out;
  if (!faults.is_sequence()) {
    r.error(faults.mark(), "faults must be a list, each item one of: " + text::join(kKinds, ", "));
    return out;
  }
  for (const auto& item : faults.items()) {
    if (!item.is_map() || item.size() != 1) {
      r.error(item.mark(), "each fault is a one-key mapping (e.g. `- throttle: {service: ssm, times: 3}`)");
      continue;
    }
    const auto& e = item.entries().front();
    if (!r.map(item, "a fault", kKinds)) continue;
    bool known = false;
    for (const auto& k : kKinds) known = known || k == e.key;
    if (!known) continue;
    out.push_back(parse_one(e.key, e.value, e.key_mark, r));
  }
  return out;
}

}  // namespace pipemu::scenario::detail
