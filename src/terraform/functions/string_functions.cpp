// String built-ins: join, split, case, trimming, substr and the predicates.
#include <algorithm>

#include "terraform/functions/function_support.h"
#include "terraform/functions/letter_case.h"

namespace eph::terraform::fn {

namespace {

// The string arguments of a call, converted; nullopt (with `error` set) when one cannot be.
std::optional<std::vector<std::string>> string_args(Call& c, std::string& error) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto s = as_string(c.args[i]);
    if (!s) {
      error = "argument " + std::to_string(i + 1) + " must be a string";
      return std::nullopt;
    }
    out.push_back(std::move(*s));
  }
  return out;
}

Value string_result(Call& c, std::string s) { return c.computed(Value::string_of(std::move(s))); }

Value join(Call& c) {
  auto sep = as_string(c.args[0]);
  if (!sep) return c.fail("separator must be a string");
  std::string out;
  bool first = true;
  for (size_t i = 1; i < c.args.size(); ++i) {
    const Value& list = c.args[i];
    if (!list.is_list()) return c.fail("argument " + std::to_string(i + 1) + " must be a list of strings");
    for (const auto& item : list.items) {
      if (item.is_unknown()) return c.unknown();
      auto s = as_string(item);
      if (!s) return c.fail(item.is_null() ? "cannot join null values" : "elements must be strings");
      if (!first) out += *sep;
      out += *s;
      first = false;
    }
  }
  Value v = string_result(c, std::move(out));
  for (size_t i = 1; i < c.args.size(); ++i) absorb_deep(v, c.args[i]);
  return v;
}

Value split(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  const std::string& sep = (*s)[0];
  const std::string& text = (*s)[1];
  Value list = c.computed(Value::list());
  size_t pieces = sep.empty() ? text.size() : 1;
  for (size_t at = sep.empty() ? std::string::npos : text.find(sep); at != std::string::npos; at = text.find(sep, at + sep.size())) {
    if (++pieces > kMaxResultItems) break;
  }
  if (pieces > kMaxResultItems) return c.limit("more than 100000 parts");
  auto push = [&](std::string part) {
    Value item = Value::string_of(std::move(part), c.ctx.call);
    absorb(item, c.args[1]);
    list.items.push_back(std::move(item));
  };
  if (sep.empty()) {
    for (auto ch : characters(text)) push(std::string(ch));
    return list;
  }
  size_t start = 0;
  while (true) {
    size_t at = text.find(sep, start);
    if (at == std::string::npos) break;
    push(text.substr(start, at - start));
    start = at + sep.size();
  }
  push(text.substr(start));
  return list;
}

template <std::optional<std::string> (*Map)(std::string_view)>
Value change_case(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  auto out = Map(*s);
  if (!out) return c.unknown("letter case of this script is not modelled");
  if (*out == *s) return c.passed(*to_string_value(c.args[0]));
  return string_result(c, std::move(*out));
}

bool is_space(std::string_view ch) {
  static constexpr std::string_view kSpaces[] = {" ", "\t", "\n", "\v", "\f", "\r", "\r\n", "\xC2\x85", "\xC2\xA0",
                                                 "\xE1\x9A\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
                                                 "\xE2\x81\x9F", "\xE3\x80\x80"};
  if (std::find(std::begin(kSpaces), std::end(kSpaces), ch) != std::end(kSpaces)) return true;
  // U+2000..U+200A
  return ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x80' && static_cast<unsigned char>(ch[2]) >= 0x80 &&
         static_cast<unsigned char>(ch[2]) <= 0x8A;
}

// Result of trimming: the argument itself when nothing was removed (it keeps its position).
Value trimmed(Call& c, const std::string& original, std::string_view kept) {
  if (kept.size() == original.size()) return c.passed(*to_string_value(c.args[0]));
  return string_result(c, std::string(kept));
}

Value trimspace(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  auto chars = characters(*s);
  size_t b = 0, e = chars.size();
  while (b < e && is_space(chars[b])) ++b;
  while (e > b && is_space(chars[e - 1])) --e;
  std::string_view kept = b == e ? std::string_view{} : std::string_view(chars[b].data(), chars[e - 1].data() + chars[e - 1].size() - chars[b].data());
  Value v = trimmed(c, *s, kept);
  // Surrounding whitespace does not change a JSON document.
  if (c.args[0].decoded && !v.decoded) v.decoded = c.args[0].decoded;
  return v;
}

