// `pipemu run`: deploy the pipeline template as a stack in the pipeline region's fake, then
// replay the pipeline that stack created — Source from --repo, CodeBuild in Docker (or locally),
// CloudFormation into each action's region — with live progress, history and report files.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "build/project_build.hpp"
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_session.hpp"

namespace pipemu::cli {

std::function<int()> setup_run(CLI::App& app) {
  auto o = std::make_shared<RunSettings>();
  app.add_option("template", o->template_path, "Pipeline template (CloudFormation YAML/JSON)")->required();
  app.add_option("--repo", o->repo, "Repository the Source action fetches (path or URL)")->required();
  auto* branch = app.add_option("--branch", o->branch, "Branch (default: the action's Branch, else HEAD)");
  app.add_option("--commit", o->commit, "Commit to check out")->excludes(branch);
  app.add_flag("--worktree", o->worktree, "Use the local working tree as it is (uncommitted changes too)");
  app.add_option("--region", o->region, "Pipeline region (default: AWS_REGION, else us-east-1)");
  app.add_option("--state", o->state_dir, "State directory shared with `pipemu serve` (default .pipemu/state)");
  app.add_option("--report", o->report_dir, "Write report.json, junit.xml and report.html here");
  app.add_option("--executor", o->executor, "Where builds run")->check(CLI::IsMember({"auto", "docker", "local"}));
  add_engine_options(app, o->engine_files, o->fakes_host);
  app.add_option("--image", o->images, "Map a build image, FROM=TO (repeatable)");
  app.add_option("--approve", o->approve, "Manual approvals")->check(CLI::IsMember({"all", "none", "ask"}));
  app.add_option("--param", o->params, "Pipeline template parameter, Name=Value (repeatable)");
  app.add_option("--stack-name", o->stack_name, "Name of the pipeline stack (default pipemu-<template stem>)");
  app.add_option("--bootstrap", o->bootstraps,
                 "Deploy a template as a stack first, REGION=FILE (repeatable; like seeding with aws cloudformation deploy)");
  app.add_flag("--quiet", o->quiet, "Only failures and the result line");
  app.add_flag("--json", o->json, "JSON event lines on stdout instead of the terminal view");
  app.add_flag("--logs", o->show_logs, "Plain mode: print every action log line");
  return [o] {
    clean_up_builds_on_interrupt("run");
    return run_session(*o);
  };
}

}  // namespace pipemu::cli
