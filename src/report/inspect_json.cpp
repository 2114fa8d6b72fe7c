#include "report/inspect_json.h"

#include <nlohmann/json.hpp>

#include "report/inspect_lowered.h"
#include "report/inspect_traffic.h"

namespace eph {
namespace {

using Json = nlohmann::ordered_json;

std::string at(const Range& r) { return inspect_position(r); }

Json value_json(const Value& v) {
  Json j;
  switch (v.kind) {
    case Kind::Null: j["value"] = nullptr; break;
    case Kind::Bool: j["value"] = v.boolean; break;
    case Kind::Number: j["value"] = v.number; break;
    case Kind::String: j["value"] = v.text; break;
    case Kind::Unknown:
      j["unknown"] = true;
      if (!v.text.empty()) j["why"] = v.text;
      break;
    case Kind::List: {
      Json items = Json::array();
      for (const auto& item : v.items) items.push_back(value_json(item));
      j["list"] = std::move(items);
      break;
    }
    case Kind::Map: {
      Json fields = Json::object();
      for (const auto& f : v.fields) fields[f.key] = value_json(f.value);
      j["map"] = std::move(fields);
      break;
    }
  }
  if (v.where.valid()) j["at"] = at(v.where);
  if (v.marks) {
    Json marks = Json::array();
    if (v.has_mark(kSensitive)) marks.push_back("sensitive");
    if (v.has_mark(kSecretValue)) marks.push_back("secret-value");
    if (v.has_mark(kSecretRef)) marks.push_back("secret-reference");
    if (v.has_mark(kStoreValue)) marks.push_back("parameter-store-value");
    j["marks"] = std::move(marks);
  }
  if (!v.refs.empty()) {
    Json refs = Json::array();
    for (const auto& r : v.refs) refs.push_back(r.attribute.empty() ? r.address : r.address + "." + r.attribute);
    j["refs"] = std::move(refs);
  }
  if (v.decoded) j["decoded"] = value_json(*v.decoded);
  return j;
}

const char* diagnostic_kind_name(Diagnostic::Kind kind) {
  switch (kind) {
    case Diagnostic::Kind::ParseError: return "parse-error";
    case Diagnostic::Kind::LimitReached: return "limit";
    case Diagnostic::Kind::UnresolvedModule: return "unresolved-module";
  }
  return "limit";
}

}  // namespace

void write_inspect_json(std::ostream& out, const std::vector<LoadedUnit>& units) {
  Json doc = Json::array();
  for (const auto& unit : units) {
    Json u;
    u["unit"] = unit.name;
    u["format"] = unit.format.empty() ? "rejected" : unit.format;
    Json diags = Json::array();
    for (const auto& d : unit.diagnostics) {
      diags.push_back({{"kind", diagnostic_kind_name(d.kind)},
                       {"at", at(d.range)},
                       {"message", d.message}});
    }
    u["diagnostics"] = std::move(diags);
    Json resources = Json::array();
    for (const auto& r : unit.resources) {
      Json jr;
      jr["address"] = r.address;
      jr["type"] = r.type;
      if (!r.module.empty()) jr["module"] = r.module;
      jr["declaration"] = at(r.declaration);
      if (r.may_not_exist) jr["may_not_exist"] = true;
      jr["body"] = value_json(r.body);
      if (r.meta.is_map() && !r.meta.fields.empty()) jr["metadata"] = value_json(r.meta);
      resources.push_back(std::move(jr));
    }
    u["resources"] = std::move(resources);
    Model model = build_model(unit);
    u["traffic"] = traffic_json(model);
    u["lowered"] = lowered_json(model);
    doc.push_back(std::move(u));
  }
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace eph
