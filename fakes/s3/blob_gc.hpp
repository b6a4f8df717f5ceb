#pragma once
// Blob garbage collection for S3. Bodies are shared by content (a copy, a re-upload of the same
// bytes, an object in another region), so a blob may be removed only when no object and no
// upload part in any region names it. Writers queue candidates (the blob an overwrite or delete
// released, a finished upload's parts, a body refused by a digest check) with
// Registry::queue_garbage; remove_unreferenced() checks and deletes them under the registry's
// exclusive blob lock, which writers hold shared between storing a blob and committing the row
// that names it.
#include <string>
#include <vector>

#include "fakes/core/registry.hpp"

namespace pipemu::s3 {

// Removes each blob that no region database references; returns how many were removed.
std::size_t remove_unreferenced(fakes::Registry& registry, std::vector<std::string> blobs);

// Every blob file nobody references (orphans of a killed process, or of state written before
// collection existed). Walks the whole blob store: for startup or an explicit request.
std::size_t sweep_blobs(fakes::Registry& registry);

}  // namespace pipemu::s3
