// The text of an `ephemera:ignore` directive: rule ids (or slugs), reason="...", until=DATE.
#include <cctype>
#include <ctime>

#include "engine/suppressions.h"
#include "registry/rule_registry.h"

namespace eph {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Reads a value: "quoted" (with \" escapes), 'quoted', or a bare word. Advances `pos`.
std::string read_value(std::string_view text, size_t& pos, bool& unterminated) {
  std::string out;
  unterminated = false;
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
    char quote = text[pos++];
    while (pos < text.size() && text[pos] != quote) {
      if (text[pos] == '\\' && pos + 1 < text.size() && quote == '"') ++pos;
      out += text[pos++];
    }
    if (pos >= text.size()) unterminated = true;
    else ++pos;
    return out;
  }
  while (pos < text.size() && !is_space(text[pos])) out += text[pos++];
  return out;
}

}  // namespace

std::string today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

void add_rule_id(Suppression& s, std::string_view word) {
  const RuleEntry* rule = find_rule(word);
  if (!rule) {
    if (s.problem.empty()) s.problem = "unknown rule '" + std::string(word) + "'";
    return;
  }
  s.written_id += (s.written_id.empty() ? "" : ",") + std::string(word);
  s.rule_ids.push_back(rule->info->id);
}

void validate_suppression(Suppression& s) {
  if (!s.until.empty() && !valid_date(s.until) && s.problem.empty())
    s.problem = "until date '" + s.until + "' is not a date (YYYY-MM-DD)";
  if (s.problem.empty() && s.rule_ids.empty()) s.problem = "no rule named (ephemera:ignore EPHnnn reason=\"...\")";
  std::string_view reason = s.reason;
  while (!reason.empty() && is_space(reason.front())) reason.remove_prefix(1);
  if (s.problem.empty() && reason.empty()) s.problem = "no reason given: add reason=\"why this is acceptable\"";
}

Suppression parse_ignore_directive(std::string_view text) {
  Suppression s;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (is_space(text[pos]) || text[pos] == ',')) ++pos;
    if (pos >= text.size()) break;
    // Another comment after the directive (a fixture's `# expect:`) is not part of it.
    if (text[pos] == '#' || text.substr(pos, 2) == "//") break;
    size_t start = pos;
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != ',' && text[pos] != '=') ++pos;
    std::string_view word = text.substr(start, pos - start);
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      bool unterminated = false;
      std::string value = read_value(text, pos, unterminated);
      if (unterminated && s.problem.empty()) s.problem = "unterminated quote after " + std::string(word) + "=";
      if (word == "reason") s.reason = value;
      else if (word == "until") s.until = value;
      else if (s.problem.empty()) s.problem = "unknown setting '" + std::string(word) + "' (only reason= and until=)";
      continue;
    }
    if (!word.empty()) add_rule_id(s, word);
  }
  validate_suppression(s);
  return s;
}

}  // namespace eph
