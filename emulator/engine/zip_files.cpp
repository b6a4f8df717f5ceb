#include "engine/zip_files.hpp"

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace pipemu::engine {

namespace fs = std::filesystem;

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { if (z) zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// 2000-01-01T00:00:00Z, as source::kZipEntryTime (engine does not include source/).
constexpr time_t kFixedEntryTime = 946684800;

Expected<ZipPtr, std::string> open_zip(const std::string& path, int flags) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), flags, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = fmt::format("cannot open zip {}: {}", path, zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return unexpected(msg);
  }
  return ZipPtr(z);
}

}  // namespace

Expected<std::vector<ArtifactFile>, std::string> list_zip(const std::string& zip_path) {
  auto z = open_zip(zip_path, ZIP_RDONLY);
  if (!z) return unexpected(z.error());
  std::vector<ArtifactFile> files;
  zip_int64_t n = zip_get_num_entries(z->get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z->get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    std::string name = st.name ? st.name : "";
    if (name.empty() || name.back() == '/') continue;  // directories
    files.push_back({name, static_cast<std::uint64_t>(st.size)});
  }
  return files;
}

Expected<std::string, std::string> read_zip_entry(const std::string& zip_path,
                                                  const std::string& entry) {
  auto z = open_zip(zip_path, ZIP_RDONLY);
  if (!z) return unexpected(z.error());
  zip_stat_t st;
  if (zip_stat(z->get(), entry.c_str(), 0, &st) != 0)
    return unexpected(fmt::format("the artifact has no file {}", entry));
  zip_file_t* f = zip_fopen(z->get(), entry.c_str(), 0);
  if (!f) return unexpected(fmt::format("cannot read {} from the artifact", entry));
  std::string data(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    return unexpected(fmt::format("cannot read {} from the artifact", entry));
  return data;
}

Expected<Ok, std::string> write_zip(const std::string& zip_path,
                                    const std::map<std::string, std::string>& entries) {
  if (entries.empty())  // libzip writes no file for an empty archive: the bare end record
    return write_file(zip_path, std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  std::error_code ec;
  fs::create_directories(fs::path(zip_path).parent_path(), ec);
  auto z = open_zip(zip_path, ZIP_CREATE | ZIP_TRUNCATE);
  if (!z) return unexpected(z.error());
  for (const auto& [name, data] : entries) {
    // libzip reads the buffer at close time; entries outlives that.
    zip_source_t* src = zip_source_buffer(z->get(), data.data(), data.size(), 0);
    zip_int64_t idx = src ? zip_file_add(z->get(), name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (src) zip_source_free(src);
      return unexpected(fmt::format("cannot add {} to {}", name, zip_path));
    }
    // A fixed time and mode: the same contents zip to the same bytes on every run.
    zip_file_set_mtime(z->get(), static_cast<zip_uint64_t>(idx), kFixedEntryTime, 0);
    zip_file_set_external_attributes(z->get(), static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX,
                                     static_cast<zip_uint32_t>(0100644) << 16);
  }
  zip_t* raw = z->release();
  if (zip_close(raw) != 0) {
    std::string msg = fmt::format("cannot write {}: {}", zip_path, zip_strerror(raw));
    zip_discard(raw);
    return unexpected(msg);
  }
  return Ok{};
}

Expected<Ok, std::string> extract_zip(const std::string& zip_path, const std::string& dir) {
  auto files = list_zip(zip_path);
  if (!files) return unexpected(files.error());
  for (const auto& f : *files) {
    fs::path rel(f.path);
    if (rel.is_absolute() || f.path.find("..") != std::string::npos)
      return unexpected(fmt::format("refusing unsafe path {} in {}", f.path, zip_path));
    auto data = read_zip_entry(zip_path, f.path);
    if (!data) return unexpected(data.error());
    auto w = write_file((fs::path(dir) / rel).string(), *data);
    if (!w) return w;
  }
  return Ok{};
}

std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

Expected<std::string, std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return unexpected(fmt::format("cannot read {}", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Expected<Ok, std::string> write_file(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return unexpected(fmt::format("cannot write {}", path));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return unexpected(fmt::format("cannot write {}", path));
  return Ok{};
}

}  // namespace pipemu::engine
