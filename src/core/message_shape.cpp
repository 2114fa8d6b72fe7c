#include "core/message_shape.h"

namespace eph {
namespace {

// The end of a `[key]` that starts at `at` (quoted keys may hold `]` and dots), or npos.
size_t end_of_key(std::string_view s, size_t at) {
  bool quoted = false;
  for (size_t i = at + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ']') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

std::string_view module_instance_prefix(std::string_view address) {
  constexpr std::string_view kModule = "module.";
  size_t end = 0;
  while (address.substr(end).starts_with(kModule)) {
    size_t i = end + kModule.size();
    while (i < address.size() && address[i] != '.' && address[i] != '[') ++i;
    if (i < address.size() && address[i] == '[') i = end_of_key(address, i);
    if (i == std::string_view::npos || i >= address.size() || address[i] != '.') break;
    end = i + 1;
  }
  return address.substr(0, end);
}

std::string message_shape(std::string_view message, std::string_view resource) {
  std::string out(message);
  if (resource.empty()) return out;
  replace_all(out, resource, "\x01");
  replace_all(out, module_instance_prefix(resource), "\x02");
  return out;
}

}  // namespace eph
