#pragma once
// SessionFiles over the Engine API, for the docker executor's copy mode: files go in with PUT
// archive, lines reach the shell's FIFO through an exec of printf (the engine offers no plain
// "write to a file" call, and an attached stdin needs a hijacked connection httplib cannot
// hold), results come back with GET archive and are extracted safely (archive.hpp). A step's
// command file rides in the same exec as its line: each engine call costs tens of milliseconds
// (an exec ~100, a PUT archive ~60 on the development machine), and a build makes one per step.
#include <string>
#include <vector>

#include "build/docker/client.hpp"
#include "build/executor.hpp"

namespace pipemu::build::docker {

class ContainerFiles : public SessionFiles {
 public:
  ContainerFiles(Client client, std::string id) : client_(std::move(client)), id_(std::move(id)) {}
  Expected<Ok, std::string> put(const std::string& path, const std::string& content, int mode) override;
  Expected<Ok, std::string> send_line(const std::string& fifo, const std::string& line,
                                      const std::vector<std::pair<std::string, std::string>>& files) override;
  Expected<std::optional<std::string>, std::string> get(const std::string& path) override;
  Expected<std::vector<std::pair<std::string, std::string>>, std::string> fetch_dir(
      const std::string& container_dir, const std::string& host_dir) override;

 private:
  Client client_;
  std::string id_;
};

// Uploads each (host dir, container dir) pair's contents, in order, in one stream (container
// dirs are absolute; missing parents are created).
Expected<Ok, std::string> upload_dirs(const Client& client, const std::string& id,
                                      const std::vector<std::pair<std::string, std::string>>& dirs);

}  // namespace pipemu::build::docker
