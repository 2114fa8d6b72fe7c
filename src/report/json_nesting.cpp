#include "report/json_nesting.h"

namespace eph {

std::string json_dumped(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_nested_json(std::ostream& out, const nlohmann::ordered_json& j, size_t depth) {
  const std::string pad(depth * 2, ' ');
  const std::string text = json_dumped(j, 2);  // JSON strings never hold a raw line break
  size_t start = 0;
  out << pad;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
    out << pad;
    start = nl + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace eph
