// regex(), regexall() and replace() (plain and /regex/ forms). Terraform patterns are RE2;
// they are translated to ECMAScript and run on libstdc++'s polynomial (Thompson NFA)
// executor, so no input can make matching exponential. RE2 features without an equivalent
// (Unicode classes, mid-pattern flags) make the result unknown rather than a guess.
#include <memory>
#include <regex>
#include <unordered_map>

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

constexpr size_t kMaxPattern = 1000;
constexpr size_t kMaxWork = 4'000'000;  // pattern length x input length

struct Pattern {
  std::regex re;
  std::vector<std::string> group_names;  // one per capture group; empty for unnamed
  bool named() const {
    for (const auto& n : group_names)
      if (!n.empty()) return true;
    return false;
  }
};

// Translates RE2 syntax; nullopt when the pattern uses RE2 features we do not model.
std::optional<std::string> translate(std::string_view re2, std::vector<std::string>& names,
                                     std::regex::flag_type& flags) {
  std::string out;
  size_t i = 0;
  // Leading flag groups: (?i), (?s), (?m), (?is) ...
  while (re2.substr(i, 2) == "(?") {
    size_t close = re2.find(')', i);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view letters = re2.substr(i + 2, close - i - 2);
    if (letters.empty() || letters.find_first_not_of("ims") != std::string_view::npos) break;
    for (char f : letters) {
      if (f == 'i') flags |= std::regex::icase;
      if (f == 'm') flags |= std::regex::multiline;
      if (f == 's') return std::nullopt;  // dot-matches-newline has no ECMAScript flag here
    }
    i = close + 1;
  }
  bool in_class = false;
  for (; i < re2.size(); ++i) {
    char ch = re2[i];
    if (ch == '\\') {
      if (i + 1 >= re2.size()) return std::nullopt;
      char e = re2[i + 1];
      if (e == 'p' || e == 'P' || e == 'C' || e == 'X') return std::nullopt;  // Unicode classes
      if (!in_class && e == 'A') {
        out += '^';
      } else if (!in_class && e == 'z') {
        out += '$';
      } else if (e == 'Q') {
        size_t end = re2.find("\\E", i + 2);
        std::string_view lit = re2.substr(i + 2, end == std::string_view::npos ? std::string_view::npos : end - i - 2);
        for (char l : lit) {
          if (std::string_view("\\^$.|?*+()[]{}/-").find(l) != std::string_view::npos) out += '\\';
          out += l;
        }
        i = end == std::string_view::npos ? re2.size() : end + 1;
        continue;
      } else {
        out += ch;
        out += e;
      }
      ++i;
      continue;
    }
    if (in_class) {
      if (ch == '[' && re2.substr(i, 2) == "[:") {
        size_t end = re2.find(":]", i + 2);
        if (end == std::string_view::npos) return std::nullopt;
        out.append(re2.substr(i, end + 2 - i));
        i = end + 1;
        continue;
      }
      if (ch == ']') in_class = false;
      out += ch;
      continue;
    }
    if (ch == '[') {
      in_class = true;
      out += ch;
      if (i + 1 < re2.size() && re2[i + 1] == '^') out += re2[++i];
      if (i + 1 < re2.size() && re2[i + 1] == ']') {  // a leading ] is literal in RE2
        out += "\\]";
        ++i;
      }
      continue;
    }
    if (ch == '(') {
      if (re2.substr(i, 4) == "(?P<" || (re2.substr(i, 3) == "(?<" && re2.substr(i, 4) != "(?<=" && re2.substr(i, 4) != "(?<!")) {
        size_t start = re2.find('<', i) + 1;
        size_t end = re2.find('>', start);
        if (end == std::string_view::npos) return std::nullopt;
        names.emplace_back(re2.substr(start, end - start));
        out += '(';
        i = end;
        continue;
      }
      if (re2.substr(i, 3) == "(?:") {
        out += "(?:";
        i += 2;
        continue;
      }
      if (re2.substr(i, 2) == "(?") return std::nullopt;  // lookaround and inline flags: not RE2 or not modelled
      names.emplace_back();
    }
    out += ch;
  }
  if (in_class) return std::nullopt;
  return out;
}

// Compiles a pattern. Sets `unsupported` when we cannot model it, `error` when it is invalid.
// Compiling is far dearer than matching, and modules repeat their patterns (validations,
// for_each bodies): compiled patterns are kept per thread, a bounded number of them.
std::shared_ptr<const Pattern> compile(Call& c, const std::string& re2, Value& failure) {
  thread_local std::unordered_map<std::string, std::shared_ptr<const Pattern>> cache;
  if (auto it = cache.find(re2); it != cache.end()) return it->second;
  if (re2.size() > kMaxPattern) {
    failure = c.limit("pattern longer than " + std::to_string(kMaxPattern) + " bytes");
    return nullptr;
  }
  auto p = std::make_shared<Pattern>();
  std::regex::flag_type flags = std::regex::ECMAScript | std::regex_constants::__polynomial;
  auto translated = translate(re2, p->group_names, flags);
  if (!translated) {
    failure = c.unknown("regular expression uses RE2 features that are not modelled");
    return nullptr;
  }
  try {
    p->re = std::regex(*translated, flags);
  } catch (const std::regex_error&) {
    failure = c.unknown("regular expression not supported");
    return nullptr;
  }
  if (p->re.mark_count() != p->group_names.size()) {
    failure = c.unknown("regular expression groups not understood");
    return nullptr;
  }
  if (cache.size() >= 256) cache.clear();
  cache.emplace(re2, p);
  return p;
}

