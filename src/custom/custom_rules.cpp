#include "custom/custom_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/spelling.h"
#include "custom/rule_file.h"

namespace fs = std::filesystem;

namespace eph {
namespace {

// Rule files larger than this are not rules: refused rather than parsed.
constexpr uintmax_t kMaxRuleFileBytes = 1 << 20;

class CustomRule final : public Rule {
 public:
  explicit CustomRule(custom::CustomRuleSpec spec) : spec_(std::move(spec)) {
    documentation_ = "## What it flags\n\n" + spec_.docs.what + "\n\n## Why it matters\n\n" + spec_.docs.why +
                     "\n\n## How to fix it\n\n" + spec_.docs.fix + "\n\nA custom rule, defined in `" + spec_.path + "`.\n";
  }

  void check(RuleContext& ctx) const override {
    for (auto& match : custom::evaluate_query(spec_.query, ctx.model())) {
      Finding& f = ctx.report(match.range, std::move(match.message), std::move(match.resource));
      f.related = std::move(match.related);
    }
  }

  const custom::CustomRuleSpec& spec() const { return spec_; }
  const std::string& documentation() const { return documentation_; }

 private:
  custom::CustomRuleSpec spec_;
  std::string documentation_;
};

std::string file_uri(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return "file://" + (ec ? path : absolute.lexically_normal().string());
}

// The line and column of the top-level `key:` of a rule file, for clash errors.
ConfigError error_at_key(const custom::CustomRuleSpec& spec, std::string_view key, std::string message) {
  ConfigError e{spec.path, 1, 1, std::move(message), false};
  const std::string& text = spec.source->text();
  size_t at = text.rfind(std::string("\n") + std::string(key) + ":");
  if (text.rfind(std::string(key) + ":", 0) == 0) at = 0;
  else if (at != std::string::npos) ++at;
  if (at != std::string::npos) {
    LineCol lc = spec.source->position(static_cast<uint32_t>(at));
    e.line = lc.line;
    e.column = lc.column;
  }
  return e;
}

}  // namespace

std::vector<std::string> custom_rule_files(const std::string& dir, std::string& error) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a directory of custom rules";
    return out;
  }
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool rule = name.size() > custom::kRuleFileSuffix.size() && name.ends_with(custom::kRuleFileSuffix);
    if (rule && it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

static std::optional<std::string> read_from_disk(const std::string& file) {
  std::error_code ec;
  if (fs::file_size(file, ec) > kMaxRuleFileBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return std::nullopt;
  return text.str();
}

bool load_custom_rules(const std::vector<std::string>& dirs, CustomRuleSet& set, std::vector<ConfigError>& errors,
                       const RuleFileReader& read) {
  size_t before = errors.size();
  for (const auto& dir : dirs) {
    std::string why;
    std::vector<std::string> files = custom_rule_files(dir, why);
    if (!why.empty()) errors.push_back(ConfigError{dir, 0, 0, "not a directory of custom rules", false});
    for (const auto& file : files) {
      // One file named twice (--rules-dir and the configuration's custom-rules:) is one rule.
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(file, ec);
      bool seen = std::any_of(set.files.begin(), set.files.end(), [&](const std::string& f) {
        std::error_code other_ec;
        return fs::weakly_canonical(f, other_ec) == canonical;
      });
      if (seen) continue;
      set.files.push_back(file);
      std::optional<std::string> text = read ? read(file) : read_from_disk(file);
      if (!text || text->size() > kMaxRuleFileBytes) {
        errors.push_back(ConfigError{file, 0, 0, "cannot read rule file (unreadable, or larger than 1 MiB)", false});
        continue;
      }
      auto spec = custom::parse_rule_file(file, *text, errors);
      if (!spec) continue;
      bool clash = false;
      for (const auto& e : builtin_rules()) {
        if (same_ignoring_case(e.info->slug, spec->slug)) {
          errors.push_back(error_at_key(*spec, "slug", "slug '" + spec->slug + "' is the built-in rule " + e.info->id + "'s"));
          clash = true;
        }
      }
      for (const auto& other : set.infos) {
        if (same_ignoring_case(other->id, spec->id) || same_ignoring_case(other->slug, spec->slug)) {
          bool id = same_ignoring_case(other->id, spec->id);
          errors.push_back(error_at_key(*spec, id ? "id" : "slug",
                                        (id ? "id '" + spec->id : "slug '" + spec->slug) + "' is also used by " +
                                            other->source_file));
          clash = true;
        }
      }
      if (clash) continue;
      auto rule = std::make_shared<CustomRule>(std::move(*spec));
      auto info = std::make_shared<RuleInfo>();
      info->id = rule->spec().id;
      info->slug = rule->spec().slug;
      info->title = rule->spec().title;
      info->severity = rule->spec().severity;
      info->documentation = rule->documentation();
      info->summary = rule->spec().docs.what;
      info->help_uri = rule->spec().docs.url.empty() ? file_uri(file) : rule->spec().docs.url;
      info->source_file = file;
      set.infos.push_back(std::move(info));
      set.rules.push_back(std::move(rule));
    }
  }
  return errors.size() == before;
}

void install_custom_rules(const CustomRuleSet& set) {
  std::vector<std::pair<std::shared_ptr<const RuleInfo>, std::shared_ptr<const Rule>>> rules;
  for (size_t i = 0; i < set.infos.size(); ++i) rules.emplace_back(set.infos[i], set.rules[i]);
  set_custom_rules(std::move(rules));
}

}  // namespace eph
