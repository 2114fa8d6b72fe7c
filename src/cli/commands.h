#pragma once
// One function per CLI command; main() only dispatches.
#include <string>
#include <vector>

namespace eph::cli {

int run_scan(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_inspect(const std::vector<std::string>& args);
int run_graph(const std::vector<std::string>& args);
int run_lsp(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);

// Exit codes shared by every command.
constexpr int kExitClean = 0;     // nothing at or above the failing severity
constexpr int kExitFindings = 1;  // findings at or above it
constexpr int kExitUsage = 2;     // usage, configuration or unreadable input

bool wants_help(const std::vector<std::string>& args);

}  // namespace eph::cli
