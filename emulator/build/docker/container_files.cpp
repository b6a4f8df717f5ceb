#include "build/docker/container_files.hpp"

#include <filesystem>

#include "build/docker/archive.hpp"

namespace fs = std::filesystem;

namespace pipemu::build::docker {

Expected<Ok, std::string> upload_dirs(const Client& client, const std::string& id,
                                      const std::vector<std::pair<std::string, std::string>>& dirs) {
  // Named from the root, so one PUT at "/" also creates the parents the paths need.
  std::vector<std::pair<std::string, std::string>> named;
  for (const auto& [host, container] : dirs)
    named.emplace_back(host, fs::path(container).relative_path().generic_string());
  return client.put_archive_stream(id, "/", [&](const Client::BodyWriter& body) { return write_tar(named, body); });
}

Expected<Ok, std::string> ContainerFiles::put(const std::string& path, const std::string& content, int mode) {
  fs::path p(path);
  auto tar = tar_file(p.filename().string(), content, mode);
  if (!tar) return unexpected(tar.error());
  return client_.put_archive(id_, p.parent_path().string(), *tar);
}

Expected<Ok, std::string> ContainerFiles::send_line(const std::string& fifo, const std::string& line,
                                                    const std::vector<std::pair<std::string, std::string>>& files) {
  // Contents travel as arguments, never through a shell's parsing (so they show in the exec's
  // inspect data: no secrets here). One argument holds at most 128 KiB on Linux: a larger file
  // goes by PUT archive first. Lines are short (a path and the marker), so one write of them
  // into the FIFO is atomic.
  std::vector<std::string> argv = {"/bin/sh", "-c",
                                   "while [ $# -gt 0 ]; do printf '%s' \"$2\" > \"$1\" || exit; shift 2; done",
                                   "pipemu-send"};
  for (const auto& [path, content] : files) {
    if (content.size() > 64 * 1024) {
      if (auto put_big = put(path, content, 0644); !put_big) return put_big;
      continue;
    }
    argv.push_back(path);
    argv.push_back(content);
  }
  argv.push_back(fifo);
  argv.push_back(line);
  std::string output;
  auto rc = client_.exec(id_, argv, &output);
  if (!rc) return unexpected(rc.error());
  if (*rc != 0)
    return unexpected("cannot write to the build shell's input " + fifo + " (exit " + std::to_string(*rc) +
                      (output.empty() ? "" : ": " + output) + ")");
  return Ok{};
}

Expected<std::optional<std::string>, std::string> ContainerFiles::get(const std::string& path) {
  auto tar = client_.get_archive(id_, path);
  if (!tar) return unexpected(tar.error());
  if (!*tar) return std::optional<std::string>{};
  return tar_first_file(**tar);
}

Expected<std::vector<std::pair<std::string, std::string>>, std::string> ContainerFiles::fetch_dir(
    const std::string& container_dir, const std::string& host_dir) {
  // Saved to disk as it arrives, next to its destination, then extracted.
  std::error_code ec;
  fs::path dest = fs::path(host_dir).lexically_normal();
  if (dest.filename().empty()) dest = dest.parent_path();
  std::string tar = dest.string() + ".download.tar";
  fs::create_directories(dest.parent_path(), ec);
  auto found = client_.get_archive_to(id_, container_dir, tar);
  fs::remove_all(dest, ec);
  fs::create_directories(dest, ec);
  if (!found || !*found) {
    fs::remove(tar, ec);
    if (!found) return unexpected(found.error());
    return std::vector<std::pair<std::string, std::string>>{};  // the build removed it
  }
  // Entries are named after the directory's base name: drop that one component.
  auto got = extract_tar_file(tar, dest.string(), 1);
  fs::remove(tar, ec);
  if (!got) return unexpected(got.error());
  return got->skipped;
}

}  // namespace pipemu::build::docker
