#include "engine/artifact_store.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "engine/zip_files.hpp"

namespace pipemu::engine {

namespace fs = std::filesystem;

std::string artifact_key(const std::string& pipeline, const std::string& artifact,
                         const std::string& suffix) {
  return pipeline.substr(0, 20) + "/" + artifact.substr(0, 10) + "/" + suffix;
}

ArtifactStore::ArtifactStore(const model::Pipeline& pipeline, std::string pipeline_region,
                             ObjectStore& s3, IdSource& ids)
    : pipeline_(pipeline), pipeline_region_(std::move(pipeline_region)), s3_(s3), ids_(ids) {}

Expected<std::string, std::string> ArtifactStore::store_bucket(const std::string& region) {
  const model::ArtifactStore* store = pipeline_.store_for(region);
  if (!store || store->bucket().empty())
    return unexpected(fmt::format(
        "Invalid action configuration: the pipeline has no artifact store for region {}", region));
  std::string bucket = store->bucket();
  auto actual = s3_.bucket_region(bucket);
  if (!actual)
    return unexpected(fmt::format(
        "Invalid action configuration: [The bucket named {} does not exist] (artifact store for {})",
        bucket, region));
  if (*actual != region)
    return unexpected(fmt::format(
        "Invalid action configuration: [The bucket named {} is not located in the {} AWS region]",
        bucket, region));
  return bucket;
}

Expected<ArtifactLocation, std::string> ArtifactStore::put(const std::string& region,
                                                           const std::string& artifact,
                                                           const std::string& body) {
  auto bucket = store_bucket(region);
  if (!bucket) return unexpected(bucket.error());
  ArtifactLocation loc{region, *bucket, artifact_key(pipeline_.name, artifact, ids_.alnum(7))};
  auto r = s3_.put_object(region, loc.bucket, loc.key, body);
  if (!r) return unexpected(r.error());
  return loc;
}

Expected<std::vector<LocalArtifact>, std::string> ArtifactStore::fetch_inputs(
    const model::Action& action, const std::string& region, const std::string& work_dir) {
  std::vector<LocalArtifact> out;
  for (const auto& in : action.input_artifacts) {
    std::lock_guard lock(mutex_);
    auto known = locations_.find(in.name);
    if (known == locations_.end() || known->second.empty())
      return unexpected(fmt::format("Input artifact {} was not produced by an earlier action", in.name));
    auto home = known->second.find(pipeline_region_);
    const ArtifactLocation& source =
        home != known->second.end() ? home->second : known->second.begin()->second;
    auto body = s3_.get_object(source.region, source.bucket, source.key);
    if (!body) return unexpected(fmt::format("Failed to download artifact {}: {}", in.name, body.error()));
    ArtifactLocation here;
    if (auto local = known->second.find(region); local != known->second.end()) {
      here = local->second;
    } else {
      // Cross-region: CodePipeline copies only this action's inputs into the region's store.
      auto copied = put(region, in.name, *body);
      if (!copied) return unexpected(fmt::format("Failed replicating '{}': {}", in.name, copied.error()));
      here = *copied;
      known->second[region] = here;
      records_[in.name].locations.push_back(here);
    }
    std::string zip = (fs::path(work_dir) / "inputs" / (in.name + ".zip")).string();
    if (auto w = write_file(zip, *body); !w) return unexpected(w.error());
    out.push_back({in.name, zip, here});
  }
  return out;
}

Expected<std::vector<ArtifactRecord>, std::string> ArtifactStore::store_outputs(
    const model::Action& action, const std::string& region,
    const std::vector<ProducedArtifact>& produced) {
  std::vector<ArtifactRecord> out;
  for (const auto& p : produced) {
    auto body = read_file(p.zip_path);
    if (!body) return unexpected(body.error());
    auto files = list_zip(p.zip_path);
    if (!files) return unexpected(fmt::format("Output artifact {} is not a zip: {}", p.name, files.error()));
    ArtifactRecord rec;
    rec.name = p.name;
    rec.produced_by = action.name;
    rec.sha256 = sha256_hex(*body);
    rec.size = body->size();
    rec.files = std::move(*files);
    // A cross-region action writes in its own region; the copy in the pipeline region is what
    // later actions read (aws-semantics.md §2.4).
    std::vector<std::string> regions{pipeline_region_};
    if (region != pipeline_region_) regions.push_back(region);
    std::lock_guard lock(mutex_);
    auto& locs = locations_[p.name];
    locs.clear();
    for (const auto& r : regions) {
      auto loc = put(r, p.name, *body);
      if (!loc) return unexpected(loc.error());
      locs[r] = *loc;
      rec.locations.push_back(*loc);
    }
    if (!records_.count(p.name)) order_.push_back(p.name);
    records_[p.name] = rec;
    out.push_back(std::move(rec));
  }
  return out;
}

std::optional<ArtifactLocation> ArtifactStore::location(const std::string& artifact,
                                                        const std::string& region) {
  std::lock_guard lock(mutex_);
  auto a = locations_.find(artifact);
  if (a == locations_.end()) return std::nullopt;
  auto r = a->second.find(region);
  if (r == a->second.end()) return std::nullopt;
  return r->second;
}

}  // namespace pipemu::engine

namespace pipemu::engine {

std::vector<ArtifactRecord> ArtifactStore::records() {
  std::lock_guard lock(mutex_);
  std::vector<ArtifactRecord> out;
  for (const auto& name : order_) out.push_back(records_[name]);
  return out;
}

}  // namespace pipemu::engine
