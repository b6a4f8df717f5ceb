#include "model/pipeline.hpp"

#include "model/node_read.hpp"

namespace pipemu::model {

std::string Action::config(std::string_view key) const {
  return read::scalar(configuration.find(key));
}

Mark Action::config_mark(std::string_view key) const {
  const Entry* e = configuration.find_entry(key);
  return e ? e->key_mark : mark;
}

const ArtifactStore* Pipeline::store_for(std::string_view region) const {
  for (const auto& s : artifact_stores)
    if (s.region == region) return &s.store;
  if (artifact_stores.empty() && artifact_store) return &*artifact_store;
  return nullptr;
}

const Stage* Pipeline::stage(std::string_view name) const {
  for (const auto& s : stages)
    if (s.name == name) return &s;
  return nullptr;
}

const Action* Pipeline::action(std::string_view name, const Stage** stage_out) const {
  for (const auto& s : stages)
    for (const auto& a : s.actions)
      if (a.name == name) {
        if (stage_out) *stage_out = &s;
        return &a;
      }
  return nullptr;
}

}  // namespace pipemu::model
