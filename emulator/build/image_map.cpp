#include "build/image_map.hpp"

#include <fstream>

#include "model/text.hpp"

namespace pipemu::build {

ImageMap ImageMap::defaults() {
  ImageMap m;
  m.entries_.push_back({"aws/codebuild/standard:*", kStandInImage, "default"});
  m.entries_.push_back({"aws/codebuild/amazonlinux2-x86_64-standard:*", kStandInImage, "default"});
  m.entries_.push_back({"aws/codebuild/amazonlinux-x86_64-standard:*", kStandInImage, "default"});
  return m;
}

Expected<Ok, std::string> ImageMap::add(const std::string& spec, const std::string& origin) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    return unexpected(origin + ": image mapping '" + spec + "' is not FROM=TO");
  entries_.push_back({text::trim(spec.substr(0, eq)), text::trim(spec.substr(eq + 1)), origin});
  return Ok{};
}

Expected<Ok, std::string> ImageMap::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return unexpected("cannot read image map " + path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    line = text::trim(line);
    if (line.empty()) continue;
    if (auto r = add(line, path + ":" + std::to_string(n)); !r) return r;
  }
  return Ok{};
}

ImageMap::Resolved ImageMap::resolve(const std::string& requested) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    const auto& f = it->from;
    bool hit = !f.empty() && f.back() == '*' ? requested.rfind(f.substr(0, f.size() - 1), 0) == 0
                                             : requested == f;
    if (hit) return {it->to, it->origin};
  }
  return {requested, ""};
}

std::string missing_image_message(const std::string& requested, const ImageMap::Resolved& r) {
  std::string how = r.origin.empty() ? "not in the image map, so used as is"
                                     : "mapped to '" + r.image + "' by the image map (" + r.origin + ")";
  std::string msg = "image '" + requested + "' is " + how + ", and the Docker engine has no image '" +
                    r.image + "'. ";
  if (r.image == kStandInImage)
    msg += "Build it with tools/build-image, or map the image elsewhere with --image " + requested + "=IMAGE";
  else
    msg += "Load or build that image, or map it with --image " + requested + "=IMAGE";
  return msg;
}

}  // namespace pipemu::build
