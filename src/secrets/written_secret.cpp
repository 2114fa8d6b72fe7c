#include "secrets/written_secret.h"

namespace eph::secrets {
namespace {

std::string_view first_line(std::string_view s) {
  size_t nl = s.find('\n');
  return nl == std::string_view::npos ? s : s.substr(0, nl);
}

std::string_view last_line(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  size_t nl = s.rfind('\n');
  return nl == std::string_view::npos ? s : s.substr(nl + 1);
}

Range sub(const Range& r, size_t from, size_t to) {
  return Range{r.file, r.begin + static_cast<uint32_t>(from), r.begin + static_cast<uint32_t>(to)};
}

// The bytes of `written` that spell `value`; all of it when the value was computed there
// (`jsonencode({key = "..."})`): the expression then holds the secret's parts.
Range spelling(const Range& written, std::string_view value) {
  if (!written.valid() || value.empty()) return {};
  std::string_view source = written.text();
  if (size_t at = source.find(value); at != std::string_view::npos) return sub(written, at, at + value.size());
  // A heredoc or block scalar: its indentation is not part of the value, so cover the lines.
  std::string_view first = first_line(value), last = last_line(value);
  if (first != value && !first.empty() && !last.empty()) {
    size_t begin = source.find(first), end = source.rfind(last);
    if (begin != std::string_view::npos && end != std::string_view::npos && end >= begin)
      return sub(written, begin, end + last.size());
  }
  // A quoted literal with escapes: everything between the quotes.
  if (source.size() >= 2 && (source.front() == '"' || source.front() == '\'') && source.back() == source.front() &&
      source.find("${") == std::string_view::npos)
    return sub(written, 1, source.size() - 1);
  return written;
}

}  // namespace

std::optional<SecretValue> written_secret(const Value& value) {
  if (!value.is_string() || value.text.empty()) return std::nullopt;
  return SecretValue{spelling(value.where, value.text), value.text};
}

}  // namespace eph::secrets
