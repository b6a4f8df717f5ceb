#pragma once
// One scenario file (scenarios/<name>/scenario.yaml) as plain data: what is given before the run,
// what happens (the push, webhook, approvals), the faults injected, and what must be true after.
// Every value keeps the source mark of its YAML node so a failed expectation can point at the
// line that stated it. docs/reference/scenario-format.md documents every key.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/source_text.hpp"

namespace pipemu::scenario {

using model::Mark;

// A scalar with where it was written.
struct Text {
  std::string value;
  Mark mark;
};

// A commit made on top of the fixture (or of the previous commit), on `branch`.
struct Commit {
  std::string message;
  std::string branch;  // "" = the current branch
  std::map<std::string, std::string> files;  // path -> content (written over the tree)
  std::vector<std::string> remove;           // paths deleted
  Mark mark;
};

struct Repository {
  std::string fixture;                       // folder relative to the scenario folder ("" = none)
  std::map<std::string, std::string> files;  // inline files, written over the fixture
  std::string branch = "master";             // the first commit's branch
  std::vector<Commit> commits;               // made after the first one, in order
  Mark mark;
};

// A stack deployed into a region before the run, from a template in the scenario folder.
struct SeedStack {
  std::string name;
  std::string template_path;  // relative to the scenario folder
  std::map<std::string, std::string> parameters;
  Mark mark;
};

struct SeedObject {
  std::string bucket;
  std::string key;
  std::string content;
  Mark mark;
};

// The fakes' state in one region before the run.
struct RegionSeed {
  std::string region;
  std::map<std::string, std::string> parameters;  // SSM name -> value (String)
  std::vector<std::string> buckets;
  std::vector<SeedObject> objects;
  std::vector<SeedStack> stacks;
  std::map<std::string, std::string> exports;  // made by one generated stack per region
  Mark mark;
};

struct Given {
  Repository repository;
  std::string pipeline;   // the pipeline template, relative to the scenario folder
  std::string buildspec;  // optional: a file copied into the repository at buildspec_target
  std::string buildspec_target;
  std::map<std::string, std::string> parameters;  // template parameter overrides (--param)
  std::string region = "us-east-1";               // the pipeline's region
  std::string executor = "local";                 // local | docker | auto
  std::vector<RegionSeed> state;
  Mark pipeline_mark;
};

// One trigger. Several runs model "re-run" scenarios (an empty change set the second time).
struct Trigger {
  std::string branch;   // push to this branch ("" = the repository's first branch)
  std::string commit;   // or check out this commit (sha, or `HEAD~1` style relative to branch)
  std::string webhook;  // JSON payload (inline text or file contents); "" = a plain push
  std::map<std::string, std::string> webhook_headers;
  Mark mark;
};

struct When {
  std::vector<Trigger> runs;  // at least one; expectations apply to the last
  std::string approve = "all";  // all | none: the default answer to manual approvals
  std::map<std::string, std::string> approvals;  // action name -> approved | rejected
  Mark mark;
};

struct Fault {
  enum class Kind {
    BuildCommand,  // a buildspec command fails (exit code)
    BuildPhase,    // a phase fails before its first command
    Resource,      // a resource type fails in a region with a message
    Unavailable,   // a region's fakes (or one service) answer ServiceUnavailable
    Slow,          // ... answer after a delay
    Throttle,      // an API call is throttled N times
    Timeout,       // an action times out after a given time
  };
  Kind kind = Kind::BuildCommand;
  std::string region = "*";
  std::string service = "*";
  std::string operation = "*";
  std::string phase;          // BuildPhase: INSTALL, PRE_BUILD, BUILD, POST_BUILD
  std::string command;        // BuildCommand: the command text as written in the buildspec
  int exit_code = 1;
  std::string resource_type;  // Resource
  std::string message;        // Resource
  std::string resource_operation = "create";  // create | update | delete
  std::string action;         // Timeout: the action's name
  int times = -1;             // Throttle: how many calls; -1 = every call
  std::int64_t ms = 0;        // Slow: delay; Timeout: the limit
  Mark mark;
};

// One expectation with where it was written; `kind` tells which fields are used.
struct Expectation {
  enum class Kind {
    Started,        // an execution started (or not: a push to another branch)
    Status,         // the execution status
    StageStatus,
    ActionStatus,
    ErrorContains,  // an action's error (or the execution's summary when action is "")
    LogContains,    // an action's log tail
    Before,         // `a` finishes before `b` starts
    Overlap,        // every pair of `names` overlaps in time
    Artifact,       // an artifact exists, with files / sha256 / regions
    Stack,          // a stack in a region: status, reason, resources, outputs
    NoStack,        // no such stack in a region
    Export,         // an export in a region (value "" = any)
    NoExport,
    Nothing,        // no action ran in the region and no stack changed there
  };
  Kind kind = Kind::Status;
  std::string stage;
  std::string action;
  std::string region;
  Mark region_mark;      // where the region is written, when it is a key of its own (stacks, exports)
  std::string name;      // stack, artifact or export name
  std::string expected;  // status word, substring, value
  std::string a, b;
  std::vector<Text> names;                       // Overlap
  std::vector<Text> files;                       // Artifact: paths that must be inside
  std::string sha256;                            // Artifact
  std::vector<Text> regions;                     // Artifact: stores holding a copy
  std::string reason_contains;                   // Stack
  std::map<std::string, Text> resources;         // Stack: logical id -> type
  std::map<std::string, Text> outputs;           // Stack: key -> value
  Mark mark;
};

struct Scenario {
  std::string name;
  std::string description;
  // Non-empty: a known gap in pipemu, written down as a scenario so it is not forgotten. The
  // runner reports it as PENDING with this reason and does not run it; it neither passes nor fails.
  std::string pending;
  std::string folder;  // the scenario folder (absolute)
  std::string file;    // the scenario.yaml path
  Given given;
  When when;
  std::vector<Fault> faults;
  std::vector<Expectation> then;
};

}  // namespace pipemu::scenario
