#include "cloudformation/json_documents.h"

#include "cloudformation/template_evaluator.h"
#include "syntax/json/json_loader.h"

namespace eph::cloudformation {
namespace {

// U+E000 (private use): valid inside a JSON string, never written in a template.
constexpr std::string_view kHole = "\xEE\x80\x80";

// Replaces the hole markers of a decoded string: the string becomes Unknown, written with
// the ${name} of each hole and carrying the holes' edges and marks.
void fill_holes(Value& v, const std::vector<DocumentHole>& holes) {
  if (v.is_string() && v.text.find(kHole) != std::string::npos) {
    std::string text;
    std::vector<const Value*> parts;
    size_t i = 0;
    while (i < v.text.size()) {
      size_t open = v.text.find(kHole, i);
      size_t close = open == std::string::npos ? open : v.text.find(kHole, open + kHole.size());
      if (close == std::string::npos) {
        text.append(v.text, i, std::string::npos);
        break;
      }
      text.append(v.text, i, open - i);
      size_t index = std::stoul(v.text.substr(open + kHole.size(), close - open - kHole.size()));
      if (index < holes.size()) {
        text += "${" + holes[index].name + "}";
        parts.push_back(holes[index].value);
      }
      i = close + kHole.size();
    }
    v = unknown_from(parts, v.where, text);
    return;
  }
  for (auto& item : v.items) fill_holes(item, holes);
  for (auto& f : v.fields) fill_holes(f.value, holes);
}

}  // namespace

std::string hole_marker(size_t index) { return std::string(kHole) + std::to_string(index) + std::string(kHole); }

bool may_hold_json_document(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  size_t e = text.find_last_not_of(" \t\r\n");
  if (b == std::string_view::npos || text[b] != '{' || text[e] != '}') return false;
  return b + 1 < text.size() && text[b + 1] != '{';  // {{resolve:...}} is a dynamic reference
}

std::shared_ptr<const Value> decode_json_document(std::string_view text, Range where,
                                                  const std::vector<DocumentHole>& holes) {
  if (!may_hold_json_document(text)) return nullptr;
  auto parsed = json::parse_text(text, where);
  if (!parsed.ok() || !parsed.value.is_map()) return nullptr;
  if (!holes.empty()) fill_holes(parsed.value, holes);
  return std::make_shared<const Value>(std::move(parsed.value));
}

}  // namespace eph::cloudformation
