#pragma once
// One function per CLI command; main() only dispatches.
#include <string>
#include <vector>

namespace eph {
struct Config;
}

namespace eph::cli {

int run_scan(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_inspect(const std::vector<std::string>& args);
int run_graph(const std::vector<std::string>& args);
int run_lsp(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);
int run_test_rules(const std::vector<std::string>& args);

// Exit codes shared by every command.
constexpr int kExitClean = 0;     // nothing at or above the failing severity
constexpr int kExitFindings = 1;  // findings at or above it
constexpr int kExitUsage = 2;     // usage, configuration or unreadable input

bool wants_help(const std::vector<std::string>& args);

// Loads the custom rules of `config` (its custom-rules:) and of `rules_dirs` (--rules-dir)
// and installs them beside the built-in rules. Errors are printed (file:line:col) with
// `command` before them; false when any rule file is wrong (exit 2).
bool install_custom_rules_of(const Config& config, const std::vector<std::string>& rules_dirs, const char* command);

}  // namespace eph::cli