Value chomp(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  std::string_view kept = *s;
  while (!kept.empty() && (kept.back() == '\n' || kept.back() == '\r')) {
    if (kept.back() == '\n') {
      kept.remove_suffix(1);
      if (!kept.empty() && kept.back() == '\r') kept.remove_suffix(1);
    } else {
      kept.remove_suffix(1);
    }
  }
  Value v = trimmed(c, *s, kept);
  if (c.args[0].decoded && !v.decoded) v.decoded = c.args[0].decoded;
  return v;
}

Value trim(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  auto cut = characters((*s)[1]);
  auto in_cutset = [&](std::string_view ch) { return std::find(cut.begin(), cut.end(), ch) != cut.end(); };
  auto chars = characters((*s)[0]);
  size_t b = 0, e = chars.size();
  while (b < e && in_cutset(chars[b])) ++b;
  while (e > b && in_cutset(chars[e - 1])) --e;
  std::string_view kept = b == e ? std::string_view{} : std::string_view(chars[b].data(), chars[e - 1].data() + chars[e - 1].size() - chars[b].data());
  return trimmed(c, (*s)[0], kept);
}

Value trimprefix(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  std::string_view kept = (*s)[0];
  if (kept.substr(0, (*s)[1].size()) == (*s)[1]) kept.remove_prefix((*s)[1].size());
  return trimmed(c, (*s)[0], kept);
}

Value trimsuffix(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  std::string_view kept = (*s)[0];
  const std::string& suffix = (*s)[1];
  if (kept.ends_with(suffix)) {
    kept.remove_suffix(suffix.size());
  }
  return trimmed(c, (*s)[0], kept);
}

Value substr(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument 1 must be a string");
  auto offset = as_integer(c.args[1]);
  auto length = as_integer(c.args[2]);
  if (!offset || !length) return c.fail("offset and length must be whole numbers");
  auto chars = characters(*s);
  long long total = static_cast<long long>(chars.size());
  long long from = *offset < 0 ? std::max(0LL, total + *offset) : *offset;
  if (from >= total) return string_result(c, "");
  long long to = *length < 0 ? total : std::min(total, from + *length);
  if (to <= from) return string_result(c, "");
  const char* b = chars[from].data();
  const char* e = chars[to - 1].data() + chars[to - 1].size();
  return string_result(c, std::string(b, e));
}

Value bool_result(Call& c, bool b) { return c.computed(Value::boolean_of(b)); }

Value startswith(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  return bool_result(c, (*s)[0].compare(0, (*s)[1].size(), (*s)[1]) == 0 && (*s)[0].size() >= (*s)[1].size());
}

Value endswith(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  const std::string &text = (*s)[0], &suffix = (*s)[1];
  return bool_result(c, text.ends_with(suffix));
}

Value strcontains(Call& c) {
  std::string error;
  auto s = string_args(c, error);
  if (!s) return c.fail(error);
  return bool_result(c, (*s)[0].find((*s)[1]) != std::string::npos);
}

Value indent(Call& c) {
  auto n = as_integer(c.args[0]);
  auto s = as_string(c.args[1]);
  if (!n || *n < 0 || *n > 1024) return c.fail("number of spaces must be a whole number from 0 to 1024");
  if (!s) return c.fail("argument 2 must be a string");
  std::string pad(static_cast<size_t>(*n), ' ');
  size_t lines = static_cast<size_t>(std::count(s->begin(), s->end(), '\n'));
  if (s->size() + lines * pad.size() > kMaxResultBytes) return c.limit("result larger than 16 MiB");
  std::string out;
  for (char ch : *s) {
    out += ch;
    if (ch == '\n') out += pad;
  }
  return string_result(c, std::move(out));
}

Value strrev(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  auto chars = characters(*s);
  std::string out;
  out.reserve(s->size());
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) out.append(*it);
  return string_result(c, std::move(out));
}

constexpr BuiltinSpec kFunctions[] = {
    {"join", join, 2, kVariadic},
    {"split", split, 2, 2},
    {"lower", change_case<to_lower>, 1, 1},
    {"upper", change_case<to_upper>, 1, 1},
    {"title", change_case<to_title>, 1, 1},
    {"trimspace", trimspace, 1, 1},
    {"chomp", chomp, 1, 1},
    {"trim", trim, 2, 2},
    {"trimprefix", trimprefix, 2, 2},
    {"trimsuffix", trimsuffix, 2, 2},
    {"substr", substr, 3, 3},
    {"startswith", startswith, 2, 2},
    {"endswith", endswith, 2, 2},
    {"strcontains", strcontains, 2, 2},
    {"indent", indent, 2, 2},
    {"strrev", strrev, 1, 1},
};

}  // namespace

std::span<const BuiltinSpec> string_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
