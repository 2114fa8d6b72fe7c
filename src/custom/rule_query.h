#pragma once
// A custom rule's query, as loaded from its YAML file and checked against the entity table:
// which entities it looks at, the conditions they must meet, where the finding points and
// what it says. evaluate_query() runs it over one unit's model.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/value.h"
#include "custom/entity_schema.h"
#include "custom/pattern.h"
#include "core/ip_address.h"

namespace eph::custom {

// A dotted path from an entity (`role`, `tags.team`, `vpc.flow_logs`), or from a name bound
// by a quantifier's `as:`.
struct FieldPath {
  std::vector<std::string> segments;  // empty: the item itself (inside a quantifier over values)
  std::string text;
  Range range;
};

enum class Op {
  Exists, Absent, Unknown,                              // any field
  Equals, NotEquals, In, NotIn,                         // strings, numbers, booleans
  Matches,                                              // strings: RE2, found anywhere (anchor with ^ $)
  CidrContains, CidrWithin,                             // strings holding a CIDR or address
  PrefixLength, PrefixLengthBelow, PrefixLengthAbove,   // strings holding a CIDR
  Lt, Le, Gt, Ge,                                       // numbers
};

enum class ConditionKind { Test, Any, All, None, AnyOf, AllOf, Not };

struct Condition {
  ConditionKind kind = ConditionKind::Test;
  Range range;                        // where the condition is written
  FieldPath path;                     // Test: the field; Any/All/None: the list
  Op op = Op::Exists;
  bool flag = true;                   // exists/absent/unknown: true or false
  std::vector<Value> arguments;       // equals/in/comparisons: what the field is compared with
  std::shared_ptr<const Pattern> pattern;
  std::optional<IpPrefix> cidr;       // cidr-contains / cidr-within: the argument
  std::vector<Condition> children;    // Any/All/None: `where`; AnyOf/AllOf: the alternatives; Not: one
  std::string binding;                // Any: `as:` name of the element that matched
};

// A message template: literal text and `{path}` holes.
struct MessagePart {
  bool hole = false;
  std::string text;                   // literal text, or the hole's path as written
  FieldPath path;
};

struct Query {
  const EntityDef* entity = nullptr;
  std::vector<Condition> where;       // all must hold
  std::optional<FieldPath> report_at; // the field the finding points at
  std::vector<MessagePart> message;
};

// One match of a query: where to point, what to say, the evidence chain.
struct QueryMatch {
  Range range;
  std::string message;
  std::string resource;
  std::vector<RelatedLocation> related;
};

std::vector<QueryMatch> evaluate_query(const Query& query, const Model& model);

// The static type of a path from `entity` (or a binding): for the loader's checks.
struct PathType {
  FieldType type = FieldType::Any;
  bool list = false;
  const EntityDef* entity = nullptr;  // for Entity (and lists of entities): the target
};

// Bindings in scope while loading: name -> the entity (or value type) it names.
struct Binding {
  std::string name;
  PathType type;
};

// Checks `path` from `entity` with `bindings` in scope; on failure `error` names the segment
// and `bad_segment` its index.
std::optional<PathType> type_of_path(const EntityDef& entity, const std::vector<Binding>& bindings,
                                     const FieldPath& path, std::string& error, size_t& bad_segment);

}  // namespace eph::custom
