#pragma once
// CodePipeline's artifact stores (aws-semantics.md §2.4): every output artifact is a zip stored in
// the pipeline region's store under `<pipeline[:20]>/<artifact[:10]>/<7 alnum>`; before a
// cross-region action runs, its inputs are copied into the store mapped to that region. A store
// bucket that does not exist, or lives in another region, fails the action with AWS's text.
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "engine/ports.hpp"

namespace pipemu::engine {

// The S3 operations artifact stores need; the CLI adapts the S3 fake's service to it.
class ObjectStore {
 public:
  virtual ~ObjectStore() = default;
  // nullopt when no such bucket exists (the bucket namespace is global).
  virtual std::optional<std::string> bucket_region(const std::string& bucket) = 0;
  virtual Expected<Ok, std::string> put_object(const std::string& region, const std::string& bucket,
                                               const std::string& key, const std::string& body) = 0;
  virtual Expected<std::string, std::string> get_object(const std::string& region,
                                                        const std::string& bucket,
                                                        const std::string& key) = 0;
};

// "<pipeline name[:20]>/<artifact name[:10]>/<suffix>".
std::string artifact_key(const std::string& pipeline, const std::string& artifact,
                         const std::string& suffix);

class ArtifactStore final : public ArtifactFlow {
 public:
  ArtifactStore(const model::Pipeline& pipeline, std::string pipeline_region, ObjectStore& s3,
                IdSource& ids);

  Expected<std::vector<LocalArtifact>, std::string> fetch_inputs(
      const model::Action& action, const std::string& region, const std::string& work_dir) override;
  Expected<std::vector<ArtifactRecord>, std::string> store_outputs(
      const model::Action& action, const std::string& region,
      const std::vector<ProducedArtifact>& produced) override;
  std::vector<ArtifactRecord> records() override;

  // The store bucket for `region`, checked: exists and lives in that region.
  Expected<std::string, std::string> store_bucket(const std::string& region);

  // Where each artifact lives, per region (for Fn::GetArtifactAtt and the record).
  std::optional<ArtifactLocation> location(const std::string& artifact, const std::string& region);

 private:
  const model::Pipeline& pipeline_;
  std::string pipeline_region_;
  ObjectStore& s3_;
  IdSource& ids_;
  std::mutex mutex_;
  std::map<std::string, std::map<std::string, ArtifactLocation>> locations_;  // artifact -> region
  std::map<std::string, ArtifactRecord> records_;
  std::vector<std::string> order_;  // production order

  Expected<ArtifactLocation, std::string> put(const std::string& region, const std::string& artifact,
                                              const std::string& body);
};

}  // namespace pipemu::engine
