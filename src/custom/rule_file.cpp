#include "custom/rule_file.h"

#include <algorithm>
#include <cctype>

#include "core/spelling.h"
#include "syntax/yaml/yaml_loader.h"

namespace eph::custom {
namespace {

struct OperatorName {
  std::string_view name;
  Op op;
  std::string_view meaning;
};
constexpr OperatorName kOperators[] = {
    {"exists", Op::Exists, "`true`: the field is written (also when its value cannot be known); `false`: it is not"},
    {"absent", Op::Absent, "`true`: the field is not written (a map key that is not there, a relation that leads nowhere)"},
    {"unknown", Op::Unknown, "`true`: the field is written but its value cannot be known (the only operator that matches unknown values)"},
    {"equals", Op::Equals, "the value equals the argument (a string, number or boolean of the field's type)"},
    {"not-equals", Op::NotEquals, "the value is written, known, and differs from the argument"},
    {"in", Op::In, "the value equals one of the listed arguments"},
    {"not-in", Op::NotIn, "the value is written, known, and none of the listed arguments"},
    {"matches", Op::Matches, "a regular expression (RE2 syntax) matches somewhere in the value; anchor with `^` and `$`"},
    {"cidr-contains", Op::CidrContains, "the value is a CIDR (or address) that contains the argument's network"},
    {"cidr-within", Op::CidrWithin, "the value is a CIDR (or address) inside the argument's network"},
    {"prefix-length", Op::PrefixLength, "the value is a CIDR whose prefix length is the argument (`0`: the whole internet)"},
    {"prefix-length-below", Op::PrefixLengthBelow, "the value is a CIDR whose prefix is shorter than the argument (wider than /N)"},
    {"prefix-length-above", Op::PrefixLengthAbove, "the value is a CIDR whose prefix is longer than the argument (narrower than /N)"},
    {"lt", Op::Lt, "the value is a number below the argument"},
    {"le", Op::Le, "the value is a number at most the argument"},
    {"gt", Op::Gt, "the value is a number above the argument"},
    {"ge", Op::Ge, "the value is a number at least the argument"},
};
struct CombinatorName {
  std::string_view name, meaning;
};
constexpr CombinatorName kCombinatorDocs[] = {
    {"any", "some element of the list (or map entry) meets every condition of `where`; `as: NAME` binds the first one"},
    {"all", "every element meets every condition of `where` (true for an empty list)"},
    {"none", "no element meets every condition of `where` (without `where`: the list is empty)"},
    {"any-of", "at least one of the listed conditions holds"},
    {"all-of", "every listed condition holds"},
    {"not", "the condition does not hold (unknown stays unknown)"},
};
constexpr std::string_view kCombinators[] = {"any", "all", "none", "any-of", "all-of", "not"};
constexpr std::string_view kTopKeys[] = {"id", "slug", "title", "severity", "docs", "match", "where", "report-at", "message"};

// What a condition is evaluated against: an entity, or a value (an element of a list of values).
struct Scope {
  const EntityDef* entity = nullptr;
  PathType element;  // when `entity` is null: the value's type
  std::vector<Binding> bindings;
};

class Reader {
 public:
  Reader(const std::string& path, SourceFilePtr source, std::vector<ConfigError>& errors)
      : path_(path), source_(std::move(source)), errors_(errors) {}

  void error(const Range& at, std::string message) {
    ConfigError e{path_, 0, 0, std::move(message), false};
    if (at.valid()) {
      Location loc = to_location(at);
      e.line = loc.line;
      e.column = loc.column;
    }
    errors_.push_back(std::move(e));
  }

  std::optional<std::string> text(const Value& v, std::string_view what) {
    if (v.kind == Kind::String && !v.text.empty()) return v.text;
    error(v.where, std::string(what) + " must be a non-empty string");
    return std::nullopt;
  }

