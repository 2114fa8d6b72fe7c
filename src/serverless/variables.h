#pragma once
// The Serverless Framework's variables (`${source:address, fallback}`), resolved as the
// framework resolves them, in the positioned value tree of serverless.yml:
//   self:path (nested, through `custom`, included files and other variables), opt:stage and
//   opt:region (the stage given to ephemera, else the fallback), sls:stage, param:name (the
//   `params` block of the stage, then `default`), env:NAME (only what was given explicitly:
//   never this machine's environment), file(path) and file(path):key (YAML or JSON inside the
//   scanned tree, read through the file provider and its confinement); ssm:, cf:, s3:, aws:
//   and every other source are unknown (deploy-time values).
// A value that is a single variable becomes the value it designates, with the position where
// that value was written (the `custom` entry, the `params` line); text around variables makes
// a string at the position of the text. Cycles and runaway nesting become an EPH001 limit
// diagnostic and an unknown value, never a hang.
#include <memory>
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/finding.h"
#include "core/value.h"
#include "serverless/serverless_inputs.h"

namespace eph::serverless {

struct ResolvedConfig {
  Value root;                            // serverless.yml with every variable resolved (or unknown)
  std::string stage;                     // the stage the values were resolved for
  std::vector<SourceFilePtr> included;   // files read through ${file(...)}: positions point into them
  std::vector<Diagnostic> diagnostics;   // parse errors of included files, cycles, limits
};

// `root` is serverless.yml as parsed; `path` its path (file(...) is relative to its directory).
ResolvedConfig resolve_variables(const Value& root, const std::string& path, const FileProvider& fs,
                                 const ServerlessInputs& inputs);

// The files a service's text names in ${file(path)} with a literal path (no variable in it),
// joined to the service's directory as file(...) joins them: what its unit reads besides itself,
// known before the unit is loaded (sharding keeps units that read one file together).
std::vector<std::string> literal_file_references(const std::string& path, std::string_view text);

}  // namespace eph::serverless
