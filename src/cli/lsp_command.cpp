// `ephemera lsp`: the language server on stdin/stdout.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "core/spelling.h"
#include "lsp/stdio_loop.h"

namespace eph::cli {
namespace {

const char* kLspHelp =
    "usage: ephemera lsp [options]\n"
    "\n"
    "Runs the Language Server Protocol server on stdin/stdout: findings as diagnostics while you\n"
    "type, the rule's documentation on hover, its fix and a suppression comment as code actions.\n"
    "\n"
    "options:\n"
    "  --stdio             talk over stdin/stdout (the default and only transport)\n"
    "  --debounce-ms N     wait for N ms of quiet before re-analysing during a burst of edits\n"
    "                      (default: as long as the module's last analyses took, 2 to 500 ms)\n"
    "                      (default 75; an edit after a quiet period is analysed at once)\n";

}  // namespace

int run_lsp(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << kLspHelp;
    return kExitClean;
  }
  lsp::ServerOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--stdio") continue;
    if (args[i] == "--debounce-ms" && i + 1 < args.size()) {
      char* end = nullptr;
      long ms = std::strtol(args[i + 1].c_str(), &end, 10);
      if (end == args[i + 1].c_str() || *end != '\0' || ms < 0 || ms > 10000) {
        std::cerr << "ephemera lsp: --debounce-ms expects a number of milliseconds from 0 to 10000\n";
        return kExitUsage;
      }
      options.debounce = std::chrono::milliseconds(ms);
      ++i;
      continue;
    }
    std::cerr << "ephemera lsp: unknown option '" << args[i] << "'"
              << did_you_mean(args[i], {"--stdio", "--debounce-ms", "--help"}) << " (see `ephemera lsp --help`)\n";
    return kExitUsage;
  }
  return lsp::serve_stdio(options);
}

}  // namespace eph::cli
