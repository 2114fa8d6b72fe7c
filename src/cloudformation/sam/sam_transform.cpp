#include "cloudformation/sam/sam_transform.h"

#include "cloudformation/sam/globals.h"
#include "cloudformation/sam/policies.h"

namespace eph::cloudformation::sam {
namespace {

constexpr std::string_view kSamTransform = "AWS::Serverless-2016-10-31";

bool names_sam(const Value& v) {
  if (v.is_string()) return v.text == kSamTransform;
  if (v.is_list())
    for (const Value& item : v.items)
      if (item.is_string() && item.text == kSamTransform) return true;
  return false;
}

struct ImplicitApi {
  std::string_view logical_id;
  std::string_view type;
  std::string_view event_type;
  std::string_view api_property;  // the event property naming an explicit API
  std::string_view globals_section;
};

constexpr ImplicitApi kImplicitApis[] = {
    {"ServerlessRestApi", "AWS::Serverless::Api", "Api", "RestApiId", "Api"},
    {"ServerlessHttpApi", "AWS::Serverless::HttpApi", "HttpApi", "ApiId", "HttpApi"},
};

bool creates_implicit_api(const Value& event, const ImplicitApi& api) {
  const Value* type = event.get("Type");
  if (!type || !type->is_string() || type->text != api.event_type) return false;
  const Value* props = event.get("Properties");
  return !(props && props->is_map() && props->get(api.api_property));
}

// The first function event that makes SAM create `api`, if any.
const Field* first_implicit_event(const std::vector<NativeResource>& resources, const ImplicitApi& api) {
  for (const NativeResource& r : resources) {
    if (r.type != "AWS::Serverless::Function" || !r.body.is_map()) continue;
    const Value* events = r.body.get("Events");
    if (!events || !events->is_map()) continue;
    for (const Field& e : events->fields)
      if (creates_implicit_api(e.value, api)) return &e;
  }
  return nullptr;
}

void add_implicit_apis(const Value& globals, std::vector<NativeResource>& resources) {
  for (const ImplicitApi& api : kImplicitApis) {
    bool exists = false;
    for (const NativeResource& r : resources) exists |= r.address == api.logical_id;
    if (exists) continue;
    const Field* event = first_implicit_event(resources, api);
    if (!event) continue;
    NativeResource r;
    r.type = std::string(api.type);
    r.address = std::string(api.logical_id);
    r.declaration = event->key_range;
    const Value* g = globals.is_map() ? globals.get(api.globals_section) : nullptr;
    r.body = g && g->is_map() ? merge_globals(*g, Value::map(event->key_range)) : Value::map(event->key_range);
    r.meta = Value::map(event->key_range);
    resources.push_back(std::move(r));
  }
}

}  // namespace

bool is_sam_template(const Value& root) {
  const Value* transform = root.get("Transform");
  return transform && names_sam(*transform);
}

std::vector<std::string> implicit_api_ids(const Value& root) {
  std::vector<std::string> ids;
  const Value* resources = root.get("Resources");
  if (!resources || !resources->is_map()) return ids;
  for (const ImplicitApi& api : kImplicitApis) {
    bool needed = false;
    for (const Field& r : resources->fields) {
      const Value* type = r.value.get("Type");
      const Value* events = r.value.at("Properties/Events");
      if (!type || !type->is_string() || type->text != "AWS::Serverless::Function" || !events || !events->is_map()) {
        continue;
      }
      for (const Field& e : events->fields) needed |= creates_implicit_api(e.value, api);
    }
    if (needed) ids.emplace_back(api.logical_id);
  }
  return ids;
}

void apply_sam_transform(const Value& globals, std::vector<NativeResource>& resources) {
  for (NativeResource& r : resources) {
    std::string_view section = globals_section_for(r.type);
    if (section.empty()) continue;
    if (globals.is_map() && r.body.is_map()) {
      if (const Value* g = globals.get(section); g && g->is_map()) r.body = merge_globals(*g, r.body);
    }
    if ((section == "Function" || section == "StateMachine") && r.body.is_map()) {
      if (Value* policies = r.body.get("Policies")) *policies = normalise_policies(*policies);
    }
  }
  add_implicit_apis(globals, resources);
}

}  // namespace eph::cloudformation::sam
