// `ephemera rules` and `ephemera explain`: the rule catalog, from the rules' README files.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/spelling.h"
#include "engine/rule_registry.h"

namespace eph::cli {

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int run_rules(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << "usage: ephemera rules [--format text|json]\n\n"
                 "Lists every rule: id, severity, slug, title and the link to its documentation.\n";
    return kExitClean;
  }
  bool json = args.size() == 2 && args[0] == "--format" && args[1] == "json";
  if (!args.empty() && !json && !(args.size() == 2 && args[0] == "--format" && args[1] == "text")) {
    std::string hint = args[0].starts_with("-") ? did_you_mean(args[0], {"--format", "--help"}) : "";
    std::cerr << "ephemera rules: unexpected argument '" << args[0] << "'" << hint << " (see `ephemera rules --help`)\n";
    return kExitUsage;
  }
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& e : all_rules()) {
      nlohmann::ordered_json options = nlohmann::ordered_json::array();
      for (const auto& o : e.info->options) {
        options.push_back({{"name", o.name}, {"type", to_string(o.type)}, {"default", default_text(o)}, {"meaning", o.meaning}});
      }
      out.push_back({{"id", e.info->id},
                     {"slug", e.info->slug},
                     {"severity", std::string(to_string(e.info->severity))},
                     {"title", e.info->title},
                     {"help_uri", rule_help_uri(*e.info)},
                     {"options", std::move(options)}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitClean;
  }
  for (const auto& e : all_rules()) {
    std::printf("%-7s %-9s %-38s %s  %s\n", e.info->id.c_str(), std::string(to_string(e.info->severity)).c_str(),
                e.info->slug.c_str(), e.info->title.c_str(), rule_help_uri(*e.info).c_str());
  }
  return kExitClean;
}

int run_explain(const std::vector<std::string>& args) {
  if (wants_help(args) || args.size() != 1) {
    (args.size() == 1 ? std::cout : std::cerr) << "usage: ephemera explain RULE\n\n"
                                                   "Prints the documentation of RULE (an id like EPH301 or a slug, in any case).\n";
    return args.size() == 1 ? kExitClean : kExitUsage;
  }
  const RuleEntry* rule = find_rule(args[0]);
  if (!rule) {
    std::cerr << "ephemera explain: no rule '" << args[0] << "'" << did_you_mean(args[0], rule_ids_and_slugs())
              << " (see `ephemera rules`)\n";
    return kExitUsage;
  }
  const RuleInfo& i = *rule->info;
  // The options table comes from the rule's declarations, whatever the README holds.
  std::string documentation = documentation_with_options(i.documentation, i.options);
  std::cout << i.id << " " << i.slug << " (" << to_string(i.severity) << "): " << i.title << "\n"
            << rule_help_uri(i) << "\n\n"
            << documentation;
  if (!documentation.empty() && documentation.back() != '\n') std::cout << "\n";
  return kExitClean;
}

}  // namespace eph::cli
