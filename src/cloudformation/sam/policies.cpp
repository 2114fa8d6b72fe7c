#include "cloudformation/sam/policies.h"

#include "cloudformation/sam/policy_templates.h"
#include "cloudformation/template_evaluator.h"

namespace eph::cloudformation::sam {
namespace {

// AWS managed policies that live under a path; the rest are at the root.
constexpr std::string_view kServiceRolePolicies[] = {
    "AWSLambdaBasicExecutionRole",       "AWSLambdaVPCAccessExecutionRole", "AWSLambdaDynamoDBExecutionRole",
    "AWSLambdaKinesisExecutionRole",     "AWSLambdaSQSQueueExecutionRole",  "AWSLambdaMSKExecutionRole",
    "AWSLambdaRole",                     "AWSLambdaENIManagementAccess",    "AWSConfigRulesExecutionRole",
    "AWSIoTRuleActions",                 "AmazonAPIGatewayPushToCloudWatchLogs",
    "AWSLambdaBasicDurableExecutionRolePolicy",
};

// Builds a resource from a pattern: ${Param} from the template's parameters, ${AWS::*}
// pseudo parameters unknown. Unknown parts make the whole resource unknown, keeping the
// pattern (with what is known filled in) as the reason, and the parameters' edges.
Value build_from_pattern(std::string_view pattern, const Value& params, Range where) {
  std::string out;
  bool known = true;
  std::vector<const Value*> parts;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find("${", i);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(i));
      break;
    }
    out.append(pattern.substr(i, open - i));
    size_t close = pattern.find('}', open);
    std::string_view name = pattern.substr(open + 2, close - open - 2);
    i = close + 1;
    const Value* v = params.is_map() ? params.get(name) : nullptr;
    auto text = v ? scalar_text(*v) : std::nullopt;
    if (v) parts.push_back(v);
    if (text && v->is_known()) {
      out += *text;
    } else {
      known = false;
      out += "${" + std::string(name) + "}";
    }
  }
  if (!known) return unknown_from(parts, where, out);
  Value v = Value::string_of(std::move(out), where);
  for (const Value* p : parts) absorb_provenance(v, *p);
  return v;
}

Value expand_template(const PolicyTemplateSpec& spec, const Value& params, Range where) {
  Value statements = Value::list(where);
  for (const PolicyStatementSpec& s : spec.statements) {
    Value st = Value::map(where);
    st.set("Effect", Value::string_of("Allow", where), where);
    Value actions = Value::list(where);
    for (auto a : s.actions) actions.items.push_back(Value::string_of(std::string(a), where));
    st.set("Action", std::move(actions), where);
    Value resources = Value::list(where);
    for (auto r : s.resources) resources.items.push_back(build_from_pattern(r, params, where));
    st.set("Resource", std::move(resources), where);
    if (!s.conditions.empty()) {
      Value condition = Value::map(where);
      for (const auto& c : s.conditions) {
        Value* op = condition.get(c.op);
        if (!op) op = &condition.set(std::string(c.op), Value::map(where), where);
        op->set(std::string(c.key), build_from_pattern(c.pattern, params, where), where);
      }
      st.set("Condition", std::move(condition), where);
    }
    statements.items.push_back(std::move(st));
  }
  Value doc = Value::map(where);
  doc.set("Statement", std::move(statements), where);
  return doc;
}

Value normalise_item(const Value& item) {
  if (item.is_string()) {
    if (item.text.rfind("arn:", 0) == 0) return item;
    Value v = item;
    v.text = managed_policy_arn(item.text);
    return v;
  }
  if (item.is_map() && !item.get("Statement") && item.fields.size() == 1) {
    const Field& f = item.fields[0];
    if (const PolicyTemplateSpec* spec = find_policy_template(f.key)) {
      Range where = item.where.valid() ? item.where : f.key_range;
      return expand_template(*spec, f.value, where);
    }
  }
  return item;  // policy documents, computed values and unrecognised entries stay as written
}

}  // namespace

std::string managed_policy_arn(std::string_view name) {
  for (auto p : kServiceRolePolicies)
    if (p == name) return "arn:aws:iam::aws:policy/service-role/" + std::string(name);
  return "arn:aws:iam::aws:policy/" + std::string(name);
}

Value normalise_policies(const Value& policies) {
  if (policies.is_unknown()) return policies;
  Value out = Value::list(policies.where);
  if (policies.is_list()) {
    out.items.reserve(policies.items.size());
    for (const Value& item : policies.items) out.items.push_back(normalise_item(item));
  } else if (policies.is_string() || policies.is_map()) {
    out.items.push_back(normalise_item(policies));
  }
  return out;
}

}  // namespace eph::cloudformation::sam
