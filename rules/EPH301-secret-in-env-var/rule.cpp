// EPH301 secret-in-env-var: a literal secret in a function's environment, reported where
// the literal is written (which may be a variable default, a tfvars line, SAM Globals or
// a parameter default) and naming the function and the variable that carry it.
#include "rule_api/rule.h"
#include "secrets/environment_secrets.h"
#include "secrets/written_secret.h"

namespace eph::rules {
namespace {

// Where each cloud keeps secrets, and how a function then refers to one.
std::string_view remedy(Cloud cloud) {
  switch (cloud) {
    case Cloud::Gcp: return "move it to Secret Manager and reference the secret (secret_key_ref / secretEnvironmentVariables)";
    case Cloud::Azure: return "move it to Key Vault and use a Key Vault reference (@Microsoft.KeyVault(...))";
    case Cloud::Cloudflare: return "store it as a Workers secret (a secret_text binding)";
    case Cloud::Aws: break;
  }
  return "move it to Secrets Manager or SSM Parameter Store (SecureString) and pass its ARN or name instead";
}

constexpr RuleOption kOptions[] = {
    {.name = "secret-names", .type = OptionType::StringList,
     .meaning = "more variable names whose values are secrets (matched as words)"},
    {.name = "allowed-values", .type = OptionType::StringList,
     .meaning = "literal values never reported (exact match)"},
};

secrets::DetectorOptions options_of(const RuleContext& ctx) {
  secrets::DetectorOptions options;
  options.secret_names = ctx.option_strings("secret-names");
  options.allowed_values = ctx.option_strings("allowed-values");
  return options;
}

class SecretInEnvVarRule final : public Rule {
 public:
  bool finds_secrets() const override { return true; }
  RuleOptions options() const override { return kOptions; }

  void check(RuleContext& ctx) const override {
    if (ctx.model().functions.empty()) return;
    const secrets::SecretDetector detector(options_of(ctx));
    for (const Function& fn : ctx.model().functions) {
      for (const auto& secret : secrets::literal_secrets(fn, detector)) report(ctx, fn, secret);
    }
  }

 private:
  static void report(RuleContext& ctx, const Function& fn, const secrets::LiteralSecret& secret) {
    const EnvVar& var = *secret.var;
    const Range& written = secret.var->value->where;
    bool elsewhere = written.valid() && !secrets::written_inside(written, fn.resource->body.where) &&
                     !secrets::written_inside(written, fn.resource->declaration);
    Range at = written.valid() ? written : var.name_range.valid() ? var.name_range : fn.resource->declaration;
    std::string message = std::string(fn.label) + " " + fn.address() + " has a literal " + secret.detection.what +
                          " in " + std::string(var.holder) + " " + var.name +
                          (elsewhere ? " (the value is written here)" : "") + ": " +
                          std::string(var.secret_fix.empty() ? remedy(fn.cloud) : var.secret_fix);
    Finding& f = ctx.report(at, std::move(message), fn.address());
    if (auto value = secrets::written_secret(*var.value)) f.secrets.push_back(std::move(*value));
    if (elsewhere && var.name_range.valid())
      f.related.push_back(RelatedLocation{var.name_range, "used by " + std::string(var.holder) + " " + var.name + " of " +
                                                              std::string(fn.label) + " " + fn.address()});
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH301() { return std::make_unique<SecretInEnvVarRule>(); }

}  // namespace eph::rules
