#pragma once
// `ephemera lsp`: the server on stdin/stdout until `exit` or the end of input.
#include "lsp/server.h"

namespace eph::lsp {

// Returns the process exit code (0 after shutdown and exit, 1 otherwise).
int serve_stdio(const ServerOptions& options);

}  // namespace eph::lsp
