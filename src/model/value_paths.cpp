#include "model/value_paths.h"

namespace eph {
namespace {

std::string_view next_segment(std::string_view& path) {
  size_t slash = path.find('/');
  std::string_view seg = path.substr(0, slash);
  path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  return seg;
}

void each_rec(const Value& v, std::string_view path, const std::function<void(const Value&)>& visit) {
  if (v.kind == Kind::List) {
    for (const auto& item : v.items) each_rec(item, path, visit);
    return;
  }
  if (path.empty()) {
    visit(v);
    return;
  }
  // A document written as a string (a JSON policy, an OpenAPI `body` from jsonencode or
  // file()) is navigated like the map it decodes to.
  if (v.decoded && !v.is_map()) {
    each_rec(*v.decoded, path, visit);
    return;
  }
  std::string_view rest = path;
  std::string_view seg = next_segment(rest);
  if (seg == "*") {  // every entry of a map: `LambdaConfig/*`
    for (const auto& f : v.fields) each_rec(f.value, rest, visit);
    return;
  }
  if (const Value* child = v.get(seg)) each_rec(*child, rest, visit);
}

}  // namespace

const Value* at_path(const Value& root, std::string_view path) { return root.at(path); }
const Value* at_path(const Value* root, std::string_view path) { return root ? root->at(path) : nullptr; }

void each_at_path(const Value& root, std::string_view path, const std::function<void(const Value&)>& visit) {
  each_rec(root, path, visit);
}

std::vector<const Value*> list_items(const Value* v, bool* unknown) {
  std::vector<const Value*> out;
  if (!v || v->is_null()) return out;
  if (v->is_unknown()) {
    // Not knowable as a list, but still a value with references: keep it as one item.
    if (unknown) *unknown = true;
    out.push_back(v);
    return out;
  }
  if (v->kind != Kind::List) {
    out.push_back(v);
    return out;
  }
  for (const auto& item : v->items) {
    if (item.kind == Kind::List) {
      for (const auto& inner : item.items) out.push_back(&inner);
    } else {
      out.push_back(&item);
    }
  }
  return out;
}

std::string_view string_of(const Value* v) {
  return v && v->kind == Kind::String ? std::string_view(v->text) : std::string_view{};
}

bool is_known_string(const Value* v) { return v && v->kind == Kind::String; }

}  // namespace eph
