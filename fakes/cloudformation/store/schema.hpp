#pragma once
// The CloudFormation component's schema, as ordered migrations (migration i brings the
// component from version i to i+1). fakes/core's registry applies them under the component
// name "cloudformation"; `apply_schema` does the same on a bare handle (tests, tools).
#include <sqlite3.h>

#include <string>
#include <vector>

namespace pipemu::cfn::store {

inline constexpr const char* kComponent = "cloudformation";

const std::vector<std::string>& migrations();

// Applies the migrations not yet applied, tracking the version in table cfn_schema_version.
// Refuses (throws) a database whose version is newer than this build knows.
void apply_schema(sqlite3* db);

}  // namespace pipemu::cfn::store
