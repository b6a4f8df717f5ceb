// The handler for every type without a dedicated one: records the properties, makes the
// physical id and attributes from the catalogue's formats (AWS::Route53::*, AWS::CertificateManager::*,
// ...), and touches no other fake. A type the catalogue does not know still gets a generated
// physical id, so a template with a typo'd or brand-new type is recorded rather than dropped.
#include "fakes/cloudformation/providers/naming.hpp"
#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

namespace {

class GenericProvider : public ResourceProvider {
 public:
  ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) override {
    std::string name_property = ctx.info ? ctx.info->name_property : std::string();
    auto name = physical_name(ctx, props, name_property);
    return from_catalogue(ctx, name, ctx.ids.suffix(13));
  }

  ProviderResult<Provisioned> update(const ProviderContext&, const Resource& current,
                                     const Json&) override {
    return Provisioned{current.physical_id, current.attributes};
  }

  ProviderResult<Ok> remove(const ProviderContext&, const Resource&) override { return Ok{}; }
};

}  // namespace

std::shared_ptr<ResourceProvider> make_generic_provider() {
  return std::make_shared<GenericProvider>();
}

}  // namespace pipemu::cfn
