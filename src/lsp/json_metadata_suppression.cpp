#include "lsp/json_metadata_suppression.h"

#include <nlohmann/json.hpp>

namespace eph::lsp {
namespace {

// An insertion just after the opening bracket of `container`, followed by a comma when
// the container already holds something.
TextEdit insert_first(const SourceFile& file, const Value& container, bool empty, const std::string& text) {
  uint32_t at = container.where.begin + 1;
  return TextEdit{Range{&file, at, at}, empty ? text : text + ", "};
}

}  // namespace

std::optional<TextEdit> JsonMetadataSuppressions::edit_for(const SourceFile& file, const std::string& logical_id,
                                                           const std::string& rule_id, const std::string& reason) {
  auto it = parsed_.find(&file);
  if (it == parsed_.end()) it = parsed_.emplace(&file, json::parse(file)).first;
  const Value& root = it->second.value;
  const Value* resources = root.get("Resources");
  const Value* resource = resources ? resources->get(logical_id) : nullptr;
  if (!resource || !resource->is_map() || resource->where.file != &file) return std::nullopt;

  std::string entry = nlohmann::json({{"id", rule_id}, {"reason", reason}}).dump();
  std::string ignore = "\"ignore\": [" + entry + "]";
  std::string ephemera = "\"ephemera\": {" + ignore + "}";
  const Value* metadata = resource->get("Metadata");
  if (!metadata) return insert_first(file, *resource, resource->fields.empty(), "\"Metadata\": {" + ephemera + "}");
  if (!metadata->is_map()) return std::nullopt;
  const Value* ours = metadata->get("ephemera");
  if (!ours) return insert_first(file, *metadata, metadata->fields.empty(), ephemera);
  if (!ours->is_map()) return std::nullopt;
  const Value* list = ours->get("ignore");
  if (!list) return insert_first(file, *ours, ours->fields.empty(), ignore);
  if (!list->is_list()) return std::nullopt;
  return insert_first(file, *list, list->items.empty(), entry);
}

}  // namespace eph::lsp
