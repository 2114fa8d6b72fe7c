// ephemera: serverless infrastructure-as-code analyzer. Dispatches to one command.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/spelling.h"
#include "core/version.h"

namespace {

const char* kUsage =
    "ephemera - finds designs that trust IP addresses, leak secrets or run unbounded in serverless IaC\n"
    "\n"
    "usage: ephemera <command> [options]\n"
    "\n"
    "commands:\n"
    "  scan [PATH...]     analyse Terraform, CloudFormation and SAM under PATH (default .)\n"
    "  rules              list every rule\n"
    "  explain RULE       print a rule's documentation (RULE: an id like EPH301 or a slug, any case)\n"
    "  test-rules DIR...  run the fixtures of the custom rules under DIR (docs/custom-rules.md)\n"
    "  inspect PATH       print the evaluated resources of PATH as JSON (for debugging)\n"
    "  graph PATH         draw the traffic view of PATH (dot, mermaid, svg or json)\n"
    "  lsp                run the language server on stdin/stdout (for editors)\n"
    "  merge REPORT...    join the JSON or SARIF reports of `scan --shard K/N` runs into one\n"
    "\n"
    "  --version          print the version\n"
    "  --help             this text; `ephemera <command> --help` for a command\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? eph::cli::kExitUsage : eph::cli::kExitClean;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("ephemera %s\n", eph::version());
    return eph::cli::kExitClean;
  }
  std::string command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "scan") return eph::cli::run_scan(rest);
    if (command == "rules") return eph::cli::run_rules(rest);
    if (command == "explain") return eph::cli::run_explain(rest);
    if (command == "inspect") return eph::cli::run_inspect(rest);
    if (command == "graph") return eph::cli::run_graph(rest);
    if (command == "lsp") return eph::cli::run_lsp(rest);
    if (command == "merge") return eph::cli::run_merge(rest);
    if (command == "test-rules") return eph::cli::run_test_rules(rest);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ephemera: %s\n", e.what());
    return eph::cli::kExitUsage;
  }
  // One line that says what is wrong; the whole usage would bury it.
  std::string hint = eph::did_you_mean(command, {"scan", "rules", "explain", "test-rules", "inspect", "graph", "lsp", "merge", "--version", "--help"});
  std::fprintf(stderr, "ephemera: unknown command '%s'%s (see `ephemera --help`)\n", command.c_str(), hint.c_str());
  return eph::cli::kExitUsage;
}
