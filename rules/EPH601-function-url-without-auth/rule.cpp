// EPH601 function-url-without-auth: a Lambda function URL that anyone can call, on a
// function of the scanned code or on one declared elsewhere.
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

constexpr size_t kMaxWrittenName = 120;

// How the URL names a function that is not in the scanned code, as written: a literal name
// or ARN, `var.function_name`, `data.aws_lambda_function.api.function_name`, `!ImportValue X`.
std::string written_name(const Value& designation) {
  std::string_view text = designation.where.valid() ? designation.where.text() : std::string_view{};
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() >= 2 && (out.front() == '"' || out.front() == '\'') && out.back() == out.front())
    out = out.substr(1, out.size() - 2);
  if (out.empty() && designation.is_string()) out = designation.text;
  if (out.size() > kMaxWrittenName) out = out.substr(0, kMaxWrittenName - 3) + "...";
  return out;
}

bool open_to_anyone(const FunctionUrl& url) {
  // A URL without an auth type is not deployable (the attribute is required): nothing to say.
  return url.auth_type && url.auth_type->is_string() && url.auth_type->text == "NONE";
}

constexpr std::string_view kWhy = " has authorization type NONE: anyone on the internet can invoke the function; "
                                  "use AWS_IAM and sign requests, or front it with an authorizing API";

class RuleEPH601 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      for (const FunctionUrl& url : fn.urls) {
        if (!open_to_anyone(url)) continue;
        const std::string& resource = url.resource->address;
        std::string subject = resource == fn.address() ? "The function URL of " + fn.address()
                                                       : "Function URL " + resource + " of " + fn.address();
        Finding& f = ctx.report(url.auth_type->where, subject + std::string(kWhy), resource);
        if (resource != fn.address()) f.related.push_back(RelatedLocation{fn.resource->declaration, "the function"});
      }
    }
    for (const FunctionUrl& url : ctx.model().foreign_function_urls) {
      if (!open_to_anyone(url) || !url.function_ref) continue;
      std::string name = written_name(*url.function_ref);
      std::string subject = "Function URL " + url.resource->address + " of function " +
                            (name.empty() ? std::string("(unnamed)") : name) + " (not declared in the scanned code)";
      Finding& f = ctx.report(url.auth_type->where, subject + std::string(kWhy), url.resource->address);
      if (url.function_ref->where.valid())
        f.related.push_back(RelatedLocation{url.function_ref->where, "the function, as the URL names it"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH601() { return std::make_unique<RuleEPH601>(); }

}  // namespace eph::rules
