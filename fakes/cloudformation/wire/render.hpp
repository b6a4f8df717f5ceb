#pragma once
// CloudFormation records as query-protocol XML (element names from the botocore model); list
// items are <member> elements, timestamps ISO-8601 UTC with milliseconds.
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "fakes/cloudformation/service.hpp"

namespace pipemu::cfn::wire {

std::string iso8601(Millis t);

pugi::xml_node text(pugi::xml_node parent, const char* name, const std::string& value);
pugi::xml_node members(pugi::xml_node parent, const char* name,
                       const std::vector<std::string>& values);

void render_stack(pugi::xml_node member, const Stack& s);
void render_stack_summary(pugi::xml_node member, const Stack& s);
void render_event(pugi::xml_node member, const Event& e);
// `detail`: DescribeStackResource's StackResourceDetail; else a DescribeStackResources member.
void render_resource(pugi::xml_node member, const Resource& r, const Stack& s, bool detail);
void render_resource_summary(pugi::xml_node member, const Resource& r);
void render_change_set(pugi::xml_node result, const ChangeSet& c);
void render_change_set_summary(pugi::xml_node member, const ChangeSet& c);
void render_parameters(pugi::xml_node parent, const std::vector<ParameterValue>& params);
void render_template_summary(pugi::xml_node result, const TemplateSummary& s, bool validate);

}  // namespace pipemu::cfn::wire