// One match as Terraform returns it: the whole match, a list of groups, or a map of named groups.
Value match_value(Call& c, const Pattern& p, const std::smatch& m) {
  auto group = [&](size_t i) {
    return m[i].matched ? Value::string_of(m[i].str(), c.ctx.call) : Value::null(c.ctx.call);
  };
  if (p.group_names.empty()) return c.computed(Value::string_of(m[0].str()));
  if (p.named()) {
    Value map = c.computed(Value::map());
    for (size_t i = 0; i < p.group_names.size(); ++i) {
      if (!p.group_names[i].empty()) map.set(p.group_names[i], group(i + 1));
    }
    return map;
  }
  Value list = c.computed(Value::list());
  for (size_t i = 0; i < p.group_names.size(); ++i) list.items.push_back(group(i + 1));
  return list;
}

template <bool All>
Value regex_call(Call& c) {
  auto pattern = as_string(c.args[0]);
  auto text = as_string(c.args[1]);
  if (!pattern || !text) return c.fail("arguments must be strings");
  if (pattern->size() * std::max<size_t>(text->size(), 1) > kMaxWork) return c.limit("input too large to match");
  Value failure;
  auto p = compile(c, *pattern, failure);
  if (!p) return failure;
  bool named = p->named();
  for (const auto& n : p->group_names) {
    if (named && n.empty()) return c.fail("pattern mixes named and unnamed capture groups");
  }
  try {
    if (!All) {
      std::smatch m;
      if (!std::regex_search(*text, m, p->re)) return c.fail("pattern did not match any part of the string");
      return match_value(c, *p, m);
    }
    Value list = c.computed(Value::list());
    for (std::sregex_iterator it(text->begin(), text->end(), p->re), end; it != end; ++it) {
      if (list.items.size() == kMaxResultItems) return c.limit("more than 100000 matches");
      list.items.push_back(match_value(c, *p, *it));
    }
    return list;
  } catch (const std::regex_error&) {
    return c.limit("regular expression too complex for this input");
  }
}

// Go's regexp.Expand template: $1, ${1}, $name, ${name}, $$.
std::string expand(std::string_view repl, const Pattern& p, const std::smatch& m) {
  std::string out;
  for (size_t i = 0; i < repl.size(); ++i) {
    if (repl[i] != '$' || i + 1 >= repl.size()) {
      out += repl[i];
      continue;
    }
    if (repl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string name;
    size_t j = i + 1;
    if (repl[j] == '{') {
      size_t close = repl.find('}', j);
      if (close == std::string_view::npos) {
        out += repl[i];
        continue;
      }
      name = std::string(repl.substr(j + 1, close - j - 1));
      j = close + 1;
    } else {
      while (j < repl.size() && (std::isalnum(static_cast<unsigned char>(repl[j])) || repl[j] == '_')) name += repl[j++];
    }
    if (name.empty()) {
      out += repl[i];
      continue;
    }
    // An unknown group name expands to nothing, as in Go.
    bool numeric = name.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) {
      size_t g = std::stoul(name.substr(0, 6));
      if (g < m.size()) out += m[g].str();
    } else {
      for (size_t g = 0; g < p.group_names.size(); ++g) {
        if (p.group_names[g] == name) out += m[g + 1].str();
      }
    }
    i = j - 1;
  }
  return out;
}

Value replace(Call& c) {
  auto text = as_string(c.args[0]);
  auto search = as_string(c.args[1]);
  auto repl = as_string(c.args[2]);
  if (!text || !search || !repl) return c.fail("arguments must be strings");
  std::string out;
  if (search->size() >= 2 && search->front() == '/' && search->back() == '/') {
    std::string pattern = search->substr(1, search->size() - 2);
    if (pattern.size() * std::max<size_t>(text->size(), 1) > kMaxWork) return c.limit("input too large to match");
    Value failure;
    auto p = compile(c, pattern, failure);
    if (!p) return failure;
    try {
      auto last = text->cbegin();
      for (std::sregex_iterator it(text->begin(), text->end(), p->re), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += expand(*repl, *p, *it);
        last = (*it)[0].second;
        if (out.size() > kMaxResultBytes) return c.limit("result larger than 16 MiB");
      }
      out.append(last, text->cend());
    } catch (const std::regex_error&) {
      return c.limit("regular expression too complex for this input");
    }
  } else if (search->empty()) {
    if (text->size() * (repl->size() + 1) > kMaxResultBytes) return c.limit("result larger than 16 MiB");
    // Go's strings.Replace with an empty needle inserts before every character and at the end.
    for (auto ch : characters(*text)) {
      out += *repl;
      out += ch;
    }
    out += *repl;
  } else {
    size_t start = 0;
    while (true) {
      size_t at = text->find(*search, start);
      if (at == std::string::npos) break;
      out.append(*text, start, at - start);
      out += *repl;
      start = at + search->size();
      if (out.size() > kMaxResultBytes) return c.limit("result larger than 16 MiB");
    }
    out.append(*text, start);
  }
  if (out == *text) return c.passed(*to_string_value(c.args[0]));
  return c.computed(Value::string_of(std::move(out)));
}

constexpr BuiltinSpec kFunctions[] = {
    {"regex", regex_call<false>, 2, 2},
    {"regexall", regex_call<true>, 2, 2},
    {"replace", replace, 3, 3},
};

}  // namespace

std::span<const BuiltinSpec> regex_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
