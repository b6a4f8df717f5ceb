#pragma once
// One handler per CloudFormation action: reads the query arguments, calls the service, writes
// the <OpResult> element. Returns false in `has_result` for actions without a Result element.
#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>

#include "fakes/cloudformation/service.hpp"
#include "fakes/cloudformation/wire/query.hpp"

namespace pipemu::cfn::wire {

struct Call {
  Service& service;
  Caller caller;
  const QueryArgs& args;
};

using Handler = std::function<ApiResult<bool>(Call& call, pugi::xml_node result)>;

const std::map<std::string, Handler>& handlers();

}  // namespace pipemu::cfn::wire
