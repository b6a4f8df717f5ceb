#include "build/control_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

namespace pipemu::build {
namespace {

class SharedControl : public ControlFiles {
 public:
  SharedControl(std::string dir, int fifo) : dir_(std::move(dir)), fifo_(fifo) {}
  Expected<Ok, std::string> put(const std::string& rel, const std::string& content, bool secret) override {
    std::string path = dir_ + "/" + rel;
    {
      std::ofstream f(path, std::ios::binary | std::ios::trunc);
      if (secret) ::chmod(path.c_str(), 0600);  // before the secrets go in
      f << content;
      if (!f) return unexpected("cannot write " + path);
    }
    return Ok{};
  }
  Expected<Ok, std::string> send(const std::string& line) override {
    if (::write(fifo_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
      return unexpected(std::string("the build shell's input is closed"));
    return Ok{};
  }
  std::optional<std::string> get(const std::string& rel) override {
    std::ifstream f(dir_ + "/" + rel, std::ios::binary);
    if (!f) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }

 private:
  std::string dir_;
  int fifo_;
};

class CopiedControl : public ControlFiles {
 public:
  CopiedControl(SessionFiles& files, std::string dir) : files_(files), dir_(std::move(dir)) {}
  // Secrets go in at once (PUT archive, owner-only); other files wait for the next line and
  // travel with it (one engine call per step instead of two).
  Expected<Ok, std::string> put(const std::string& rel, const std::string& content, bool secret) override {
    if (secret) return files_.put(dir_ + "/" + rel, content, 0600);
    pending_.emplace_back(dir_ + "/" + rel, content);
    return Ok{};
  }
  Expected<Ok, std::string> send(const std::string& line) override {
    auto sent = files_.send_line(dir_ + "/in", line, pending_);
    pending_.clear();
    return sent;
  }
  std::optional<std::string> get(const std::string& rel) override {
    for (const auto& [path, content] : pending_)
      if (!files_.put(path, content, 0644)) return std::nullopt;
    pending_.clear();
    auto got = files_.get(dir_ + "/" + rel);
    if (!got) return std::nullopt;
    return *got;
  }

 private:
  SessionFiles& files_;
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> pending_;
};

}  // namespace

std::unique_ptr<ControlFiles> shared_control(std::string ctl_host, int fifo_fd) {
  return std::make_unique<SharedControl>(std::move(ctl_host), fifo_fd);
}

std::unique_ptr<ControlFiles> copied_control(SessionFiles& files, std::string ctl_in) {
  return std::make_unique<CopiedControl>(files, std::move(ctl_in));
}

}  // namespace pipemu::build
