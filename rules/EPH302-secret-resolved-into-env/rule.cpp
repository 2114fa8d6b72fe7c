// EPH302 secret-resolved-into-env: a value the front-ends marked as secret (a sensitive
// variable, a NoEcho parameter, the plain-text value from a secret store, a
// {{resolve:secretsmanager:...}} reference) placed into a function's environment. The
// marks are facts about where the value comes from, so this rule fires on Unknown values
// too. The finding points at the environment entry (where the fix goes), with the
// value's origin as related location. A literal secret EPH301 reports is left to EPH301:
// the fix there is to remove the literal from the code, which is the more urgent finding.
#include <set>

#include "rule_api/rule.h"
#include "secrets/environment_secrets.h"
#include "secrets/secret_name.h"
#include "secrets/written_secret.h"

namespace eph::rules {
namespace {

std::string source_of(uint8_t marks, const Value& value, Cloud cloud) {
  // Name the source only when there is one: with several references we cannot tell which is the secret.
  std::string from;
  if (value.refs.size() == 1) {
    const Ref& ref = value.refs.front();
    from = " (" + ref.address + (ref.attribute.empty() ? "" : "." + ref.attribute) + ")";
  }
  if (marks & kSecretRef) return "resolves a secret-store reference" + from + " into";
  if (marks & kSecretValue) return "puts the plain-text value of a secret" + from + " into";
  if (marks & kStoreValue && !(marks & kSensitive))
    return "puts a parameter-store value, decrypted at deployment if it is a SecureString, into";
  // NoEcho parameters are CloudFormation's: Google Cloud, Azure and Cloudflare are read from Terraform only.
  if (cloud != Cloud::Aws) return "puts a sensitive variable" + from + " into";
  return "puts a sensitive input (a sensitive variable or NoEcho parameter)" + from + " into";
}

// The platform's way to give a function a secret without writing it into its configuration.
std::string fix(const Function& fn, const EnvVar& var) {
  if (!var.secret_fix.empty()) return std::string(var.secret_fix);
  switch (fn.cloud) {
    case Cloud::Gcp: return "reference it from Secret Manager (secret_key_ref / secret_environment_variables) instead";
    case Cloud::Azure: return "use a Key Vault reference (@Microsoft.KeyVault(...)) instead";
    case Cloud::Cloudflare: return "store it as a Workers secret (a secret_text binding) instead";
    case Cloud::Aws: break;
  }
  return "pass the secret's ARN or name and fetch it at run time";
}

class SecretResolvedIntoEnvRule final : public Rule {
 public:
  bool finds_secrets() const override { return true; }
  void check(RuleContext& ctx) const override {
    if (ctx.model().functions.empty()) return;
    const secrets::SecretDetector detector;  // built-in names: the literals EPH301 reports
    for (const Function& fn : ctx.model().functions) {
      std::set<const EnvVar*> literal;
      for (const auto& s : secrets::literal_secrets(fn, detector)) literal.insert(s.var);
      for (const auto& var : fn.environment) {
        // DB_USERNAME = jsondecode(secret)["username"]: a field of the secret that is not secret.
        if (!var.value || literal.count(&var) || secrets::names_non_secret_part(var.name)) continue;
        uint8_t marks = secrets::secret_marks(*var.value);
        // A parameter-store value is a secret when the variable's name says it holds one.
        if (marks == kStoreValue && secrets::classify_name(var.name).strength != secrets::NameStrength::Value) continue;
        if (marks) report(ctx, fn, var, marks);
      }
    }
  }

 private:
  static void report(RuleContext& ctx, const Function& fn, const EnvVar& var, uint8_t marks) {
    const Value& value = *var.value;
    // The fix goes where the environment takes the value: point there, and at the source as evidence.
    bool elsewhere = value.where.valid() && !secrets::written_inside(value.where, fn.resource->body.where) &&
                     !secrets::written_inside(value.where, fn.resource->declaration);
    Range at = value.where.valid() && !elsewhere ? value.where
               : var.name_range.valid()          ? var.name_range
                                                 : fn.resource->declaration;
    std::string message = std::string(fn.label) + " " + fn.address() + " " + source_of(marks, value, fn.cloud) + " " +
                          std::string(var.holder) + " " + var.name +
                          ": anyone who can read the function's configuration reads the secret; " + fix(fn, var);
    Finding& f = ctx.report(at, std::move(message), fn.address());
    // A known value of a sensitive input or a secret store is the secret itself (a tfvars
    // line, a NoEcho default); a dynamic reference's text is only the secret's name.
    if (marks & (kSensitive | kSecretValue))
      if (auto secret = secrets::written_secret(value)) f.secrets.push_back(std::move(*secret));
    if (elsewhere) f.related.push_back(RelatedLocation{value.where, "the value comes from here"});
    if (value.refs.size() == 1) {
      if (const NativeResource* source = ctx.model().resource(value.refs.front().address))
        f.related.push_back(RelatedLocation{source->declaration, "the secret comes from " + source->address});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH302() { return std::make_unique<SecretResolvedIntoEnvRule>(); }

}  // namespace eph::rules
