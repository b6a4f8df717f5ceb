#include "source/zip_archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace pipemu::source {
namespace {

std::string zip_error(zip_t* z) { return zip_strerror(z); }

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.lexically_normal().string();
  auto s = p.lexically_normal().string();
  if (!r.empty() && r.back() != '/') r += '/';
  return s.rfind(r, 0) == 0;
}

}  // namespace

Expected<Ok, std::string> write_zip(const std::string& zip_path,
                                    const std::vector<ZipEntry>& entries) {
  int err = 0;
  std::error_code ec;
  fs::remove(zip_path, ec);
  zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = "cannot create " + zip_path + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return unexpected(msg);
  }
  for (const auto& e : entries) {
    zip_source_t* src = zip_source_file(z, e.file.c_str(), 0, -1);
    if (!src) {
      std::string msg = "cannot read " + e.file + ": " + zip_error(z);
      zip_discard(z);
      return unexpected(msg);
    }
    zip_int64_t idx = zip_file_add(z, e.name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      std::string msg = "cannot add " + e.name + " to " + zip_path + ": " + zip_error(z);
      zip_discard(z);
      return unexpected(msg);
    }
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), static_cast<time_t>(kZipEntryTime), 0);
    struct stat st{};
    if (::stat(e.file.c_str(), &st) == 0)
      zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX,
                                       static_cast<zip_uint32_t>((st.st_mode & 0777) | S_IFREG) << 16);
  }
  if (zip_close(z) != 0) {
    std::string msg = "cannot write " + zip_path + ": " + zip_error(z);
    zip_discard(z);
    return unexpected(msg);
  }
  if (entries.empty()) {
    // libzip writes nothing for an empty archive; CodePipeline would still pass a zip.
    std::ofstream f(zip_path, std::ios::binary);
    static const char eocd[22] = {'P', 'K', 5, 6};
    f.write(eocd, sizeof eocd);
  }
  return Ok{};
}

Expected<std::vector<ZipEntry>, std::string> tree_entries(const std::string& dir) {
  std::vector<ZipEntry> out;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(dir, ec);
  if (ec || !fs::is_directory(root)) return unexpected("not a directory: " + dir);
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) return unexpected("cannot read " + dir + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return unexpected("cannot read " + dir + ": " + ec.message());
    const auto& entry = *it;
    if (entry.is_directory(ec) && !entry.is_symlink(ec) && entry.path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec)) {
      fs::path target = fs::weakly_canonical(entry.path(), ec);
      if (ec || !inside(root, target) || !fs::is_regular_file(target)) continue;
    } else if (!entry.is_regular_file(ec)) {
      continue;
    }
    out.push_back({entry.path().string(), entry.path().lexically_relative(root).generic_string()});
  }
  std::sort(out.begin(), out.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  return out;
}

Expected<Ok, std::string> extract_zip(const std::string& zip_path, const std::string& dir) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_RDONLY, &err);
  if (!z) return unexpected("cannot open zip " + zip_path);
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path root = fs::weakly_canonical(dir, ec);
  zip_int64_t n = zip_get_num_entries(z, 0);
  std::vector<char> buf(1 << 16);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (!name) continue;
    std::string nm = name;
    fs::path target = (root / nm).lexically_normal();
    if (nm.empty() || nm[0] == '/' || !inside(root, target)) {
      zip_close(z);
      return unexpected("zip entry '" + nm + "' in " + zip_path + " points outside the target directory");
    }
    if (nm.back() == '/') {
      fs::create_directories(target, ec);
      continue;
    }
    fs::create_directories(target.parent_path(), ec);
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (!f) {
      zip_close(z);
      return unexpected("cannot read '" + nm + "' in " + zip_path);
    }
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    zip_int64_t got;
    while ((got = zip_fread(f, buf.data(), buf.size())) > 0) out.write(buf.data(), got);
    zip_fclose(f);
    out.close();  // before setting the time: closing flushes, and a write would bump it
    zip_uint8_t opsys;
    zip_uint32_t attr;
    if (zip_file_get_external_attributes(z, static_cast<zip_uint64_t>(i), 0, &opsys, &attr) == 0 &&
        opsys == ZIP_OPSYS_UNIX && ((attr >> 16) & 0777) != 0)
      fs::permissions(target, static_cast<fs::perms>((attr >> 16) & 0777), ec);
    zip_stat_t st;
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0 && (st.valid & ZIP_STAT_MTIME)) {
      struct timespec times[2] = {{st.mtime, 0}, {st.mtime, 0}};
      ::utimensat(AT_FDCWD, target.c_str(), times, 0);
    }
  }
  zip_close(z);
  return Ok{};
}

Expected<std::vector<std::string>, std::string> zip_names(const std::string& zip_path) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_RDONLY, &err);
  if (!z) return unexpected("cannot open zip " + zip_path);
  std::vector<std::string> names;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0)) names.push_back(name);
  zip_close(z);
  return names;
}

}  // namespace pipemu::source
