#include "secrets/environment_secrets.h"

namespace eph::secrets {

std::vector<LiteralSecret> literal_secrets(const Function& fn, const SecretDetector& detector) {
  std::vector<const EnvVar*> vars;
  std::vector<EnvEntry> entries;
  for (const auto& var : fn.environment) {
    if (!var.value || !var.value->is_string()) continue;
    vars.push_back(&var);
    entries.push_back(EnvEntry{var.name, var.value->text});
  }
  std::vector<LiteralSecret> out;
  auto verdicts = detector.scan(entries);
  for (size_t i = 0; i < verdicts.size(); ++i) {
    if (!verdicts[i]) continue;
    if (!vars[i]->value->refs.empty() && !verdicts[i]->by_format) continue;
    out.push_back(LiteralSecret{vars[i], std::move(*verdicts[i])});
  }
  return out;
}

uint8_t secret_marks(const Value& value) {
  uint8_t marks = value.marks & (kSensitive | kSecretValue | kSecretRef | kStoreValue);
  for (const auto& item : value.items) marks |= secret_marks(item);
  for (const auto& field : value.fields) marks |= secret_marks(field.value);
  return marks;
}

bool written_inside(const Range& inner, const Range& outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.end <= outer.end;
}

}  // namespace eph::secrets
