#pragma once
// Tar streams for the Engine API's archive endpoint (PUT/GET /containers/{id}/archive), through
// libarchive: how the docker executor's copy mode moves the source tree, control files and cache
// in and out of a build container on an engine that cannot see this machine's files.
//
// Extraction is for downloads, i.e. for bytes the container (the build) controls: an entry whose
// name is absolute or climbs with `..`, or a hard link leading out, is refused (an error, nothing
// more is written); nothing is ever written through a symlink (libarchive replaces a link that
// stands where a later entry goes, inside the destination); a symlink whose target leaves the destination is
// not created and is listed in `skipped`, as the build may legitimately leave one (a virtualenv's
// bin/python -> /usr/bin/python3) and the artifact rules then treat the path as missing.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::build::docker {

// A tar of `host_dir` (regular files, directories, symlinks as links, FIFOs; sockets are left
// out) whose entries are named `<prefix>` (the directory itself) and `<prefix>/<relative path>`.
// No entries for the prefix's parents: the engine creates missing ones when the stream is PUT
// at "/", and leaves existing ones (/tmp, /root) as they are, where a directory entry would
// reset their modes.
Expected<std::string, std::string> tar_directory(const std::string& host_dir, const std::string& prefix);
// Several directories in one stream, in order ((host_dir, prefix) pairs): one upload for all.
Expected<std::string, std::string> tar_directories(const std::vector<std::pair<std::string, std::string>>& dirs);

// Receives the stream as it is written; false stops writing (an error).
using TarSink = std::function<bool(const char* data, size_t size)>;
// tar_directories without holding the stream: each block goes to `out` (an upload's body) as
// soon as it is written, so a large source tree never sits in memory.
Expected<Ok, std::string> write_tar(const std::vector<std::pair<std::string, std::string>>& dirs, const TarSink& out);

// A tar holding one regular file `name`.
Expected<std::string, std::string> tar_file(const std::string& name, const std::string& content, int mode);

struct Extracted {
  // Symlinks leaving the destination, not created: (path relative to it, target).
  std::vector<std::pair<std::string, std::string>> skipped;
  int entries = 0;                   // entries written
};

// Extracts `tar` under `dest_dir` (created), dropping the first `strip` path components of each
// entry (GET archive names entries after the requested directory's base name).
Expected<Extracted, std::string> extract_tar(const std::string& tar, const std::string& dest_dir, int strip);

// The same from a tar file on disk (a download saved as it arrived).
Expected<Extracted, std::string> extract_tar_file(const std::string& tar_path, const std::string& dest_dir,
                                                  int strip);

// The content of the first entry when it is a regular file (GET archive of one file); nullopt
// when the stream holds no regular file first.
Expected<std::optional<std::string>, std::string> tar_first_file(const std::string& tar);

}  // namespace pipemu::build::docker
