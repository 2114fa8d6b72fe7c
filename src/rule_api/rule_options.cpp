#include "rule_api/rule_options.h"

namespace eph {
namespace {

constexpr std::string_view kHeading = "## Options";

// [begin, end) of the Markdown table after the "## Options" heading, if any.
std::pair<size_t, size_t> options_table_span(std::string_view doc) {
  size_t heading = doc.find(std::string(kHeading) + "\n");
  while (heading != std::string_view::npos && heading != 0 && doc[heading - 1] != '\n')
    heading = doc.find(std::string(kHeading) + "\n", heading + 1);
  if (heading == std::string_view::npos) return {std::string_view::npos, std::string_view::npos};
  size_t pos = heading + kHeading.size() + 1;
  while (pos < doc.size()) {
    size_t nl = doc.find('\n', pos);
    size_t next = nl == std::string_view::npos ? doc.size() : nl + 1;
    std::string_view line = doc.substr(pos, next - pos);
    if (line.starts_with("#")) break;  // the next section: no table in this one
    if (line.starts_with("|")) {
      size_t end = next;
      while (end < doc.size() && doc[end] == '|') {
        size_t e = doc.find('\n', end);
        end = e == std::string_view::npos ? doc.size() : e + 1;
      }
      return {pos, end};
    }
    pos = next;
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::Integer: return "integer";
    case OptionType::StringList: return "list of strings";
  }
  return "";
}

std::string default_text(const RuleOption& option) {
  switch (option.type) {
    case OptionType::Integer: return std::to_string(option.default_integer);
    case OptionType::StringList: return "none";
  }
  return "";
}

const RuleOption* find_option(RuleOptions options, std::string_view name) {
  for (const auto& o : options)
    if (o.name == name) return &o;
  return nullptr;
}

std::string options_table(RuleOptions options) {
  std::string out = "| option | type | default | meaning |\n|---|---|---|---|\n";
  for (const auto& o : options) {
    out += "| `" + std::string(o.name) + "` | " + std::string(to_string(o.type)) + " | " + default_text(o) + " | " +
           std::string(o.meaning) + " |\n";
  }
  return out;
}

std::string_view readme_options_table(std::string_view documentation) {
  auto [begin, end] = options_table_span(documentation);
  if (begin == std::string_view::npos) return {};
  return documentation.substr(begin, end - begin);
}

std::string documentation_with_options(std::string_view documentation, RuleOptions options) {
  auto [begin, end] = options_table_span(documentation);
  if (begin != std::string_view::npos)
    return std::string(documentation.substr(0, begin)) + options_table(options) + std::string(documentation.substr(end));
  std::string out(documentation);
  if (options.empty()) return out;
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out + "\n" + std::string(kHeading) + "\n\n" + options_table(options);
}

}  // namespace eph
