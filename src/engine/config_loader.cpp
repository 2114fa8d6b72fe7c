#include "engine/config_loader.h"
#include "engine/config_resolution.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>
#include <sstream>

#include "core/spelling.h"
#include "engine/rule_registry.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

class Reader {
 public:
  Reader(const std::string& path, SourceFilePtr source, std::vector<ConfigError>& errors)
      : path_(path), source_(std::move(source)), errors_(errors) {}

  void error(const YAML::Node& at, std::string message, bool warning = false) {
    const YAML::Mark m = at.Mark();
    errors_.push_back(
        {path_, static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1), std::move(message), warning});
  }

  Range range(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.pos < 0) return {};
    uint32_t begin = static_cast<uint32_t>(m.pos);
    uint32_t end = begin + (n.IsScalar() ? static_cast<uint32_t>(n.Scalar().size()) : 0);
    end = std::min<uint32_t>(end, static_cast<uint32_t>(source_->text().size()));
    return Range{source_.get(), begin, end};
  }

  std::optional<Severity> severity(const YAML::Node& n) {
    if (n.IsScalar())
      if (auto s = parse_severity(n.Scalar())) return s;
    error(n, "expected a severity (critical, high, medium, low, info)");
    return std::nullopt;
  }

  std::optional<bool> boolean(const YAML::Node& n) {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      if (s == "true" || s == "on" || s == "yes") return true;
      if (s == "false" || s == "off" || s == "no") return false;
    }
    error(n, "expected true or false");
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> strings(const YAML::Node& n) {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
      return out;
    }
    if (!n.IsSequence()) {
      error(n, "expected a list of strings");
      return std::nullopt;
    }
    for (const auto& item : n) {
      if (!item.IsScalar()) {
        error(item, "expected a string");
        return std::nullopt;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  // Rule options as positioned values: numbers stay numbers, the rule decides what it accepts.
  Value value(const YAML::Node& n) {
    Range where = range(n);
    switch (n.Type()) {
      case YAML::NodeType::Sequence: {
        Value list = Value::list(where);
        for (const auto& item : n) list.items.push_back(value(item));
        return list;
      }
      case YAML::NodeType::Map: {
        Value map = Value::map(where);
        for (const auto& kv : n) map.set(kv.first.as<std::string>(), value(kv.second), range(kv.first));
        return map;
      }
      case YAML::NodeType::Scalar: {
        const std::string& s = n.Scalar();
        if (n.Tag() != "!") {  // unquoted: typed like YAML 1.2 core
          if (s == "true" || s == "false") return Value::boolean_of(s == "true", where);
          if (s == "null" || s == "~") return Value::null(where);
          char* end = nullptr;
          double d = std::strtod(s.c_str(), &end);
          if (!s.empty() && end == s.c_str() + s.size()) return Value::number_of(d, where);
        }
        return Value::string_of(s, where);
      }
      default:
        return Value::null(where);
    }
  }

  // Options are checked against the rule's declarations. The snake_case spellings the
  // READMEs once documented (account_limit) still work, with a warning, so existing
  // configurations keep their meaning; anything else unknown is an error.
  void options(const RuleInfo& rule, const YAML::Node& node, RuleSettings& settings) {
    if (!node.IsMap()) {
      error(node, "options must be a map");
      return;
    }
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) {
        error(kv.first, "option names must be strings");
        continue;
      }
      const std::string& name = kv.first.Scalar();
      const RuleOption* option = find_option(rule.options, name);
      if (!option) {
        std::string kebab = name;
        std::replace(kebab.begin(), kebab.end(), '_', '-');
        option = kebab != name ? find_option(rule.options, kebab) : nullptr;
        if (option)
          error(kv.first,
                "'" + name + "' is the old spelling of " + rule.id + " option '" + kebab + "'; write '" +
                    kebab + "' (the old spelling still works but will be removed)",
                /*warning=*/true);
      }
      if (!option) {
        error(kv.first, unknown_option(rule, name));
        continue;
      }
      if (settings.options.get(option->name)) {
        error(kv.first, rule.id + " option '" + std::string(option->name) + "' is set twice");
        continue;
      }
      if (auto v = option_value(rule, *option, kv.second))
        settings.options.set(std::string(option->name), std::move(*v), range(kv.first));
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

  std::optional<Value> option_value(const RuleInfo& rule, const RuleOption& option, const YAML::Node& node) {
    const std::string what = rule.id + " option '" + std::string(option.name) + "'";
    switch (option.type) {
      case OptionType::Integer: {
        Value v = value(node);
        bool whole = v.kind == Kind::Number && v.number == static_cast<double>(static_cast<long long>(v.number));
        if (whole && v.number >= static_cast<double>(option.minimum) && v.number <= static_cast<double>(option.maximum))
          return v;
        std::string range = option.maximum == LLONG_MAX
                                ? "of at least " + std::to_string(option.minimum)
                                : "from " + std::to_string(option.minimum) + " to " + std::to_string(option.maximum);
        error(node, what + " expects an integer " + range + (node.IsScalar() ? ", got '" + node.Scalar() + "'" : ""));
        return std::nullopt;
      }
      case OptionType::StringList: {
        // Scalars are taken as written: `allowed-values: [1234]` means the text 1234.
        if (node.IsScalar()) return Value::string_of(node.Scalar(), range(node));
        if (node.IsSequence()) {
          Value list = Value::list(range(node));
          for (const auto& item : node) {
            if (!item.IsScalar()) {
              error(item, what + " expects a list of strings");
              return std::nullopt;
            }
            list.items.push_back(Value::string_of(item.Scalar(), range(item)));
          }
          return list;
        }
        error(node, what + " expects a list of strings");
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  void rule(const YAML::Node& key, const YAML::Node& body, Config& config) {
    if (!key.IsScalar()) {
      error(key, "expected a rule id or slug");
      return;
    }
    const std::string name = key.Scalar();
    const RuleEntry* entry = find_rule(name);
    if (!entry) {
      error(key, "unknown rule '" + name + "'" + did_you_mean(name, rule_ids_and_slugs()) + " (see `ephemera rules`)");
      return;
    }
    RuleSettings& settings = config.rules[entry->info->id];
    if (body.IsScalar()) {  // EPH401: off
      if (auto b = boolean(body)) settings.enabled = *b;
      return;
    }
    if (!body.IsMap()) {
      error(body, "expected on/off or a map with enabled, severity, options");
      return;
    }
    for (const auto& kv : body) {
      const std::string k = kv.first.as<std::string>();
      if (k == "enabled") {
        if (auto b = boolean(kv.second)) settings.enabled = *b;
      } else if (k == "severity") {
        if (auto s = severity(kv.second)) settings.severity = *s;
      } else if (k == "options") {
        options(*entry->info, kv.second, settings);
      } else {
        error(kv.first, "unknown key '" + k + "' in rule settings" + did_you_mean(k, {"enabled", "severity", "options"}) +
                            " (enabled, severity, options)");
      }
    }
  }

  void top(const YAML::Node& root, Config& config) {
    if (root.IsNull()) return;  // an empty file configures nothing
    if (!root.IsMap()) {
      error(root, "the configuration must be a map of settings");
      return;
    }
    std::set<std::string> seen;
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) {
        error(kv.first, "keys must be strings");
        continue;
      }
      const std::string k = kv.first.Scalar();
      if (!seen.insert(k).second) {
        error(kv.first, "duplicate key '" + k + "'");
        continue;
      }
      const YAML::Node& v = kv.second;
      if (k == "fail-on") {
        if (v.IsScalar() && v.Scalar() == "none") config.fail_on = std::nullopt;
        else if (v.IsScalar() && parse_severity(v.Scalar())) config.fail_on = parse_severity(v.Scalar());
        else error(v, "expected a severity (critical, high, medium, low, info) or none");
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
        Value n = value(v);
        if (n.kind != Kind::Number || n.number < 1 || n.number > 1e10) error(v, "expected a positive number of bytes");
        else config.max_file_bytes = static_cast<size_t>(n.number);
      } else if (k == "rules") {
        if (v.IsNull()) continue;
        if (!v.IsMap()) {
          error(v, "rules must be a map from rule id (or slug) to settings");
          continue;
        }
        std::set<std::string> rules_seen;
        for (const auto& r : v) {
          const RuleEntry* entry = r.first.IsScalar() ? find_rule(r.first.Scalar()) : nullptr;
          if (entry && !rules_seen.insert(entry->info->id).second) {
            error(r.first, "rule " + entry->info->id + " is configured twice");
            continue;
          }
          rule(r.first, r.second, config);
        }
      } else {
        const std::vector<std::string> keys = {"fail-on",         "severity", "fail-on-parse-errors", "foreign-suppressions",
                                               "follow-symlinks", "exclude",  "max-file-bytes",       "rules"};
        error(kv.first, "unknown key '" + k + "'" + did_you_mean(k, keys) +
                            " (fail-on, severity, fail-on-parse-errors, foreign-suppressions, follow-symlinks, exclude, "
                            "max-file-bytes, rules)");
      }
    }
  }

 private:
  const std::string& path_;
  SourceFilePtr source_;
  std::vector<ConfigError>& errors_;
};

}  // namespace

std::string ConfigError::to_string() const {
  std::string text = warning ? "warning: " + message : message;
  if (line == 0) return path + ": " + text;
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + text;
}

std::optional<std::string> find_config_file(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  return nearest_config_file(dir.string(), [](const std::string& candidate) {
    std::error_code error;
    return fs::is_regular_file(candidate, error);
  });
}

bool parse_config(const std::string& path, const std::string& text, Config& config, std::vector<ConfigError>& errors) {
  size_t before = errors.size();
  auto source = std::make_shared<SourceFile>(path, text);
  Reader reader(path, source, errors);
  try {
    YAML::Node root = YAML::Load(text);
    reader.top(root, config);
  } catch (const YAML::Exception& e) {
    errors.push_back({path, static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1), e.msg});
  }
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
