#include "fakes/s3/blob_gc.hpp"

#include <algorithm>
#include <filesystem>

#include "fakes/s3/store.hpp"

namespace pipemu::s3 {

namespace {

bool referenced(fakes::Registry& reg, const std::vector<std::string>& regions,
                const std::string& blob) {
  for (const auto& r : regions) {
    auto& db = reg.region(r);
    if (db.read([&] { return ObjectStore(db).references(blob); })) return true;
  }
  return false;
}

bool is_blob_name(const std::string& name) {
  return name.size() == 64 && name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

std::size_t remove_unreferenced(fakes::Registry& reg, std::vector<std::string> blobs) {
  std::sort(blobs.begin(), blobs.end());
  blobs.erase(std::unique(blobs.begin(), blobs.end()), blobs.end());
  if (blobs.empty()) return 0;
  auto gc = reg.blob_guard(true);
  auto regions = reg.region_names();
  std::size_t removed = 0;
  for (const auto& b : blobs) {
    if (!is_blob_name(b) || referenced(reg, regions, b)) continue;
    reg.blobs().remove(b);
    ++removed;
  }
  return removed;
}

std::size_t sweep_blobs(fakes::Registry& reg) {
  std::vector<std::string> all;
  std::error_code ec;
  for (const auto& dir : std::filesystem::directory_iterator(reg.blobs().root(), ec)) {
    if (!dir.is_directory(ec) || dir.path().filename() == "tmp") continue;
    for (const auto& f : std::filesystem::directory_iterator(dir.path(), ec))
      if (is_blob_name(f.path().filename().string())) all.push_back(f.path().filename().string());
  }
  return remove_unreferenced(reg, std::move(all));
}

}  // namespace pipemu::s3