  std::optional<FieldPath> path(const Value& v) {
    if (v.kind != Kind::String || v.text.empty()) {
      error(v.where, "expected a field path such as `runtime`, `tags.team` or `role`");
      return std::nullopt;
    }
    FieldPath p;
    p.text = v.text;
    p.range = v.where;
    size_t start = 0;
    while (start <= v.text.size()) {
      size_t dot = v.text.find('.', start);
      std::string segment = v.text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (segment.empty()) {
        error(v.where, "empty segment in field path '" + v.text + "'");
        return std::nullopt;
      }
      p.segments.push_back(std::move(segment));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return p;
  }

  // The type of `p` in `scope`, or an error at the path.
  std::optional<PathType> check(const Scope& scope, const FieldPath& p) {
    if (p.segments.empty()) {
      if (scope.entity) return PathType{FieldType::Entity, false, scope.entity};
      return scope.element;
    }
    bool bound = std::any_of(scope.bindings.begin(), scope.bindings.end(),
                             [&](const Binding& b) { return b.name == p.segments.front(); });
    if (!scope.entity && !bound) {
      error(p.range, "the elements here are values, not entities: leave out `field` to test the value itself");
      return std::nullopt;
    }
    std::string why;
    size_t bad = 0;
    auto type = type_of_path(scope.entity ? *scope.entity : map_entry_entity(), scope.bindings, p, why, bad);
    if (!type) error(p.range, why);
    return type;
  }

  bool argument_fits(const Value& a, FieldType type) {
    switch (type) {
      case FieldType::String: return a.kind == Kind::String;
      case FieldType::Number: return a.kind == Kind::Number;
      case FieldType::Bool: return a.kind == Kind::Bool;
      case FieldType::Any: return a.kind == Kind::String || a.kind == Kind::Number || a.kind == Kind::Bool;
      default: return false;
    }
  }

  static std::string_view kind_name(Kind k) {
    switch (k) {
      case Kind::String: return "a string";
      case Kind::Number: return "a number";
      case Kind::Bool: return "a boolean";
      case Kind::List: return "a list";
      case Kind::Map: return "a map";
      default: return "null";
    }
  }

  // The operator's argument against the field's type.
  bool operand(Condition& c, std::string_view op_name, const Value& arg, const PathType& type, const std::string& field) {
    std::string subject = field.empty() ? "the value" : "'" + field + "'";
    if (c.op == Op::Exists || c.op == Op::Absent || c.op == Op::Unknown) {
      if (arg.kind != Kind::Bool) {
        error(arg.where, std::string(op_name) + " expects true or false");
        return false;
      }
      c.flag = arg.boolean;
      return true;
    }
    if (type.list || type.type == FieldType::Map) {
      error(c.range, subject + " is a " + (type.list ? "list" : "map") + ": " + std::string(op_name) +
                         " cannot match it; use any, all or none" + (type.list ? "" : ", or a key (`" + field + ".KEY`)"));
      return false;
    }
    if (type.type == FieldType::Entity) {
      error(c.range, subject + " leads to " + std::string(type.entity ? type.entity->name : "an entity") + ": " +
                         std::string(op_name) + " cannot match it; name one of its fields (`" + field + ".address`)");
      return false;
    }
    auto need = [&](bool ok, const std::string& message) {
      if (!ok) error(arg.where, message);
      return ok;
    };
    switch (c.op) {
      case Op::Equals:
      case Op::NotEquals:
      case Op::In:
      case Op::NotIn: {
        bool list_op = c.op == Op::In || c.op == Op::NotIn;
        std::vector<const Value*> items;
        if (list_op) {
          if (!need(arg.kind == Kind::List && !arg.items.empty(), std::string(op_name) + " expects a non-empty list")) return false;
          for (const auto& i : arg.items) items.push_back(&i);
        } else {
          items.push_back(&arg);
        }
        for (const Value* i : items) {
          if (!argument_fits(*i, type.type)) {
            error(i->where, subject + " is a " + std::string(to_string(type.type)) + "; " + std::string(kind_name(i->kind)) +
                                " can never equal it");
            return false;
          }
          c.arguments.push_back(*i);
        }
        return true;
      }
      case Op::Matches: {
        if (!need(type.type == FieldType::String || type.type == FieldType::Any,
                  "matches applies to strings; " + subject + " is a " + std::string(to_string(type.type))))
          return false;
        if (!need(arg.kind == Kind::String, "matches expects a regular expression (a string)")) return false;
        std::string why;
        auto pattern = std::make_shared<Pattern>(arg.text, why);
        if (!why.empty()) {
          error(arg.where, "bad regular expression: " + why);
          return false;
        }
        c.pattern = std::move(pattern);
        return true;
      }
      case Op::CidrContains:
      case Op::CidrWithin: {
        if (!need(type.type == FieldType::String || type.type == FieldType::Any,
                  std::string(op_name) + " applies to strings holding a CIDR; " + subject + " is a " +
                      std::string(to_string(type.type))))
          return false;
        c.cidr = arg.kind == Kind::String ? parse_ip_prefix(arg.text, /*bare_address_is_host=*/true) : std::nullopt;
        return need(c.cidr.has_value(), std::string(op_name) + " expects an IPv4 or IPv6 address or CIDR");
      }
      case Op::PrefixLength:
      case Op::PrefixLengthBelow:
      case Op::PrefixLengthAbove:
        if (!need(type.type == FieldType::String || type.type == FieldType::Any,
                  std::string(op_name) + " applies to strings holding a CIDR; " + subject + " is a " +
                      std::string(to_string(type.type))))
          return false;
        if (!need(arg.kind == Kind::Number && arg.number >= 0 && arg.number <= 128 && arg.number == static_cast<int>(arg.number),
                  std::string(op_name) + " expects a prefix length from 0 to 128"))
          return false;
        c.arguments.push_back(arg);
        return true;
      default:  // lt, le, gt, ge
        if (!need(type.type == FieldType::Number || type.type == FieldType::Any,
                  std::string(op_name) + " compares numbers; " + subject + " is a " + std::string(to_string(type.type))))
          return false;
        if (!need(arg.kind == Kind::Number, std::string(op_name) + " expects a number")) return false;
        c.arguments.push_back(arg);
        return true;
    }
  }

  std::optional<Condition> condition(const Value& v, Scope& scope);

  std::optional<std::vector<Condition>> conditions(const Value& v, Scope& scope, std::string_view what) {
    if (v.kind != Kind::List) {
      error(v.where, std::string(what) + " must be a list of conditions");
      return std::nullopt;
    }
    std::vector<Condition> out;
    bool ok = true;
    for (const auto& item : v.items) {
      auto c = condition(item, scope);
      if (c) out.push_back(std::move(*c));
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::vector<MessagePart> message(const Value& v, const Scope& scope) {
    std::vector<MessagePart> parts;
    std::string literal;
    const std::string& s = v.text;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) {
        literal += s[i++];
        continue;
      }
      if (s[i] == '}') {
        error(v.where, "unmatched '}' in message (write '}}' for a brace)");
        continue;
      }
      if (s[i] != '{') {
        literal += s[i];
        continue;
      }
      size_t close = s.find('}', i);
      if (close == std::string::npos) {
        error(v.where, "unterminated '{' in message (write '{{' for a brace)");
        break;
      }
      if (!literal.empty()) parts.push_back(MessagePart{false, std::move(literal), {}});
      literal.clear();
      Value hole = Value::string_of(s.substr(i + 1, close - i - 1), v.where);
      if (auto p = path(hole)) {
        if (check(scope, *p)) parts.push_back(MessagePart{true, hole.text, *p});
      }
      i = close;
    }
    if (!literal.empty()) parts.push_back(MessagePart{false, std::move(literal), {}});
    return parts;
  }

  std::optional<CustomRuleSpec> rule(const Value& root);

 private:
  const std::string& path_;
  SourceFilePtr source_;
  std::vector<ConfigError>& errors_;
};

std::optional<Condition> Reader::condition(const Value& v, Scope& scope) {
  if (!v.is_map() || v.fields.empty()) {
    error(v.where, "a condition is a map: `{field: runtime, equals: python3.8}`, `{any: triggers, where: [...]}`, "
                   "`{any-of: [...]}` or `{not: {...}}`");
    return std::nullopt;
  }
  Condition c;
  c.range = v.where;
  const Field* field = nullptr;
  const Field* op = nullptr;
  const Field* combinator = nullptr;
  const Field* where = nullptr;
  const Field* as = nullptr;
  for (const auto& f : v.fields) {
    bool is_op = std::any_of(std::begin(kOperators), std::end(kOperators), [&](const OperatorName& o) { return o.name == f.key; });
    bool is_combinator = std::find(std::begin(kCombinators), std::end(kCombinators), f.key) != std::end(kCombinators);
    const Field** slot = f.key == "field" ? &field : f.key == "where" ? &where : f.key == "as" ? &as
                       : is_op ? &op : is_combinator ? &combinator : nullptr;
    if (!slot) {
      std::vector<std::string> known = {"field", "where", "as"};
      for (const auto& o : kOperators) known.emplace_back(o.name);
      for (auto k : kCombinators) known.emplace_back(k);
      error(f.key_range, "unknown operator '" + f.key + "'" + did_you_mean(f.key, known) +
                             " (see docs/custom-rules.md for the operators)");
      return std::nullopt;
    }
    if (*slot) {
      error(f.key_range, "one condition holds one operator: split '" + (*slot)->key + "' and '" + f.key +
                             "' into two conditions");
      return std::nullopt;
    }
    *slot = &f;
  }
  if (combinator) {
    if (op || field) {
      error((op ? op : field)->key_range, "'" + combinator->key + "' takes no `field` or operator beside it");
      return std::nullopt;
    }
    const std::string& k = combinator->key;
    if (k == "any" || k == "all" || k == "none") {
      c.kind = k == "any" ? ConditionKind::Any : k == "all" ? ConditionKind::All : ConditionKind::None;
      auto p = path(combinator->value);
      if (!p) return std::nullopt;
      c.path = *p;
      auto type = check(scope, c.path);
      if (!type) return std::nullopt;
      if (!type->list && type->type != FieldType::Map) {
        error(c.path.range, "'" + c.path.text + "' is not a list or map: " + k + " needs one");
        return std::nullopt;
      }
      Scope inner = scope;
      if (type->type == FieldType::Map) inner.entity = &map_entry_entity();
      else if (type->type == FieldType::Entity) inner.entity = type->entity;
      else {
        inner.entity = nullptr;
        inner.element = PathType{type->type, false, nullptr};
      }
      if (as) {
        if (k != "any") {
          error(as->key_range, "`as` names the element that matched: only `any` has one");
          return std::nullopt;
        }
        auto name = text(as->value, "as");
        if (!name) return std::nullopt;
        c.binding = *name;
        PathType bound = inner.entity ? PathType{FieldType::Entity, false, inner.entity} : inner.element;
        inner.bindings.push_back(Binding{c.binding, bound});
        scope.bindings.push_back(Binding{c.binding, bound});  // the message may name it too
      }
      if (where) {
        auto children = conditions(where->value, inner, "where");
        if (!children) return std::nullopt;
        c.children = std::move(*children);
      }
      return c;
    }
    if (where || as) {
      error((where ? where : as)->key_range, "`" + (where ? where : as)->key + "` belongs to any, all or none");
      return std::nullopt;
    }
    if (k == "not") {
      c.kind = ConditionKind::Not;
      auto child = condition(combinator->value, scope);
      if (!child) return std::nullopt;
      c.children.push_back(std::move(*child));
      return c;
    }
    c.kind = k == "any-of" ? ConditionKind::AnyOf : ConditionKind::AllOf;
    auto children = conditions(combinator->value, scope, k);
    if (!children) return std::nullopt;
    c.children = std::move(*children);
    return c;
  }
  if (where || as) {
    error((where ? where : as)->key_range, "`" + (where ? where : as)->key + "` belongs to any, all or none");
    return std::nullopt;
  }
  if (!op) {
    error(v.where, "the condition has no operator (equals, in, matches, exists, absent...)");
    return std::nullopt;
  }
  if (field) {
    auto p = path(field->value);
    if (!p) return std::nullopt;
    c.path = *p;
  }
  auto type = check(scope, c.path);
  if (!type) return std::nullopt;
  for (const auto& o : kOperators)
    if (o.name == op->key) c.op = o.op;
  if (!operand(c, op->key, op->value, *type, c.path.text)) return std::nullopt;
  return c;
}

bool valid_id(const std::string& id) {
  size_t letters = 0;
  while (letters < id.size() && std::isupper(static_cast<unsigned char>(id[letters]))) ++letters;
  if (letters == 0 || letters == id.size()) return false;
  for (size_t i = letters; i < id.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return false;
  return true;
}

bool valid_slug(const std::string& slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
}

std::optional<CustomRuleSpec> Reader::rule(const Value& root) {
  if (!root.is_map()) {
    error(root.where.valid() ? root.where : Range{source_.get(), 0, 0}, "a rule file is a map: id, slug, title, severity, docs, match, where, message");
    return std::nullopt;
  }
  size_t errors_before = errors_.size();
  CustomRuleSpec spec;
  spec.path = path_;
  spec.source = source_;
  for (const auto& f : root.fields) {
    if (std::find(std::begin(kTopKeys), std::end(kTopKeys), f.key) == std::end(kTopKeys)) {
      std::vector<std::string> known(std::begin(kTopKeys), std::end(kTopKeys));
      error(f.key_range, "unknown key '" + f.key + "'" + did_you_mean(f.key, known) +
                             " (id, slug, title, severity, docs, match, where, report-at, message)");
    }
  }
  auto required = [&](std::string_view key) -> const Value* {
    const Value* v = root.get(key);
    if (!v) error(Range{source_.get(), 0, 0}, "missing '" + std::string(key) + "'");
    return v;
  };
  if (const Value* v = required("id"); v && text(*v, "id")) {
    spec.id = v->text;
    if (!valid_id(spec.id)) error(v->where, "id '" + spec.id + "' must be a team prefix in capitals and a number (ACME101)");
    else if (spec.id.rfind("EPH", 0) == 0) error(v->where, "id '" + spec.id + "' uses ephemera's own prefix EPH: choose your team's prefix");
  }
  if (const Value* v = required("slug"); v && text(*v, "slug")) {
    spec.slug = v->text;
    if (!valid_slug(spec.slug)) error(v->where, "slug '" + spec.slug + "' must be kebab-case (lower-case words joined by '-')");
  }
  if (const Value* v = required("title"); v && text(*v, "title")) spec.title = v->text;
  if (const Value* v = required("severity"); v && text(*v, "severity")) {
    auto s = parse_severity(v->text);
    if (!s) error(v->where, "unknown severity '" + v->text + "' (critical, high, medium, low, info)");
    else spec.severity = *s;
  }
  if (const Value* docs = required("docs")) {
    if (!docs->is_map()) {
      error(docs->where, "docs is a map with what, why and fix (and optionally url)");
    } else {
      for (const auto& f : docs->fields) {
        std::string* slot = f.key == "what" ? &spec.docs.what : f.key == "why" ? &spec.docs.why : f.key == "fix" ? &spec.docs.fix
                          : f.key == "url" ? &spec.docs.url : nullptr;
        if (!slot) error(f.key_range, "unknown key '" + f.key + "' in docs (what, why, fix, url)");
        else if (auto t = text(f.value, "docs." + f.key)) *slot = *t;
      }
      for (std::string_view k : {"what", "why", "fix"})
        if (!docs->get(k)) error(docs->where, "docs needs '" + std::string(k) + "'");
    }
  }
  Scope scope;
  if (const Value* m = required("match"); m && text(*m, "match")) {
    spec.query.entity = find_entity(m->text);
    if (!spec.query.entity || !spec.query.entity->all) {
      std::vector<std::string> names;
      for (const auto& e : entities())
        if (e.all) names.emplace_back(e.name);
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      error(m->where, "unknown entity '" + m->text + "'" + did_you_mean(m->text, names) + " (" + list + ")");
      spec.query.entity = nullptr;
    }
  }
  if (!spec.query.entity) return std::nullopt;
  scope.entity = spec.query.entity;
  if (const Value* w = root.get("where")) {
    if (auto c = conditions(*w, scope, "where")) spec.query.where = std::move(*c);
  }
  // Names bound by `any ... as:` anywhere in `where` may be used by report-at and the message.
  if (const Value* at = root.get("report-at")) {
    if (auto p = path(*at)) {
      if (auto type = check(scope, *p)) {
        if (type->list || type->type == FieldType::Map) error(p->range, "report-at names one field, not a list or map");
        else spec.query.report_at = *p;
      }
    }
  }
  if (const Value* m = required("message"); m && text(*m, "message")) spec.query.message = message(*m, scope);
  for (const auto& b : scope.bindings) {
    if (find_field(*spec.query.entity, b.name))
      error(Range{source_.get(), 0, 0}, "`as: " + b.name + "` hides the field '" + b.name + "' of " + std::string(spec.query.entity->name));
  }
  if (errors_.size() != errors_before) return std::nullopt;
  return spec;
}

}  // namespace

std::vector<OperatorDoc> operator_docs() {
  std::vector<OperatorDoc> out;
  for (const auto& o : kOperators) out.push_back(OperatorDoc{o.name, o.meaning, false});
  for (const auto& c : kCombinatorDocs) out.push_back(OperatorDoc{c.name, c.meaning, true});
  return out;
}

std::optional<CustomRuleSpec> parse_rule_file(const std::string& path, const std::string& text, std::vector<ConfigError>& errors) {
  auto source = std::make_shared<const SourceFile>(path, text);
  yaml::ParseResult parsed = yaml::parse(*source);
  bool syntax_ok = true;
  for (const auto& d : parsed.diagnostics) {
    Location loc = to_location(d.range);
    errors.push_back(ConfigError{path, loc.line, loc.column, d.message, false});
    syntax_ok = false;
  }
  if (!syntax_ok) return std::nullopt;
  Reader reader(path, source, errors);
  return reader.rule(parsed.value);
}

}  // namespace eph::custom
