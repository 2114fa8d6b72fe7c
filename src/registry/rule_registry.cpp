#include "registry/rule_registry.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <deque>
#include <mutex>
#include <stdexcept>

#include "core/spelling.h"
#include "registry/rule_docs.h"
#include "rules/registry.h"

namespace eph {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string first_paragraph(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = trim(body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    if (line.empty() || line.front() == '#') {
      if (!out.empty()) break;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

struct Registry {
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<std::unique_ptr<RuleInfo>> infos;
  std::vector<RuleEntry> entries;
};

const Registry& registry() {
  static const Registry reg = [] {
    Registry r;
    for (const auto& factory : rule_factories()) {
      auto info = std::make_unique<RuleInfo>();
      info->id = std::string(factory.id);
      for (const auto& doc : embedded_rule_docs()) {
        if (doc.folder.substr(0, factory.id.size()) == factory.id) {
          std::string error;
          if (!parse_rule_doc(doc.folder, doc.text, *info, error)) throw std::logic_error(error);
        }
      }
      r.rules.push_back(factory.make());
      info->options = r.rules.back()->options();
      r.entries.push_back(RuleEntry{info.get(), r.rules.back().get()});
      r.infos.push_back(std::move(info));
    }
    std::sort(r.entries.begin(), r.entries.end(),
              [](const RuleEntry& a, const RuleEntry& b) { return a.info->id < b.info->id; });
    return r;
  }();
  return reg;
}

}  // namespace

bool parse_rule_doc(std::string_view folder, std::string_view text, RuleInfo& out, std::string& error) {
  out.folder = std::string(folder);
  if (text.substr(0, 4) != "---\n") {
    error = std::string(folder) + "/README.md: missing front matter";
    return false;
  }
  size_t end = text.find("\n---\n", 3);
  if (end == std::string_view::npos) {
    error = std::string(folder) + "/README.md: unterminated front matter";
    return false;
  }
  std::string_view front = text.substr(4, end - 4);
  size_t pos = 0;
  while (pos <= front.size()) {
    size_t nl = front.find('\n', pos);
    std::string_view line = front.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? front.size() + 1 : nl + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "id") out.id = std::string(value);
    else if (key == "slug") out.slug = std::string(value);
    else if (key == "title") out.title = std::string(value);
    else if (key == "severity") {
      auto sev = parse_severity(value);
      if (!sev) {
        error = std::string(folder) + "/README.md: bad severity '" + std::string(value) + "'";
        return false;
      }
      out.severity = *sev;
    }
  }
  if (out.id.empty() || out.slug.empty() || out.title.empty()) {
    error = std::string(folder) + "/README.md: front matter needs id, slug, severity and title";
    return false;
  }
  out.documentation = text.substr(end + 5);
  out.summary = first_paragraph(out.documentation);
  return true;
}

namespace {

// The built-in rules with one set of custom rules. Lists are never freed: a reader may hold
// a reference to an older one while the LSP installs edited rules.
struct RuleList {
  std::vector<std::shared_ptr<const RuleInfo>> infos;
  std::vector<std::shared_ptr<const Rule>> rules;
  std::vector<RuleEntry> entries;
};
std::mutex g_lists_mutex;
std::deque<RuleList> g_lists;
std::atomic<const std::vector<RuleEntry>*> g_current{nullptr};

}  // namespace

const std::vector<RuleEntry>& builtin_rules() { return registry().entries; }

const std::vector<RuleEntry>& all_rules() {
  const std::vector<RuleEntry>* current = g_current.load(std::memory_order_acquire);
  return current ? *current : registry().entries;
}

void set_custom_rules(std::vector<std::pair<std::shared_ptr<const RuleInfo>, std::shared_ptr<const Rule>>> rules) {
  std::lock_guard lock(g_lists_mutex);
  RuleList& list = g_lists.emplace_back();
  list.entries = registry().entries;
  for (auto& [info, rule] : rules) {
    list.entries.push_back(RuleEntry{info.get(), rule.get()});
    list.infos.push_back(std::move(info));
    list.rules.push_back(std::move(rule));
  }
  std::stable_sort(list.entries.begin(), list.entries.end(),
                   [](const RuleEntry& a, const RuleEntry& b) { return a.info->id < b.info->id; });
  g_current.store(&list.entries, std::memory_order_release);
}

const RuleEntry* find_rule(std::string_view id_or_slug) {
  for (const auto& e : all_rules()) {
    if (same_ignoring_case(e.info->id, id_or_slug) || same_ignoring_case(e.info->slug, id_or_slug)) return &e;
  }
  return nullptr;
}

std::vector<std::string> rule_ids_and_slugs() {
  std::vector<std::string> out;
  for (const auto& e : all_rules()) {
    out.push_back(e.info->id);
    out.push_back(e.info->slug);
  }
  return out;
}

std::vector<std::string> registered_rule_ids() {
  std::vector<std::string> ids;
  for (const auto& f : rule_factories()) ids.emplace_back(f.id);
  return ids;
}

std::string_view repository_url() { return EPHEMERA_REPOSITORY_URL; }

std::string_view rule_docs_base_url() { return EPHEMERA_REPOSITORY_URL "/blob/v" EPHEMERA_RELEASE_VERSION; }

std::string rule_help_uri(const RuleInfo& info) {
  if (info.custom()) return info.help_uri;
  return std::string(rule_docs_base_url()) + "/rules/" + info.folder + "/README.md";
}

}  // namespace eph
