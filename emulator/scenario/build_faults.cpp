// Build faults are data written into the scenario's own copy of the buildspec, so the real
// buildspec runner fails the real way (CodeBuild's COMMAND_EXECUTION_ERROR for that command and
// phase) with no hook inside the build code.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "scenario/workspace.hpp"

namespace pipemu::scenario {

namespace {

std::string phase_key(const std::string& phase) {
  std::string k;
  for (char c : phase) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;  // BUILD -> build, PRE_BUILD -> pre_build
}

std::string failing(const std::string& what, int code) {
  return fmt::format("(exit {}) # pipemu fault: {}", code, what);
}

}  // namespace

Expected<std::string, std::string> inject_build_faults(const std::string& buildspec_yaml,
                                                       const std::vector<Fault>& faults) {
  YAML::Node root;
  try {
    root = YAML::Load(buildspec_yaml);
  } catch (const YAML::Exception& e) {
    return unexpected(fmt::format("the buildspec is not YAML ({}); build faults need one", e.what()));
  }
  if (!root.IsMap()) return unexpected(std::string("the buildspec is not a mapping"));
  for (const auto& f : faults) {
    if (f.kind == Fault::Kind::BuildPhase) {
      YAML::Node phases = root["phases"];
      YAML::Node phase = phases[phase_key(f.phase)];
      YAML::Node commands = phase["commands"];
      YAML::Node fresh(YAML::NodeType::Sequence);
      fresh.push_back(failing("phase " + f.phase, f.exit_code));
      if (commands.IsSequence())
        for (const auto& c : commands) fresh.push_back(c);
      phase["commands"] = fresh;
    } else if (f.kind == Fault::Kind::BuildCommand) {
      bool found = false;
      if (root["phases"].IsMap())
        for (auto p : root["phases"]) {
          YAML::Node commands = p.second["commands"];
          if (!commands.IsSequence()) continue;
          for (std::size_t i = 0; i < commands.size(); ++i)
            if (commands[i].IsScalar() && commands[i].as<std::string>() == f.command) {
              commands[i] = failing(f.command, f.exit_code);
              found = true;
            }
        }
      if (!found)
        return unexpected(fmt::format("build_command fault: no command '{}' in the buildspec", f.command));
    }
  }
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace pipemu::scenario
