#include "build/docker/archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace pipemu::build::docker {
namespace {

struct ArchiveFree {
  void operator()(archive* a) const {
    if (a) archive_write_free(a);
  }
};
struct ReadFree {
  void operator()(archive* a) const {
    if (a) archive_read_free(a);
  }
};
struct EntryFree {
  void operator()(archive_entry* e) const {
    if (e) archive_entry_free(e);
  }
};
using Writer = std::unique_ptr<archive, ArchiveFree>;
using Reader = std::unique_ptr<archive, ReadFree>;
using Entry = std::unique_ptr<archive_entry, EntryFree>;

la_ssize_t to_sink(archive*, void* sink, const void* data, size_t n) {
  if (!(*static_cast<const TarSink*>(sink))(static_cast<const char*>(data), n)) return -1;
  return static_cast<la_ssize_t>(n);
}

std::string error_of(archive* a, const std::string& what) {
  const char* e = archive_error_string(a);
  return what + ": " + (e ? e : "libarchive error");
}

// A tar writer handing its blocks to `out` (POSIX pax: long names, any size).
Expected<Writer, std::string> open_writer(const TarSink& out) {
  Writer w(archive_write_new());
  if (!w) return unexpected(std::string("tar: out of memory"));
  archive_write_set_format_pax_restricted(w.get());
  if (archive_write_open(w.get(), const_cast<TarSink*>(&out), nullptr, to_sink, nullptr) != ARCHIVE_OK)
    return unexpected(error_of(w.get(), "tar"));
  return w;
}

Expected<Ok, std::string> write_file_data(archive* w, const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unexpected("tar: cannot read " + file.string());
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      ::close(fd);
      return unexpected("tar: cannot read " + file.string());
    }
    if (n == 0) break;
    if (archive_write_data(w, buf, static_cast<size_t>(n)) < 0) {
      ::close(fd);
      return unexpected(error_of(w, "tar"));
    }
  }
  ::close(fd);
  return Ok{};
}

// "a/b/c" without its first `strip` components; "" when nothing is left.
fs::path strip_components(const fs::path& p, int strip) {
  fs::path out;
  int i = 0;
  for (const auto& part : p) {
    if (part == "." || part.empty()) continue;
    if (i++ < strip) continue;
    out /= part;
  }
  return out;
}

// Where a name must not lead when written under the destination.
std::optional<std::string> escapes(const std::string& name) {
  fs::path p(name);
  if (p.is_absolute()) return "has an absolute path";
  for (const auto& part : p)
    if (part == "..") return "climbs out with '..'";
  return std::nullopt;
}

// Extracts what `r` reads (see extract_tar).
Expected<Extracted, std::string> extract_from(archive* r, const std::string& dest_dir, int strip);

// Appends `host_dir` as `prefix` and `prefix/...` (see tar_directory).
Expected<Ok, std::string> add_directory(archive* w, archive* disk, const std::string& host_dir,
                                        const std::string& prefix);

}  // namespace

Expected<std::string, std::string> tar_directory(const std::string& host_dir, const std::string& prefix) {
  return tar_directories({{host_dir, prefix}});
}

Expected<std::string, std::string> tar_directories(const std::vector<std::pair<std::string, std::string>>& dirs) {
  std::string out;
  auto written = write_tar(dirs, [&](const char* d, size_t n) {
    out.append(d, n);
    return true;
  });
  if (!written) return unexpected(written.error());
  return out;
}

Expected<Ok, std::string> write_tar(const std::vector<std::pair<std::string, std::string>>& dirs,
                                    const TarSink& out) {
  auto w = open_writer(out);
  if (!w) return unexpected(w.error());
  std::unique_ptr<archive, ReadFree> disk(archive_read_disk_new());
  archive_read_disk_set_standard_lookup(disk.get());
  for (const auto& [host_dir, prefix] : dirs) {
    auto added = add_directory(w->get(), disk.get(), host_dir, prefix);
    if (!added) return unexpected(added.error());
  }
  if (archive_write_close(w->get()) != ARCHIVE_OK) return unexpected(error_of(w->get(), "tar"));
  return Ok{};
}

