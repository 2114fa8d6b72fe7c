#include "engine/config_loader.h"
#include "engine/config_resolution.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>
#include <sstream>

#include "core/spelling.h"
#include "custom/custom_rules.h"
#include "registry/rule_registry.h"
#include "syntax/yaml/yaml_loader.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

// Configuration is small: a larger file is a mistake (or an attack), not a configuration.
constexpr uint32_t kMaxConfigBytes = 1 << 20;

// Reads the positioned tree of the hardened YAML loader (the one templates use), so an
// alias bomb or a deep nest stops at the loader's limits with a positioned error.
class Reader {
 public:
  Reader(const std::string& path, SourceFilePtr source, std::vector<ConfigError>& errors)
      : path_(path), source_(std::move(source)), errors_(errors) {}

  void error(const Range& at, std::string message, bool warning = false) {
    LineCol p = at.valid() ? at.file->position(at.begin) : LineCol{1, 1};
    errors_.push_back({path_, p.line, p.column, std::move(message), warning});
  }

  static bool is_scalar(const Value& v) {
    return v.kind == Kind::String || v.kind == Kind::Number || v.kind == Kind::Bool;
  }
  // A scalar as written: `1234` is the text 1234, `"on"` the text on.
  static std::string scalar(const Value& v) {
    return v.kind == Kind::String ? v.text : std::string(v.where.text());
  }

  std::optional<Severity> severity(const Value& n) {
    if (is_scalar(n))
      if (auto s = parse_severity(scalar(n))) return s;
    error(n.where, "expected a severity (critical, high, medium, low, info)");
    return std::nullopt;
  }

