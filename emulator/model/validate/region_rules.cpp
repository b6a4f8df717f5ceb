// Cross-region rules (aws-semantics §2.2): exactly one of ArtifactStore/ArtifactStores; with
// ArtifactStores, an entry for the pipeline's own region and for every action Region; Source,
// ThirdParty and Custom actions stay in the pipeline's region.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

const std::vector<std::string> kRegions = {
    "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2",
    "ap-northeast-3", "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1",
    "ca-west-1",      "cn-north-1",     "cn-northwest-1", "eu-central-1",   "eu-central-2",
    "eu-north-1",     "eu-south-1",     "eu-south-2",     "eu-west-1",      "eu-west-2",
    "eu-west-3",      "il-central-1",   "me-central-1",   "me-south-1",     "mx-central-1",
    "sa-east-1",      "us-east-1",      "us-east-2",      "us-gov-east-1",  "us-gov-west-1",
    "us-west-1",      "us-west-2"};

bool known_region(const std::string& r) {
  return std::find(kRegions.begin(), kRegions.end(), r) != kRegions.end();
}

void check_region_name(const std::string& region, const Mark& m, const char* where,
                       Diagnostics& d) {
  if (region.empty() || known_region(region)) return;
  std::string near = text::closest(region, kRegions);
  d.error(m,
          fmt::format("The region {} specified in '{}' is not a valid AWS Region.", region, where),
          "region-invalid", near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
}

// 3-63 of a-z 0-9 . -, starting and ending with a letter or digit.
bool bucket_name_ok(const std::string& b) {
  auto edge = [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c));
  };
  return b.size() >= 3 && b.size() <= 63 && edge(b.front()) && edge(b.back()) &&
         std::all_of(b.begin(), b.end(), [&](char c) { return edge(c) || c == '.' || c == '-'; });
}

void check_store(const ArtifactStore& s, Diagnostics& d) {
  if (s.type != "S3")
    d.error(s.mark,
            fmt::format("artifact store type '{}' is not supported; the only type is S3", s.type),
            "artifact-store");
  std::string b = s.bucket();
  if (!b.empty() && !bucket_name_ok(b))
    d.error(
        s.location.mark(),
        fmt::format(
            "'{}' is not a valid S3 bucket name: 3 to 63 lowercase letters, digits, '.' and '-', "
            "starting and ending with a letter or digit",
            b),
        "artifact-store");
}

bool is_cross_region(const Action& a, const std::string& region) {
  return a.region && !a.region->empty() && (region.empty() || *a.region != region);
}

}  // namespace

void check_pipeline_regions(const Pipeline& p, const std::string& region, Diagnostics& d) {
  bool single = p.artifact_store.has_value();
  bool multi = !p.artifact_stores.empty();
  if (single && multi)
    d.error(
        p.artifact_store->mark,
        "ArtifactStore and ArtifactStores cannot both be set: use ArtifactStore for a "
        "single-region pipeline, "
        "ArtifactStores (one entry per region) for a cross-region one",
        "artifact-store",
        "delete ArtifactStore and add its bucket to ArtifactStores under the pipeline's region");
  if (!single && !multi)
    d.error(p.mark,
            "the pipeline has no artifact store: set ArtifactStore, or ArtifactStores with one "
            "entry per region",
            "artifact-store");
  if (single) check_store(*p.artifact_store, d);

  std::map<std::string, Mark> stores;
  for (const auto& s : p.artifact_stores) {
    check_region_name(s.region, s.mark, "pipeline.artifactStores", d);
    check_store(s.store, d);
    if (auto [it, fresh] = stores.emplace(s.region, s.mark); !fresh)
      d.error(s.mark, fmt::format("ArtifactStores lists region {} twice", s.region),
              "artifact-store", fmt::format("the first entry is at line {}", it->second.line));
  }
  if (multi && !region.empty() && !stores.count(region))
    d.error(p.artifact_stores_mark,
            fmt::format("ArtifactStores has no entry for {}, the pipeline's own region; "
                        "CodePipeline needs a bucket "
                        "there to store every artifact first",
                        region),
            "region-store-missing",
            fmt::format(
                "add an entry with 'Region: {}' (or pass --region if the pipeline lives elsewhere)",
                region));

  for (const auto& s : p.stages)
    for (const auto& a : s.actions) {
      if (!a.region) continue;
      check_region_name(*a.region, a.region_mark, "action Region", d);
      if (!is_cross_region(a, region)) continue;
      if (a.type.category == "Source" || a.type.owner == "ThirdParty" || a.type.owner == "Custom") {
        d.error(a.region_mark,
                fmt::format("action '{}' ({} {} {}) cannot run in another region: Source, "
                            "ThirdParty and Custom "
                            "actions always run in the pipeline's region{}",
                            a.name, a.type.category, a.type.owner, a.type.provider,
                            region.empty() ? "" : fmt::format(" ({})", region)),
                "region-cross-source", "delete the action's Region");
        continue;
      }
      if (multi && !stores.count(*a.region)) {
        std::vector<std::string> have;
        for (const auto& [r, _] : stores) have.push_back(r);
        d.error(a.region_mark,
                fmt::format("action '{}' runs in {}, but ArtifactStores has no entry for {}; "
                            "CodePipeline copies the "
                            "action's input artifacts to that region's bucket before it runs",
                            a.name, *a.region, *a.region),
                "region-store-missing",
                fmt::format("add an ArtifactStores entry with 'Region: {}' and a bucket in that "
                            "region (regions "
                            "with a store: {})",
                            *a.region, text::join(have, ", ")));
      } else if (single && !multi) {
        d.error(a.region_mark,
                fmt::format("action '{}' runs in {}, outside the pipeline's region, but the "
                            "pipeline has a single "
                            "ArtifactStore; cross-region actions need ArtifactStores",
                            a.name, *a.region),
                "region-store-missing",
                "replace ArtifactStore with ArtifactStores: one {Region, ArtifactStore} entry per "
                "region, the "
                "pipeline's own included");
      }
    }
}

}  // namespace pipemu::model::validate
