#include "serverless/variables.h"

#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "cloudformation/template_document.h"

namespace eph::serverless {
namespace {

// What `${ssm:...}` puts into the template. The framework decrypts SecureString parameters
// (v3 and v4 by default, v2 with `~true`) and reads Secrets Manager through
// /aws/reference/secretsmanager/; `noDecrypt` and `~false` leave the ciphertext.
uint8_t ssm_marks(std::string_view source) {
  if (source.rfind("ssm", 0) != 0) return 0;
  std::string_view rest = source.substr(3);
  std::string_view options;
  if (!rest.empty() && rest.front() == '(') {
    size_t close = rest.find(')');
    if (close == std::string_view::npos) return 0;
    options = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
  }
  if (rest.empty() || rest.front() != ':') return 0;
  std::string_view path = rest.substr(1);
  while (!path.empty() && path.front() == ' ') path.remove_prefix(1);
  if (options.find("noDecrypt") != std::string_view::npos) return 0;
  if (path.size() >= 6 && path.substr(path.size() - 6) == "~false") return 0;
  if (path.rfind("/aws/reference/secretsmanager/", 0) == 0) return kSecretValue;
  if (path.size() >= 5 && path.substr(path.size() - 5) == "~true") return kSecretValue;
  return kStoreValue;
}

constexpr int kMaxDepth = 24;                 // variables inside variables, self: hops included
constexpr size_t kMaxSteps = 200000;          // values resolved in one service, included files too
constexpr size_t kMaxLimitDiagnostics = 20;   // cycles reported per service

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ${file(written)} of a service in `dir`: relative to the service's directory.
std::filesystem::path included_path(const std::string& dir, std::string_view written) {
  return (std::filesystem::path(dir.empty() ? "." : dir) / std::string(written)).lexically_normal();
}

// End of the variable opened by "${" at `open` (the index of its '}'), or npos.
size_t variable_end(std::string_view text, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open + 2; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return std::string_view::npos;
}

// The sources of `a, b, 'c'`: commas inside nested variables, parentheses or quotes do not split.
std::vector<std::string_view> split_sources(std::string_view expr) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < expr.size(); ++i) {
    char c = expr[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{' || c == '(') {
      ++depth;
    } else if (c == '}' || c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(trim(expr.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(trim(expr.substr(start)));
  return out;
}

std::vector<std::string> split_path(std::string_view address) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= address.size(); ++i) {
    if (i == address.size() || address[i] == '.') {
      if (i > start) out.emplace_back(address.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') digit = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digit;
}

std::optional<std::string> scalar_text(const Value& v) {
  if (v.is_string()) return v.text;
  if (v.kind == Kind::Number || v.kind == Kind::Bool) return v.display();
  return std::nullopt;
}

class Resolver {
 public:
  Resolver(const Value& root, const std::string& path, const FileProvider& fs, const ServerlessInputs& inputs,
           ResolvedConfig& out)
      : root_(root), fs_(fs), inputs_(inputs), out_(out) {
    dir_ = std::filesystem::path(path).parent_path().string();
  }

  void run() {
    decide_stage();
    self_memo_.clear();  // values met while the stage was undecided are resolved again
    out_.root = resolve(root_, 0);
  }

 private:
  const Value& root_;
  std::string dir_;
  const FileProvider& fs_;
  const ServerlessInputs& inputs_;
  ResolvedConfig& out_;
  std::optional<Value> stage_;  // unset while the stage itself is being decided
  bool deciding_stage_ = false;
  std::map<std::string, Value> self_memo_;
  std::set<std::string> self_active_;
  struct Included {
    SourceFilePtr file;
    Value root;
  };
  std::map<std::string, Included> files_;
  std::set<std::string> file_active_;
  size_t steps_ = 0;
  size_t limits_reported_ = 0;

  Value limit(Range where, const std::string& why) {
    if (limits_reported_++ < kMaxLimitDiagnostics)
      out_.diagnostics.push_back(Diagnostic{Diagnostic::Kind::LimitReached, where, why});
    return Value::unknown(where, why);
  }

  // The stage: given to ephemera, else provider.stage, else dev (as the framework decides).
  void decide_stage() {
    if (inputs_.stage) {
      const Value* written = root_.at("provider/stage");
      stage_ = Value::string_of(*inputs_.stage, written ? written->where : Range{});
    } else if (const Value* written = root_.at("provider/stage"); written && !written->is_null()) {
      deciding_stage_ = true;
      Value v = resolve(*written, 0);
      deciding_stage_ = false;
      auto text = scalar_text(v);
      stage_ = text ? Value::string_of(*text, v.where) : Value::unknown(written->where, "the stage is not known");
    } else {
      stage_ = Value::string_of("dev", root_.where);
    }
    out_.stage = stage_->is_string() ? stage_->text : std::string();
  }

  Value resolve(const Value& v, int depth) {
    if (++steps_ > kMaxSteps) {
      if (steps_ == kMaxSteps + 1) return limit(v.where, "more than 200000 variable resolutions: the rest is unknown");
      return Value::unknown(v.where, "variable resolution limit reached");
    }
    if (v.is_string()) return v.text.find("${") == std::string::npos ? v : resolve_string(v, depth);
    if (v.is_map()) {
      Value out = Value::map(v.where);
      out.marks = v.marks;
      out.refs = v.refs;
      out.fields.reserve(v.fields.size());
      for (const auto& f : v.fields) out.fields.push_back(Field{f.key, f.key_range, resolve(f.value, depth)});
      return out;
    }
    if (v.is_list()) {
      Value out = Value::list(v.where);
      out.marks = v.marks;
      out.refs = v.refs;
      out.items.reserve(v.items.size());
      for (const auto& item : v.items) out.items.push_back(resolve(item, depth));
      return out;
    }
    return v;
  }

  Value resolve_string(const Value& s, int depth) {
    if (depth > kMaxDepth) return limit(s.where, "variables nested more than 24 levels deep: left unknown");
    std::string_view text = s.text;
    size_t open = text.find("${");
    size_t close = open == std::string_view::npos ? open : variable_end(text, open);
    if (close == std::string_view::npos) return s;  // not a variable: literal text
    if (open == 0 && close == text.size() - 1) {    // the whole value is one variable
      std::optional<Value> v = evaluate(text.substr(2, close - 2), s.where, depth + 1);
      if (!v) return Value::unknown(s.where, "variable " + s.text + " has no value here");
      return *v;
    }
    std::string built;
    uint8_t marks = s.marks;
    size_t at = 0;
    while (open != std::string_view::npos) {
      close = variable_end(text, open);
      if (close == std::string_view::npos) break;
      built.append(text.substr(at, open - at));
      std::optional<Value> v = evaluate(text.substr(open + 2, close - open - 2), s.where, depth + 1);
      if (!v || v->is_unknown()) {
        Value u = Value::unknown(s.where, "depends on " + std::string(text.substr(open, close - open + 1)));
        u.marks = static_cast<uint8_t>(marks | (v ? v->marks : 0));
        return u;
      }
      auto part = scalar_text(*v);
      if (!part) return Value::unknown(s.where, "a list or map inside text");
      built += *part;
      marks = static_cast<uint8_t>(marks | v->marks);
      at = close + 1;
      open = text.find("${", at);
    }
    built.append(text.substr(at));
    Value out = Value::string_of(std::move(built), s.where);
    out.marks = marks;
    return out;
  }

  // `source, fallback, ...`: the first source with a value; nullopt when none has one.
  std::optional<Value> evaluate(std::string_view expr, Range where, int depth) {
    for (std::string_view source : split_sources(expr)) {
      std::optional<Value> v = evaluate_source(source, where, depth);
      if (!v || v->is_null()) continue;  // undefined: the next fallback
      return v;
    }
    return std::nullopt;
  }

  std::optional<Value> evaluate_source(std::string_view source, Range where, int depth) {
    if (source.empty()) return std::nullopt;
    if (source.front() == '\'' || source.front() == '"') {
      if (source.size() < 2 || source.back() != source.front()) return Value::unknown(where, "unterminated quote");
      return Value::string_of(std::string(source.substr(1, source.size() - 2)), where);
    }
    if (is_number(source)) return Value::number_of(std::stod(std::string(source)), where);
    if (source == "true" || source == "false") return Value::boolean_of(source == "true", where);
    if (source == "null") return std::nullopt;
    std::string expanded;
    if (source.find("${") != std::string_view::npos) {  // self:custom.${sls:stage}.x
      Value inner = resolve_string(Value::string_of(std::string(source), where), depth + 1);
      if (source.rfind("${", 0) == 0 && variable_end(source, 0) == source.size() - 1) return inner;  // a fallback variable
      if (!inner.is_string()) return inner.is_unknown() ? inner : Value::unknown(where, "not a variable address");
      expanded = inner.text;
      source = expanded;
    }
    if (source.rfind("self:", 0) == 0) return self_lookup(trim(source.substr(5)), where, depth);
    if (source.rfind("opt:", 0) == 0) {
      if (trim(source.substr(4)) == "stage" && inputs_.stage) return Value::string_of(*inputs_.stage, where);
      return std::nullopt;  // an option not given: the fallback applies
    }
    if (source.rfind("sls:", 0) == 0) {
      if (trim(source.substr(4)) == "stage") {
        if (deciding_stage_ || !stage_) return Value::unknown(where, "the stage depends on itself");
        return *stage_;
      }
      return Value::unknown(where, "${" + std::string(source) + "} is known at deploy time");
    }
    if (source.rfind("env:", 0) == 0) {
      std::string name(trim(source.substr(4)));
      for (auto it = inputs_.env.rbegin(); it != inputs_.env.rend(); ++it)  // the last given wins
        if (it->first == name) return Value::string_of(it->second, where);
      return Value::unknown(where, "${env:" + name + "}: the environment is not read (give it with --var " + name + "=VALUE)");
    }
    if (source.rfind("param:", 0) == 0) return param_lookup(std::string(trim(source.substr(6))), where, depth);
    if (source.rfind("file(", 0) == 0) {
      size_t close = source.find(')');
      if (close == std::string_view::npos) return Value::unknown(where, "unterminated file(");
      std::string_view key = source.substr(close + 1);
      if (!key.empty() && key.front() == ':') key.remove_prefix(1);
      return file_lookup(trim(source.substr(5, close - 5)), trim(key), where, depth);
    }
    // ssm:, cf:, s3:, aws:, strToBool(...), and the sources of plugins: known at deploy time only.
    Value u = Value::unknown(where, "${" + std::string(source) + "} is resolved at deploy time");
    u.marks = ssm_marks(source);
    return u;
  }

  // Walks `path` from `start`, resolving variables met on the way; nullopt when a key is absent.
  std::optional<Value> walk(const Value& start, const std::vector<std::string>& path, Range where, int depth) {
    std::deque<Value> held;
    const Value* cur = &start;
    for (const auto& segment : path) {
      if (cur->is_string() && cur->text.find("${") != std::string::npos) {
        held.push_back(resolve_string(*cur, depth + 1));
        cur = &held.back();
      }
      if (cur->is_unknown()) return Value::unknown(where, cur->text);
      if (cur->is_map()) {
        cur = cur->get(segment);
      } else if (cur->is_list() && is_number(segment) && segment[0] != '-' && segment.find('.') == std::string::npos) {
        size_t index = std::stoul(segment);
        cur = index < cur->items.size() ? &cur->items[index] : nullptr;
      } else {
        cur = nullptr;
      }
      if (!cur) return std::nullopt;
    }
    return resolve(*cur, depth + 1);
  }

  std::optional<Value> self_lookup(std::string_view address, Range where, int depth) {
    std::string key(address);
    if (auto it = self_memo_.find(key); it != self_memo_.end()) return it->second;
    if (!self_active_.insert(key).second)
      return limit(where, "variable cycle: ${self:" + key + "} depends on itself");
    std::optional<Value> v = walk(root_, split_path(address), where, depth + 1);
    self_active_.erase(key);
    if (v) self_memo_.emplace(key, *v);
    return v;
  }

  // ${param:name}: the stage's `params` entry, else `default`; else a Dashboard parameter (unknown).
  std::optional<Value> param_lookup(const std::string& name, Range where, int depth) {
    if (stage_ && stage_->is_string())
      if (auto v = self_lookup("params." + stage_->text + "." + name, where, depth)) return v;
    if (auto v = self_lookup("params.default." + name, where, depth)) return v;
    return Value::unknown(where, "${param:" + name + "} is not in params (a Dashboard parameter?)");
  }

  std::optional<Value> file_lookup(std::string_view written, std::string_view key, Range where, int depth) {
    if (!written.empty() && (written.front() == '\'' || written.front() == '"') && written.size() >= 2)
      written = written.substr(1, written.size() - 2);
    std::filesystem::path p = included_path(dir_, written);
    std::string path = p.string();
    std::string ext = p.extension().string();
    if (ext != ".yml" && ext != ".yaml" && ext != ".json")
      return Value::unknown(where, "${file(" + std::string(written) + ")}: only YAML and JSON files are read, no code is run");
    Included* inc = include(path, where);
    if (!inc) {
      auto why = fs_.refusal(path);
      return Value::unknown(where, "${file(" + std::string(written) + ")}: " + (why ? *why : "cannot be read"));
    }
    if (!file_active_.insert(path).second) return limit(where, "variable cycle: " + path + " includes itself");
    std::optional<Value> v = walk(inc->root, split_path(key), where, depth + 1);
    file_active_.erase(path);
    return v;
  }

  Included* include(const std::string& path, Range where) {
    if (auto it = files_.find(path); it != files_.end()) return &it->second;
    std::optional<std::string> text = fs_.read(path);
    if (!text) return nullptr;
    auto file = std::make_shared<const SourceFile>(path, std::move(*text));
    cloudformation::TemplateDocument doc = cloudformation::parse_template_document(*file);
    for (auto& d : doc.diagnostics) out_.diagnostics.push_back(std::move(d));
    out_.included.push_back(file);
    return &files_.emplace(path, Included{file, std::move(doc.root)}).first->second;
  }
};

}  // namespace

std::vector<std::string> literal_file_references(const std::string& path, std::string_view text) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  std::vector<std::string> out;
  for (size_t at = text.find("${file("); at != std::string_view::npos; at = text.find("${file(", at + 1)) {
    size_t begin = at + 7, close = text.find(')', begin);
    if (close == std::string_view::npos) break;
    std::string_view written = trim(text.substr(begin, close - begin));
    if (written.size() >= 2 && (written.front() == '\'' || written.front() == '"')) written = written.substr(1, written.size() - 2);
    if (written.empty() || written.find("${") != std::string_view::npos || written.find('\n') != std::string_view::npos) continue;
    out.push_back(included_path(dir, written).string());
  }
  return out;
}

ResolvedConfig resolve_variables(const Value& root, const std::string& path, const FileProvider& fs,
                                 const ServerlessInputs& inputs) {
  ResolvedConfig out;
  Resolver(root, path, fs, inputs, out).run();
  return out;
}

}  // namespace eph::serverless
