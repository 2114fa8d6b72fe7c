#include "engine/rule.h"

#include "engine/rule_registry.h"
#include "engine/suppressions.h"

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

long long RuleContext::option_int(std::string_view key, long long fallback) const {
  const Value* v = settings_.options.get(key);
  return v && v->kind == Kind::Number ? static_cast<long long>(v->number) : fallback;
}

std::vector<std::string> RuleContext::option_strings(std::string_view key) const {
  std::vector<std::string> out;
  const Value* v = settings_.options.get(key);
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
