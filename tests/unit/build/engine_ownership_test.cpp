// What pipemu leaves in the Docker engine: every container and volume it creates is labelled with
// its owner (host:pid), and the next build removes those of dead processes of this host only.
// Against the real engine; the test's objects carry a host name of their own, so another pipemu
// sweeping the same engine at the same time never judges them.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>

#include "build/docker/ownership.hpp"
#include "build/docker_executor.hpp"
#include "build/live_objects.hpp"
#include "build_fixture.hpp"

using namespace pipemu;
using namespace pipemu::build;
using docker::Owner;

namespace {

// A pid that just ended (reaped, so not even a zombie).
long dead_pid() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

std::string unique(const std::string& prefix) {
  return prefix + std::to_string(std::random_device{}() % 1000000000u);
}

// Whether the engine's listing (containers or volumes carrying the owner label) holds `id`.
bool listed(const Expected<std::vector<docker::Client::Labelled>, std::string>& all,
            const std::string& id) {
  REQUIRE(all);
  for (const auto& x : *all)
    if (x.id == id) return true;
  return false;
}

bool volume_exists(const docker::Client& c, const std::string& name) {
  return listed(c.volumes_labelled(docker::kOwnerLabel), name);
}

bool container_exists(const docker::Client& c, const std::string& id) {
  return listed(c.containers_labelled(docker::kOwnerLabel), id);
}

}  // namespace

TEST_CASE("engine ownership: the owner label names host and pid, and parses back", "[build]") {
  Owner self = Owner::self();
  CHECK(self.pid == ::getpid());
  CHECK_FALSE(self.host.empty());
  auto back = Owner::parse(self.label());
  REQUIRE(back);
  CHECK(back->host == self.host);
  CHECK(back->pid == self.pid);
  auto colons = Owner::parse("fe80::1:42");  // the pid is after the last colon
  REQUIRE(colons);
  CHECK(colons->host == "fe80::1");
  CHECK(colons->pid == 42);
  for (const char* bad : {"", "host", ":12", "host:", "host:0", "host:-3", "host:12x"}) {
    INFO(bad);
    CHECK_FALSE(Owner::parse(bad));
  }
  auto labels = docker::object_labels("proj:7", Owner{"h", 9});
  CHECK(labels ==
        std::map<std::string, std::string>{{"pipemu.build", "proj:7"}, {"pipemu.owner", "h:9"}});
}

TEST_CASE("engine ownership: the build container carries its build and owner", "[build]") {
  SessionSpec spec;
  spec.image = "img";
  spec.command = {"/bin/sh"};
  spec.label = "p:1";
  auto cfg = container_config(spec, docker::Endpoint{}, FilesMode::Copy);
  CHECK(cfg["Labels"]["pipemu.build"] == "p:1");
  CHECK(cfg["Labels"]["pipemu.owner"] == Owner::self().label());
}

TEST_CASE("engine ownership: the note counts what was removed and whose it was", "[build]") {
  CHECK(docker::StaleObjects{}.note().empty());
  CHECK(docker::StaleObjects{0, 1, {12}, {}}.note() ==
        "removed 1 volume left in the Docker engine by pipemu processes that are gone (pid 12)");
  CHECK(docker::StaleObjects{2, 3, {12, 40}, {}}.note() ==
        "removed 2 containers and 3 volumes left in the Docker engine by pipemu processes that are "
        "gone "
        "(pids 12, 40)");
}

TEST_CASE("engine ownership: stale objects of dead processes of this host go, the rest stay",
          "[build][docker]") {
  const docker::Client& client = test::docker_executor().client();
  Owner self{unique("pipemu-test-host-"), ::getpid()};
  long dead = dead_pid();
  Owner gone{self.host, dead};
  Owner live{self.host, static_cast<long>(::getppid())};  // ctest (or the shell): running
  Owner elsewhere{unique("pipemu-other-host-"), dead};    // the same pid means nothing there
  std::string dead_volume = unique("pipemu-test-dead-"), live_volume = unique("pipemu-test-live-"),
              other_volume = unique("pipemu-test-other-"),
              mine_volume = unique("pipemu-test-mine-");
  REQUIRE(client.create_volume(dead_volume, docker::object_labels("t:1", gone)));
  REQUIRE(client.create_volume(live_volume, docker::object_labels("t:2", live)));
  REQUIRE(client.create_volume(other_volume, docker::object_labels("t:3", elsewhere)));
  REQUIRE(client.create_volume(mine_volume, docker::object_labels("t:4", self)));
  // A container of the dead process that still uses its volume (created, never started).
  nlohmann::json cfg = {
      {"Image", kStandInImage},
      {"Cmd", {"true"}},
      {"Labels", docker::object_labels("t:1", gone)},
      {"HostConfig",
       {{"Mounts", {{{"Type", "volume"}, {"Source", dead_volume}, {"Target", "/x"}}}}}}};
  auto container = client.create_container(cfg);
  REQUIRE(container);

  auto removed = docker::remove_stale(client, self);
  INFO(removed.note());
  for (const auto& e : removed.errors) INFO(e);
  CHECK(removed.containers == 1);
  CHECK(removed.volumes == 1);
  CHECK(removed.pids == std::vector<long>{dead});
  CHECK(removed.errors.empty());
  CHECK_FALSE(container_exists(client, *container));
  CHECK_FALSE(volume_exists(client, dead_volume));
  CHECK(volume_exists(client, live_volume));
  CHECK(volume_exists(client, other_volume));
  CHECK(volume_exists(client, mine_volume));
  CHECK(docker::remove_stale(client, self).note().empty());  // nothing left to remove

  for (const auto& v : {live_volume, other_volume, mine_volume}) (void)client.remove_volume(v);
}

TEST_CASE("engine ownership: an interrupted process removes the objects its builds still hold",
          "[build][docker]") {
  DockerExecutor& ex = test::docker_executor();
  auto dir = ex.create_engine_dir("t:5");
  REQUIRE(dir);
  auto keys = LiveObjects::process().keys();
  CHECK(std::find(keys.begin(), keys.end(), "volume " + dir->volume) != keys.end());
  ex.remove_engine_dir(dir->volume);  // the normal way: nothing left to undo
  keys = LiveObjects::process().keys();
  CHECK(std::find(keys.begin(), keys.end(), "volume " + dir->volume) == keys.end());
  CHECK_FALSE(volume_exists(ex.client(), dir->volume));

  LiveObjects registry;  // a fresh one: the process's own stays usable for the other tests
  int undone = 0;
  CHECK(registry.add("a", [&] { ++undone; }));
  CHECK(registry.add("b", [&] { ++undone; }));
  registry.drop("b");
  CHECK(registry.undo_all() == std::vector<std::string>{"a"});
  CHECK(undone == 1);
  CHECK_FALSE(registry.add("c", [&] { ++undone; }));  // ending: the caller undoes it itself
  CHECK(registry.undo_all().empty());
}
