// `ephemera rules` and `ephemera explain`: the rule catalog, from the rules' README files.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "engine/rule_registry.h"

namespace eph::cli {

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int run_rules(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << "usage: ephemera rules [--format text|json]\n\nLists every rule: id, severity, slug and title.\n";
    return kExitClean;
  }
  bool json = args.size() == 2 && args[0] == "--format" && args[1] == "json";
  if (!args.empty() && !json && !(args.size() == 2 && args[0] == "--format" && args[1] == "text")) {
    std::cerr << "ephemera rules: unexpected arguments (see --help)\n";
    return kExitUsage;
  }
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& e : all_rules()) {
      out.push_back({{"id", e.info->id},
                     {"slug", e.info->slug},
                     {"severity", std::string(to_string(e.info->severity))},
                     {"title", e.info->title},
                     {"help_uri", rule_help_uri(*e.info)}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitClean;
  }
  for (const auto& e : all_rules()) {
    std::printf("%-7s %-9s %-38s %s\n", e.info->id.c_str(), std::string(to_string(e.info->severity)).c_str(),
                e.info->slug.c_str(), e.info->title.c_str());
  }
  return kExitClean;
}

int run_explain(const std::vector<std::string>& args) {
  if (wants_help(args) || args.size() != 1) {
    (args.size() == 1 ? std::cout : std::cerr) << "usage: ephemera explain RULE\n\n"
                                                   "Prints the documentation of RULE (an id like EPH301 or a slug).\n";
    return args.size() == 1 ? kExitClean : kExitUsage;
  }
  const RuleEntry* rule = find_rule(args[0]);
  if (!rule) {
    std::cerr << "ephemera explain: no rule '" << args[0] << "' (see `ephemera rules`)\n";
    return kExitUsage;
  }
  const RuleInfo& i = *rule->info;
  std::cout << i.id << " " << i.slug << " (" << to_string(i.severity) << "): " << i.title << "\n\n"
            << i.documentation;
  if (!i.documentation.empty() && i.documentation.back() != '\n') std::cout << "\n";
  return kExitClean;
}

}  // namespace eph::cli