namespace {

Expected<Ok, std::string> add_directory(archive* w, archive* disk, const std::string& host_dir,
                                        const std::string& prefix) {
  std::error_code ec;
  if (!fs::is_directory(host_dir, ec)) return unexpected("tar: " + host_dir + " is not a directory");
  fs::path base(prefix);
  auto add = [&](const fs::path& path, const fs::path& name) -> Expected<Ok, std::string> {
    Entry e(archive_entry_new());
    archive_entry_copy_sourcepath(e.get(), path.c_str());
    if (archive_read_disk_entry_from_file(disk, e.get(), -1, nullptr) != ARCHIVE_OK)
      return unexpected(error_of(disk, "tar: " + path.string()));
    auto type = archive_entry_filetype(e.get());
    // The control directory's FIFO goes in as a FIFO (the shell reads it); sockets stay out.
    if (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK && type != AE_IFIFO) return Ok{};
    archive_entry_set_pathname(e.get(), name.generic_string().c_str());
    archive_entry_set_nlink(e.get(), 1);  // every file is stored whole, never as a hard link
    if (archive_write_header(w, e.get()) != ARCHIVE_OK) return unexpected(error_of(w, "tar"));
    if (type == AE_IFREG && archive_entry_size(e.get()) > 0) return write_file_data(w, path);
    return Ok{};
  };
  if (!base.empty())
    if (auto r = add(host_dir, base); !r) return unexpected(r.error());
  for (auto it = fs::recursive_directory_iterator(host_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    fs::path rel = it->path().lexically_relative(host_dir);
    if (auto r = add(it->path(), base / rel); !r) return unexpected(r.error());
  }
  if (ec) return unexpected("tar: cannot list " + host_dir + ": " + ec.message());
  return Ok{};
}

}  // namespace

Expected<std::string, std::string> tar_file(const std::string& name, const std::string& content, int mode) {
  std::string out;
  TarSink sink = [&](const char* d, size_t n) {
    out.append(d, n);
    return true;
  };
  auto w = open_writer(sink);
  if (!w) return unexpected(w.error());
  Entry e(archive_entry_new());
  archive_entry_set_pathname(e.get(), name.c_str());
  archive_entry_set_filetype(e.get(), AE_IFREG);
  archive_entry_set_perm(e.get(), static_cast<mode_t>(mode));
  archive_entry_set_size(e.get(), static_cast<la_int64_t>(content.size()));
  archive_entry_set_mtime(e.get(), ::time(nullptr), 0);
  if (archive_write_header(w->get(), e.get()) != ARCHIVE_OK) return unexpected(error_of(w->get(), "tar"));
  if (!content.empty() && archive_write_data(w->get(), content.data(), content.size()) < 0)
    return unexpected(error_of(w->get(), "tar"));
  if (archive_write_close(w->get()) != ARCHIVE_OK) return unexpected(error_of(w->get(), "tar"));
  return out;
}

Expected<Extracted, std::string> extract_tar(const std::string& tar, const std::string& dest_dir, int strip) {
  Reader r(archive_read_new());
  archive_read_support_format_tar(r.get());
  if (archive_read_open_memory(r.get(), tar.data(), tar.size()) != ARCHIVE_OK)
    return unexpected(error_of(r.get(), "download"));
  return extract_from(r.get(), dest_dir, strip);
}

Expected<Extracted, std::string> extract_tar_file(const std::string& tar_path, const std::string& dest_dir,
                                                  int strip) {
  Reader r(archive_read_new());
  archive_read_support_format_tar(r.get());
  if (archive_read_open_filename(r.get(), tar_path.c_str(), 65536) != ARCHIVE_OK)
    return unexpected(error_of(r.get(), "download"));
  return extract_from(r.get(), dest_dir, strip);
}

namespace {

Expected<Extracted, std::string> extract_from(archive* r, const std::string& dest_dir, int strip) {
  std::error_code ec;
  fs::create_directories(dest_dir, ec);
  // Canonical, so libarchive's symlink check does not trip over a symlinked parent (/tmp).
  fs::path dest = fs::canonical(dest_dir, ec);
  if (ec) return unexpected("cannot create " + dest_dir + ": " + ec.message());
  std::unique_ptr<archive, ArchiveFree> disk(archive_write_disk_new());
  archive_write_disk_set_options(disk.get(), ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
                                                 ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                                 ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_UNLINK);
  Extracted out;
  archive_entry* e = nullptr;
  for (int rc; (rc = archive_read_next_header(r, &e)) != ARCHIVE_EOF;) {
    if (rc < ARCHIVE_WARN) return unexpected(error_of(r, "download"));
    std::string name = archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
    if (auto why = escapes(name)) return unexpected("download refused: entry '" + name + "' " + *why);
    fs::path rel = strip_components(name, strip);
    if (rel.empty()) continue;  // the requested directory itself
    auto type = archive_entry_filetype(e);
    const char* link = archive_entry_hardlink(e);  // hard link entries have no file type
    // Device nodes, FIFOs and sockets from a build are never recreated on this machine.
    if (!link && type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK) continue;
    if (link) {
      if (auto why = escapes(link)) return unexpected("download refused: hard link '" + name + "' " + *why);
      fs::path target = strip_components(link, strip);
      if (target.empty()) return unexpected("download refused: hard link '" + name + "' to the directory itself");
      archive_entry_copy_hardlink(e, (dest / target).c_str());
    }
    if (type == AE_IFLNK) {
      std::string target = archive_entry_symlink(e) ? archive_entry_symlink(e) : "";
      fs::path resolved = (rel.parent_path() / target).lexically_normal();
      bool out_of_dest = fs::path(target).is_absolute() || resolved.empty() || *resolved.begin() == "..";
      if (out_of_dest) {
        out.skipped.emplace_back(rel.generic_string(), target);
        continue;
      }
    }
    archive_entry_copy_pathname(e, (dest / rel).c_str());
    if (archive_write_header(disk.get(), e) < ARCHIVE_WARN)
      return unexpected("download refused: " + rel.generic_string() + ": " +
                        (archive_error_string(disk.get()) ? archive_error_string(disk.get()) : "cannot write"));
    if (archive_entry_size(e) > 0) {
      const void* buf;
      size_t size;
      la_int64_t offset;
      for (int d; (d = archive_read_data_block(r, &buf, &size, &offset)) != ARCHIVE_EOF;) {
        if (d < ARCHIVE_WARN) return unexpected(error_of(r, "download"));
        if (archive_write_data_block(disk.get(), buf, size, offset) < ARCHIVE_WARN)
          return unexpected(error_of(disk.get(), "download: " + rel.generic_string()));
      }
    }
    if (archive_write_finish_entry(disk.get()) < ARCHIVE_WARN)
      return unexpected(error_of(disk.get(), "download: " + rel.generic_string()));
    ++out.entries;
  }
  if (archive_write_close(disk.get()) != ARCHIVE_OK) return unexpected(error_of(disk.get(), "download"));
  return out;
}

}  // namespace

Expected<std::optional<std::string>, std::string> tar_first_file(const std::string& tar) {
  Reader r(archive_read_new());
  archive_read_support_format_tar(r.get());
  if (archive_read_open_memory(r.get(), tar.data(), tar.size()) != ARCHIVE_OK)
    return unexpected(error_of(r.get(), "download"));
  archive_entry* e = nullptr;
  int rc = archive_read_next_header(r.get(), &e);
  if (rc == ARCHIVE_EOF) return std::optional<std::string>{};
  if (rc < ARCHIVE_WARN) return unexpected(error_of(r.get(), "download"));
  if (archive_entry_filetype(e) != AE_IFREG) return std::optional<std::string>{};
  std::string content;
  char buf[65536];
  for (la_ssize_t n; (n = archive_read_data(r.get(), buf, sizeof buf)) != 0;) {
    if (n < 0) return unexpected(error_of(r.get(), "download"));
    content.append(buf, static_cast<size_t>(n));
  }
  return std::optional<std::string>(std::move(content));
}

}  // namespace pipemu::build::docker