  std::optional<bool> boolean(const Value& n) {
    if (n.kind == Kind::Bool) return n.boolean;
    if (n.kind == Kind::String) {
      const std::string& s = n.text;
      if (s == "true" || s == "on" || s == "yes") return true;
      if (s == "false" || s == "off" || s == "no") return false;
    }
    error(n.where, "expected true or false");
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> strings(const Value& n) {
    std::vector<std::string> out;
    if (is_scalar(n)) {
      out.push_back(scalar(n));
      return out;
    }
    if (!n.is_list()) {
      error(n.where, "expected a list of strings");
      return std::nullopt;
    }
    for (const auto& item : n.items) {
      if (!is_scalar(item)) {
        error(item.where, "expected a string");
        return std::nullopt;
      }
      out.push_back(scalar(item));
    }
    return out;
  }

  void options(const RuleInfo& rule, const Value& node, RuleSettings& settings) {
    if (!node.is_map()) {
      error(node.where, "options must be a map");
      return;
    }
    for (const auto& kv : node.fields) {
      const std::string& name = kv.key;
      const RuleOption* option = find_option(rule.options, name);
      if (!option) {
        std::string kebab = name;
        std::replace(kebab.begin(), kebab.end(), '_', '-');
        option = kebab != name ? find_option(rule.options, kebab) : nullptr;
        if (option)
          error(kv.key_range,
                "'" + name + "' is the old spelling of " + rule.id + " option '" + kebab + "'; write '" +
                    kebab + "' (the old spelling still works but will be removed)",
                /*warning=*/true);
      }
      if (!option) {
        error(kv.key_range, unknown_option(rule, name));
        continue;
      }
      if (settings.options.get(option->name)) {
        error(kv.key_range, rule.id + " option '" + std::string(option->name) + "' is set twice");
        continue;
      }
      if (auto v = option_value(rule, *option, kv.value))
        settings.options.set(std::string(option->name), std::move(*v), kv.key_range);
    }
  }

  static std::string unknown_option(const RuleInfo& rule, const std::string& name) {
    if (rule.options.empty()) return "unknown option '" + name + "': " + rule.id + " has no options";
    std::vector<std::string> names;
    for (const auto& o : rule.options) names.emplace_back(o.name);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return "unknown option '" + name + "' of " + rule.id + did_you_mean(name, names) + " (options: " + known + ")";
  }

  std::optional<Value> option_value(const RuleInfo& rule, const RuleOption& option, const Value& node) {
    const std::string what = rule.id + " option '" + std::string(option.name) + "'";
    switch (option.type) {
      case OptionType::Integer: {
        const Value& v = node;
        bool whole = v.kind == Kind::Number && v.number == static_cast<double>(static_cast<long long>(v.number));
        if (whole && v.number >= static_cast<double>(option.minimum) && v.number <= static_cast<double>(option.maximum))
          return v;
        std::string range = option.maximum == LLONG_MAX
                                ? "of at least " + std::to_string(option.minimum)
                                : "from " + std::to_string(option.minimum) + " to " + std::to_string(option.maximum);
        error(node.where, what + " expects an integer " + range + (is_scalar(node) ? ", got '" + scalar(node) + "'" : ""));
        return std::nullopt;
      }
      case OptionType::StringList: {
        // Scalars are taken as written: `allowed-values: [1234]` means the text 1234.
        if (is_scalar(node)) return Value::string_of(scalar(node), node.where);
        if (node.is_list()) {
          Value list = Value::list(node.where);
          for (const auto& item : node.items) {
            if (!is_scalar(item)) {
              error(item.where, what + " expects a list of strings");
              return std::nullopt;
            }
            list.items.push_back(Value::string_of(scalar(item), item.where));
          }
          return list;
        }
        error(node.where, what + " expects a list of strings");
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // serverless: {stage: NAME, env: {NAME: VALUE}}: the stage and the ${env:NAME} values of
  // serverless.yml files (the environment of the machine running the scan is never read).
  void serverless(const Value& v, Config& config) {
    if (v.is_null()) return;
    if (!v.is_map()) {
      error(v.where, "serverless must be a map with stage and env");
      return;
    }
    for (const auto& kv : v.fields) {
      if (kv.key == "stage" && is_scalar(kv.value)) {
        config.serverless_stage = scalar(kv.value);
      } else if (kv.key == "env" && kv.value.is_map()) {
        for (const auto& e : kv.value.fields) {
          if (is_scalar(e.value)) config.serverless_env.emplace_back(e.key, scalar(e.value));
          else error(e.value.where, "serverless env: expected NAME: VALUE");
        }
      } else {
        error(kv.key_range, "serverless: expected stage (a name) or env (a map of NAME: VALUE)");
      }
    }
  }

  void rule(const Field& kv, Config& config) {
    const std::string& name = kv.key;
    const Value& body = kv.value;
    const RuleInfo* info = rule_named(name, config);
    if (!info) {
      error(kv.key_range, "unknown rule '" + name + "'" + did_you_mean(name, rule_ids_and_slugs()) + " (see `ephemera rules`)");
      return;
    }
    RuleSettings& settings = config.rules[info->id];
    if (is_scalar(body)) {  // EPH401: off
      if (auto b = boolean(body)) settings.enabled = *b;
      return;
    }
    if (!body.is_map()) {
      error(body.where, "expected on/off or a map with enabled, severity, options");
      return;
    }
    for (const auto& setting : body.fields) {
      const std::string& k = setting.key;
      if (k == "enabled") {
        if (auto b = boolean(setting.value)) settings.enabled = *b;
      } else if (k == "severity") {
        if (auto s = severity(setting.value)) settings.severity = *s;
      } else if (k == "options") {
        options(*info, setting.value, settings);
      } else {
        error(setting.key_range, "unknown key '" + k + "' in rule settings" + did_you_mean(k, {"enabled", "severity", "options"}) +
                            " (enabled, severity, options)");
      }
    }
  }

  // A built-in rule, or a custom rule of this file's `custom-rules:`.
  static const RuleInfo* rule_named(const std::string& name, const Config& config) {
    if (const RuleEntry* entry = find_rule(name)) return entry->info;
    if (config.custom_rules) {
      for (const auto& info : config.custom_rules->infos)
        if (same_ignoring_case(info->id, name) || same_ignoring_case(info->slug, name)) return info.get();
    }
    return nullptr;
  }

  // `custom-rules:`: directories relative to this file, inside its directory.
  void custom_rules(const Value& v, Config& config) {
    std::optional<std::vector<std::string>> dirs = strings(v);
    if (!dirs) return;
    fs::path base = fs::path(path_).parent_path();
    for (const auto& dir : *dirs) {
      fs::path p(dir);
      bool escapes = p.is_absolute() || std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
      if (dir.empty() || escapes) {
        error(v.where, "custom-rules: '" + dir + "' must be a directory below the configuration file's (relative, without '..')");
        continue;
      }
      config.custom_rule_dirs.push_back((base / p).lexically_normal().string());
    }
    auto set = std::make_shared<CustomRuleSet>();
    load_custom_rules(config.custom_rule_dirs, *set, errors_, config.read_rule_file);
    config.custom_rules = std::move(set);
  }

  void top(const Value& root, Config& config) {
    if (root.is_null()) return;  // an empty file configures nothing
    if (!root.is_map()) {
      error(root.where, "the configuration must be a map of settings");
      return;
    }
    // Custom rules first: `rules:` may configure them.
    for (const auto& kv : root.fields)
      if (kv.key == "custom-rules") custom_rules(kv.value, config);
    for (const auto& kv : root.fields) {
      const std::string& k = kv.key;
      const Value& v = kv.value;
      if (k == "fail-on") {
        if (is_scalar(v) && scalar(v) == "none") config.fail_on = std::nullopt;
        else if (is_scalar(v) && parse_severity(scalar(v))) config.fail_on = parse_severity(scalar(v));
        else error(v.where, "expected a severity (critical, high, medium, low, info) or none");
      } else if (k == "severity") {
        if (auto s = severity(v)) config.min_severity = *s;
      } else if (k == "fail-on-parse-errors") {
        if (auto b = boolean(v)) config.fail_on_parse_errors = *b;
      } else if (k == "foreign-suppressions") {
        if (auto b = boolean(v)) config.foreign_suppressions = *b;
      } else if (k == "follow-symlinks") {
        if (auto b = boolean(v)) config.follow_symlinks = *b;
      } else if (k == "exclude") {
        if (auto list = strings(v)) config.exclude.insert(config.exclude.end(), list->begin(), list->end());
      } else if (k == "max-file-bytes") {
        if (v.kind != Kind::Number || v.number < 1 || v.number > 1e10) error(v.where, "expected a positive number of bytes");
        else config.max_file_bytes = static_cast<size_t>(v.number);
      } else if (k == "serverless") {
        serverless(v, config);
      } else if (k == "custom-rules") {
        continue;  // read first
      } else if (k == "rules") {
        if (v.is_null()) continue;
        if (!v.is_map()) {
          error(v.where, "rules must be a map from rule id (or slug) to settings");
          continue;
        }
        std::set<std::string> rules_seen;
        for (const auto& r : v.fields) {
          const RuleInfo* info = rule_named(r.key, config);
          if (info && !rules_seen.insert(info->id).second) {
            error(r.key_range, "rule " + info->id + " is configured twice");
            continue;
          }
          rule(r, config);
        }
      } else {
        const std::vector<std::string> keys = {"fail-on",         "severity", "fail-on-parse-errors", "foreign-suppressions",
                                               "follow-symlinks", "exclude",  "max-file-bytes",       "rules",
                                               "custom-rules",    "serverless"};
        error(kv.key_range, "unknown key '" + k + "'" + did_you_mean(k, keys) +
                            " (fail-on, severity, fail-on-parse-errors, foreign-suppressions, follow-symlinks, exclude, "
                            "max-file-bytes, rules, custom-rules, serverless)");
      }
    }
  }

 private:
  const std::string& path_;
  SourceFilePtr source_;
  std::vector<ConfigError>& errors_;
};

}  // namespace

ConfigFileFinder::ConfigFileFinder(const ListedDirectories* listed)
    : nearest_([listed](const std::string& candidate) {
        if (listed)
          if (std::optional<bool> known = listed->file_exists(candidate)) return *known;
        std::error_code error;
        return fs::is_regular_file(candidate, error);
      }) {}

std::optional<std::string> ConfigFileFinder::find(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  return nearest_.of_directory(dir.string());
}

std::optional<std::string> find_config_file(const std::string& start) { return ConfigFileFinder().find(start); }

bool parse_config(const std::string& path, const std::string& text, Config& config, std::vector<ConfigError>& errors) {
  size_t before = errors.size();
  auto source = std::make_shared<SourceFile>(path, text);
  Reader reader(path, source, errors);
  yaml::Limits limits;
  limits.max_bytes = kMaxConfigBytes;
  limits.cloudformation_tags = false;
  yaml::ParseResult parsed = yaml::parse(*source, limits);
  for (const Diagnostic& d : parsed.diagnostics) reader.error(d.range, d.message);
  if (parsed.diagnostics.empty()) reader.top(parsed.value, config);
  config.source = source;
  return std::none_of(errors.begin() + static_cast<std::ptrdiff_t>(before), errors.end(),
                      [](const ConfigError& e) { return !e.warning; });
}

bool load_config_file(const std::string& path, Config& config, std::vector<ConfigError>& errors,
                      const PathConfinement& confinement) {
  // Inside the scanned tree the file is the tree's: a link there leading out is not read, or
  // its content could come back in the error messages.
  std::string why;
  std::optional<std::string> text = confinement.read_named_file(path, &why);
  if (!text) {
    errors.push_back({path, 0, 0, "cannot read configuration file: " + why});
    return false;
  }
  return parse_config(path, *text, config, errors);
}

}  // namespace eph
