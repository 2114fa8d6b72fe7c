#include "model/policy_conditions.h"

#include <algorithm>
#include <cctype>

#include "model/value_paths.h"

namespace eph {
namespace {

constexpr std::string_view kIpKeys[] = {"aws:sourceip", "aws:vpcsourceip"};

// Keys that bind a request to an identity or an origin the owner controls.
constexpr std::string_view kIdentityKeys[] = {
    "aws:principalarn",  "aws:principalaccount", "aws:principalorgid",  "aws:principalorgpaths",
    "aws:userid",        "aws:username",         "aws:sourcevpce",      "aws:sourcevpc",
    "aws:sourcearn",     "aws:sourceaccount",    "aws:sourceorgid",     "aws:sourceorgpaths",
    "aws:sourceowner",   "kms:calleraccount",    "kms:viaservice",      "aws:calledvia",
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "ForAnyValue:NotIpAddressIfExists" -> "notipaddress".
std::string base_operator(std::string_view op) {
  std::string o = lower(op);
  if (size_t colon = o.find(':'); colon != std::string::npos) o = o.substr(colon + 1);
  constexpr std::string_view kIfExists = "ifexists";
  if (o.size() > kIfExists.size() && o.ends_with(kIfExists))
    o.resize(o.size() - kIfExists.size());
  return o;
}

}  // namespace

bool has_broad_principal(const PolicyStatement& st) {
  if (st.principal_unknown || st.not_principal) return false;
  for (const auto& p : st.principals) {
    if (p.type == "*") return true;
    if (p.type == "AWS" && string_of(p.id) == "*") return true;
  }
  return false;
}

bool is_ip_condition(const PolicyCondition& c) {
  if (std::find(std::begin(kIpKeys), std::end(kIpKeys), c.key_lower) == std::end(kIpKeys)) return false;
  std::string op = base_operator(c.op);
  return op == "ipaddress" || op == "notipaddress";
}

bool is_negated_ip_condition(const PolicyCondition& c) { return is_ip_condition(c) && base_operator(c.op) == "notipaddress"; }

bool is_identity_condition(const PolicyCondition& c) {
  return std::find(std::begin(kIdentityKeys), std::end(kIdentityKeys), c.key_lower) != std::end(kIdentityKeys);
}

bool is_ip_allow_list(const PolicyStatement& st, const PolicyCondition& c) {
  if (!is_ip_condition(c) || !st.effect || !st.effect->is_string()) return false;
  bool negated = is_negated_ip_condition(c);
  return st.effect->text == "Allow" ? !negated : st.effect->text == "Deny" && negated;
}

}  // namespace eph
