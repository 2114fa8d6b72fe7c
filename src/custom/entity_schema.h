#pragma once
// What custom rules can ask of the semantic model: its entities (functions, triggers,
// policies, firewall rules...), their fields, and the relations between them, one table.
// The rule loader checks rules against it, the evaluator reads the model through it, and
// docs/custom-rules.md documents it (a test compares the two).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace eph::custom {

enum class FieldType {
  String,  // text: names, kinds, CIDRs, ARNs
  Number,
  Bool,
  Map,     // keys to values (tags, environment, a resource's attributes): `tags.team`
  Entity,  // a relation: the field leads to another entity
  Any,     // a value inside a map, whatever it holds
};
std::string_view to_string(FieldType type);

struct EntityDef;

// One thing a field yields: a value of the model (positioned where it was written, maybe
// Unknown), a fact the model derived, or another entity.
struct Item {
  const Value* value = nullptr;            // the value (points into the model, or into `owned`)
  std::shared_ptr<const Value> owned;      // a derived fact ("queue", a port number)
  const EntityDef* entity = nullptr;       // set for entities
  const void* object = nullptr;            // the model's object (Function, Inbound, CidrRule...)
  const void* parent = nullptr;            // what it belongs to (a trigger's function, a statement's policy)
  std::string key;                         // a map entry's key
  Range range;                             // where it is written (the best place to point at)
  std::string label;                       // entities: how messages and evidence name it
};

// What a field holds for one entity. A single field yields at most one item.
struct FieldValue {
  bool present = false;  // written (for lists and maps: there is a list or map)
  bool known = true;     // false: the list or map as a whole cannot be known
  std::vector<Item> items;
};

struct FieldDef {
  std::string_view name;
  FieldType type = FieldType::String;
  bool list = false;             // several items (quantify with any/all/none)
  std::string_view target;       // Entity: the entity it leads to
  std::string_view meaning;      // one line, for the reference
  FieldValue (*get)(const Model& model, const Item& owner) = nullptr;
};

struct EntityDef {
  std::string_view name;
  std::string_view meaning;
  std::vector<FieldDef> fields;
  // Every entity of this kind in the model; null for entities reached only through a
  // relation (a map entry, a policy condition).
  void (*all)(const Model& model, std::vector<Item>& out) = nullptr;
};

const std::vector<EntityDef>& entities();
const EntityDef* find_entity(std::string_view name);
const FieldDef* find_field(const EntityDef& entity, std::string_view name);
// The pseudo-entity of a map entry (fields `key` and `value`), for quantifiers over maps.
const EntityDef& map_entry_entity();

// The text an item stands for in messages: a string as written, a number, an entity's label;
// "(unknown)" for what cannot be known.
std::string display(const Item& item);

}  // namespace eph::custom
