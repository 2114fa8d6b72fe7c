// `ephemera rules` and `ephemera explain`: the rule catalog, from the rules' README files.
#include <cstdio>
#include <optional>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/spelling.h"
#include "engine/config_loader.h"
#include "registry/rule_registry.h"

namespace eph::cli {
namespace {

// --rules-dir DIR (repeatable), and the custom-rules: of the nearest .ephemera.yaml (or
// --config FILE; --no-config: none), taken out of `args`. False on a usage or rule file error.
bool take_custom_rules(std::vector<std::string>& args, const char* command) {
  std::vector<std::string> dirs, rest;
  std::optional<std::string> config_file;
  bool no_config = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--rules-dir" || args[i] == "--config") && i + 1 < args.size()) {
      (args[i] == "--rules-dir" ? dirs.push_back(args[i + 1]) : void(config_file = args[i + 1]));
      ++i;
    } else if (args[i] == "--rules-dir" || args[i] == "--config") {
      std::cerr << command << ": option " << args[i] << " needs a value\n";
      return false;
    } else if (args[i] == "--no-config") {
      no_config = true;
    } else {
      rest.push_back(args[i]);
    }
  }
  args = std::move(rest);
  Config config;
  if (!config_file && !no_config) config_file = find_config_file(".");
  if (config_file && !no_config) {
    std::vector<ConfigError> errors;
    bool ok = load_config_file(*config_file, config, errors);
    for (const auto& e : errors) std::cerr << command << ": " << e.to_string() << "\n";
    if (!ok) return false;
  }
  return install_custom_rules_of(config, dirs, command);
}

}  // namespace

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int run_rules(const std::vector<std::string>& given) {
  if (wants_help(given)) {
    std::cout << "usage: ephemera rules [--format text|json] [--rules-dir DIR]... [--config FILE | --no-config]\n\n"
                 "Lists every rule: id, severity, slug, title and the link to its documentation; custom rules\n"
                 "too (--rules-dir, and the custom-rules: of the nearest .ephemera.yaml or --config FILE).\n";
    return kExitClean;
  }
  std::vector<std::string> args = given;
  if (!take_custom_rules(args, "ephemera rules")) return kExitUsage;
  bool json = args.size() == 2 && args[0] == "--format" && args[1] == "json";
  if (!args.empty() && !json && !(args.size() == 2 && args[0] == "--format" && args[1] == "text")) {
    std::string hint =
        args[0].starts_with("-") ? did_you_mean(args[0], {"--format", "--rules-dir", "--config", "--no-config", "--help"}) : "";
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
                     {"custom", e.info->custom()},
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

int run_explain(const std::vector<std::string>& given) {
  std::vector<std::string> args = given;
  bool help = wants_help(args);
  if (!help && !take_custom_rules(args, "ephemera explain")) return kExitUsage;
  if (help || args.size() != 1) {
    (help ? std::cout : std::cerr) << "usage: ephemera explain RULE [--rules-dir DIR]... [--config FILE | --no-config]\n\n"
                                      "Prints the documentation of RULE (an id like EPH301 or a slug, in any case), or of a\n"
                                      "custom rule (--rules-dir, or the custom-rules: of the nearest .ephemera.yaml).\n";
    return help ? kExitClean : kExitUsage;
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
