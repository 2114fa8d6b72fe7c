#pragma once
// Secrets in a function's environment, read from the semantic model. EPH301 reports the
// literal secrets; EPH302 reports values marked as secret by the front-ends and leaves
// out the ones EPH301 reports, so one value gives one finding.
#include <cstdint>
#include <vector>

#include "model/model.h"
#include "secrets/secret_detector.h"

namespace eph::secrets {

struct LiteralSecret {
  const EnvVar* var = nullptr;
  Detection detection;
};

// Known string values the detector calls secrets. A value computed from references is
// only reported when its format is unmistakable (the literal part is the credential).
std::vector<LiteralSecret> literal_secrets(const Function& fn, const SecretDetector& detector);

// The secret marks (kSensitive, kSecretValue, kSecretRef) on a value or anything inside it.
uint8_t secret_marks(const Value& value);

// True when `inner` lies within `outer` (same file): the value was written in the
// resource itself rather than in a variable default, a tfvars file or SAM Globals.
bool written_inside(const Range& inner, const Range& outer);

}  // namespace eph::secrets
