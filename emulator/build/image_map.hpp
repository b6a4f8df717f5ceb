#pragma once
// Which local image runs a project's `Environment.Image`: nothing can be pulled from a registry,
// so CodeBuild's managed images map to pipemu's stand-in (tools/build-image) unless the user maps
// them elsewhere with `--image FROM=TO` or a map file (one `FROM=TO` per line, `#` comments).
// A FROM ending in `*` matches any image with that prefix. Later entries win.
#include <string>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::build {

inline constexpr const char* kStandInImage = "pipemu/codebuild-standard:local";

class ImageMap {
 public:
  struct Entry {
    std::string from, to, origin;  // origin: "default", "--image", "file:line"
  };
  // The defaults: aws/codebuild/standard:*, amazonlinux*-x86_64-standard:* -> the stand-in.
  static ImageMap defaults();
  Expected<Ok, std::string> add(const std::string& spec, const std::string& origin);  // "FROM=TO"
  Expected<Ok, std::string> load_file(const std::string& path);

  struct Resolved {
    std::string image;   // what the engine runs
    std::string origin;  // which entry chose it ("" = not mapped, used as is)
  };
  Resolved resolve(const std::string& requested) const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

// The error for an image the engine does not have, naming the map entry that chose it.
std::string missing_image_message(const std::string& requested, const ImageMap::Resolved& r);

}  // namespace pipemu::build
