#include "rule_api/rule.h"

#include <stdexcept>

#include "rule_api/rule_info.h"
#include "rule_api/suppression.h"

namespace eph {

Finding& RuleContext::report(const Range& range, std::string message, std::string resource) {
  Finding f;
  f.rule_id = info_.id;
  f.severity = info_.severity;
  f.range = range;
  f.message = std::move(message);
  f.resource = std::move(resource);
  out_.push_back(std::move(f));
  return out_.back();
}

namespace {

const RuleOption& declared(const RuleInfo& info, std::string_view name, OptionType type) {
  const RuleOption* option = find_option(info.options, name);
  if (!option || option->type != type)
    throw std::logic_error(info.id + " reads option '" + std::string(name) + "' it does not declare as " +
                           std::string(to_string(type)));
  return *option;
}

}  // namespace

long long RuleContext::option_int(std::string_view name) const {
  const RuleOption& option = declared(info_, name, OptionType::Integer);
  // The configuration loader checked the type and range.
  const Value* v = settings_.options.get(name);
  return v && v->kind == Kind::Number ? static_cast<long long>(v->number) : option.default_integer;
}

std::vector<std::string> RuleContext::option_strings(std::string_view name) const {
  declared(info_, name, OptionType::StringList);
  std::vector<std::string> out;
  const Value* v = settings_.options.get(name);
  if (!v) return out;
  if (v->kind == Kind::String) out.push_back(v->text);
  for (const auto& item : v->items)
    if (item.kind == Kind::String) out.push_back(item.text);
  return out;
}

const std::vector<Suppression>& RuleContext::suppressions() const {
  static const std::vector<Suppression> none;
  return suppressions_ ? *suppressions_ : none;
}

}  // namespace eph
