#include "syntax/yaml/yaml_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "syntax/yaml/event_digest.h"
#include "syntax/yaml/libyaml_events.h"
#include "syntax/yaml/yaml_extents.h"
#include "syntax/yaml/yaml_scalars.h"

namespace eph::yaml {
namespace {

constexpr size_t kIndexKeysFrom = 16;
constexpr size_t kMaxReportedDiagnostics = 100;

// CloudFormation's names for the short-form tags: !Ref and !Condition keep their name,
// every other local tag `!X` stands for `Fn::X`.
std::string long_form_key(std::string_view tag) {
  std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return "Fn::" + std::string(name);
}

struct Anchored {
  Value value;
  uint32_t nodes = 0;
};

// One open collection.
struct Frame {
  Value value;
  bool is_map = false;
  bool flow = false;
  bool tagged = false;
  std::string tag_key;
  uint32_t begin = 0;       // the node's first byte (its tag or anchor, if any)
  uint32_t content = 0;     // the collection's first byte
  uint32_t tag_begin = 0, tag_end = 0;
  uint32_t last_end = 0;    // end of the last child
  uint32_t nodes = 1;
  YAML::anchor_t anchor = 0;
  bool has_key = false;
  std::string key;
  Range key_range;
  bool key_is_merge = false;
  std::vector<Value> merges;  // `<<` sources, applied when the map closes
  std::unique_ptr<std::unordered_map<std::string, size_t>> index;
};

class Builder : public YAML::EventHandler {
 public:
  // Parses the bytes [base, end) of `file`; every range is `fallback` when one is given.
  Builder(const SourceFile& file, uint32_t base, uint32_t end, const Range* fallback, Limits limits)
      : file_(file), text_(file.text()), base_(base), end_(end), fallback_(fallback), limits_(limits) {}

  Value take_root() { return std::move(root_); }
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool has_root() const { return has_root_; }

  void report(Diagnostic::Kind kind, Range where, std::string message) {
    if (diagnostics_.size() < kMaxReportedDiagnostics) diagnostics_.push_back({kind, where, std::move(message)});
  }
  uint32_t offset_of(const YAML::Mark& mark) const {
    if (mark.pos < 0) return base_;
    uint64_t off = static_cast<uint64_t>(mark.pos) + base_;
    return off > end_ ? end_ : static_cast<uint32_t>(off);
  }
  Range range(uint32_t b, uint32_t e) const { return fallback_ ? *fallback_ : Range{&file_, b, e}; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (skipping()) return;
    uint32_t at = offset_of(mark);
    Properties props = skip_properties(text_, at);
    Range where;
    std::string_view rest = std::string_view(text_).substr(props.content);
    bool literal = false;
    std::string_view null_word;
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (rest.substr(0, word.size()) == word &&
          (rest.size() == word.size() || std::string_view(" \t\r\n,]}#").find(rest[word.size()]) != std::string_view::npos)) {
        where = range(props.content, props.content + static_cast<uint32_t>(word.size()));
        literal = true;
        null_word = word;
        break;
      }
    }
    last_raw_ = std::string(null_word);
    last_plain_ = true;
    if (!literal) {
      // An empty value: yaml-cpp marks the next token. Point just after the key instead.
      uint32_t e = !frames_.empty() && frames_.back().has_key ? frames_.back().key_range.end : at;
      where = range(e, e);
    }
    complete(Value::null(where), where.end, anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (skipping()) return;
    uint32_t at = offset_of(mark);
    uint32_t end = alias_end(text_, at);
    Range where = range(at, end);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // An alias of the node that contains it (recursive): YAML allows it, trees cannot hold it.
      complete(Value::unknown(where, "recursive alias"), end, 0, 1);
      return;
    }
    if (alias_nodes_ + it->second.nodes > limits_.max_alias_nodes) {
      if (!alias_limit_reported_) {
        alias_limit_reported_ = true;
        report(Diagnostic::Kind::LimitReached, where,
               "YAML alias expansion exceeds " + std::to_string(limits_.max_alias_nodes) +
                   " nodes: the aliased values from here on are not analysed");
      }
      complete(Value::unknown(where, "alias expansion limit"), end, 0, 1);
      return;
    }
    alias_nodes_ += it->second.nodes;
    complete(Value(it->second.value), end, 0, it->second.nodes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& text) override {
    if (skipping()) return;
    uint32_t at = offset_of(mark);
    Properties props = skip_properties(text_, at);
    if (text.empty() && props.tag_end > 0 && props.content < text_.size() && text_[props.content] != '"' &&
        text_[props.content] != '\'') {
      props.content = props.tag_end;  // `!GetAZs` with nothing after it: the content is empty, here
    }
    uint32_t end = scalar_end(text_, props.content, text);
    Range where = range(props.content, end);
    last_raw_ = text;
    last_plain_ = tag == "?";
    Value v;
    if (tag == "?") {
      double number = 0;
      bool boolean = false;
      if (resolve_bool(text, boolean)) {
        v = Value::boolean_of(boolean, where);
      } else if (resolve_number(text, number)) {
        v = Value::number_of(number, where);
      } else {
        v = Value::string_of(text, where);
      }
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") {
      double number = 0;
      v = resolve_number(text, number) ? Value::number_of(number, where) : Value::string_of(text, where);
    } else if (tag == "tag:yaml.org,2002:bool") {
      bool boolean = false;
      v = resolve_bool(text, boolean) ? Value::boolean_of(boolean, where) : Value::string_of(text, where);
    } else if (tag == "tag:yaml.org,2002:null") {
      v = Value::null(where);
    } else {
      v = Value::string_of(text, where);
    }
    if (is_local_tag(tag)) v = wrap(std::move(v), long_form_key(tag), props.tag_begin, props.tag_end, end);
    complete(std::move(v), end, anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, true);
  }
  void OnMapEnd() override { close(); }

 private:
  const SourceFile& file_;
  std::string_view text_;
  uint32_t base_;  // where yaml-cpp's offset 0 is in the file (past a byte order mark)
  uint32_t end_;
  const Range* fallback_;
  Limits limits_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  uint64_t alias_nodes_ = 0;
  bool alias_limit_reported_ = false;
  Value root_;
  bool has_root_ = false;
  std::vector<Diagnostic> diagnostics_;
  std::string last_raw_;     // the last scalar's text, for keys
  bool last_plain_ = false;  // ... and whether it was plain (`<<` merges, `"<<"` does not)
  // Collections nested below the depth limit are skipped as a whole.
  uint32_t skip_depth_ = 0;
  uint32_t skip_begin_ = 0;
  uint32_t skip_last_ = 0;
  YAML::anchor_t skip_anchor_ = 0;

  bool skipping() const { return skip_depth_ > 0; }

  bool is_local_tag(const std::string& tag) const {
    return limits_.cloudformation_tags && tag.size() > 1 && tag[0] == '!' && tag[1] != '!';
  }

  // `!Tag content` -> {"Fn::Tag": content}; the key is the tag, the map spans both.
  Value wrap(Value inner, std::string key, uint32_t tag_begin, uint32_t tag_end, uint32_t end) {
    Value m = Value::map(range(tag_begin, end));
    m.fields.push_back(Field{std::move(key), range(tag_begin, tag_end), std::move(inner)});
    return m;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, bool is_map) {
    uint32_t at = offset_of(mark);
    if (skipping()) {
      ++skip_depth_;
      skip_last_ = std::max(skip_last_, at);
      return;
    }
    if (frames_.size() >= limits_.max_depth) {
      skip_depth_ = 1;
      skip_begin_ = at;
      skip_last_ = at + 1;
      skip_anchor_ = anchor;
      report(Diagnostic::Kind::LimitReached, range(at, at + 1),
             "YAML nesting deeper than " + std::to_string(limits_.max_depth) + " levels: the value here is not analysed");
      return;
    }
    Frame f;
    Properties props = skip_properties(text_, at);
    f.is_map = is_map;
    f.flow = style == YAML::EmitterStyle::Flow;
    f.begin = at;
    f.content = props.content;
    f.tagged = is_local_tag(tag);
    if (f.tagged) {
      f.tag_key = long_form_key(tag);
      f.tag_begin = props.tag_begin;
      f.tag_end = props.tag_end;
    }
    f.last_end = props.content + (f.flow ? 1 : 0);
    f.anchor = anchor;
    f.value.kind = is_map ? Kind::Map : Kind::List;
    frames_.push_back(std::move(f));
  }

  void close() {
    if (skipping()) {
      if (--skip_depth_ == 0) {
        Range where = range(skip_begin_, skip_last_);
        complete(Value::unknown(where, "nesting deeper than " + std::to_string(limits_.max_depth)), skip_last_,
                 skip_anchor_, 1);
      }
      return;
    }
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    uint32_t end = f.flow ? flow_collection_end(text_, f.last_end, f.is_map ? '}' : ']') : f.last_end;
    if (end < f.content) end = f.content;
    if (f.is_map && !f.merges.empty()) apply_merges(f);
    f.value.where = range(f.content, end);
    Value v = std::move(f.value);
    if (f.tagged) v = wrap(std::move(v), std::move(f.tag_key), f.tag_begin, f.tag_end, end);
    complete(std::move(v), end, f.anchor, f.nodes);
  }

  // YAML merge keys: keys written in the map win over merged ones, earlier sources over later.
  void apply_merges(Frame& f) {
    for (Value& source : f.merges) {
      std::vector<Value*> maps;
      if (source.is_map()) maps.push_back(&source);
      if (source.is_list())
        for (Value& item : source.items)
          if (item.is_map()) maps.push_back(&item);
      for (Value* m : maps)
        for (Field& field : m->fields)
          if (!f.value.field(field.key)) f.value.fields.push_back(std::move(field));
    }
  }

  // A key as written: `1.0` stays "1.0" (the scalar just completed is the key).
  std::string key_text(const Value& v) const {
    if (v.kind == Kind::String) return v.text;
    if (v.kind == Kind::Null) return {};
    if (v.kind == Kind::Bool || v.kind == Kind::Number) return last_raw_;
    return v.display();
  }

  size_t find_key(const Frame& f, const std::string& key) const {
    if (f.index) {
      auto it = f.index->find(key);
      return it == f.index->end() ? SIZE_MAX : it->second;
    }
    for (size_t i = 0; i < f.value.fields.size(); ++i)
      if (f.value.fields[i].key == key) return i;
    return SIZE_MAX;
  }

  void complete(Value v, uint32_t end, YAML::anchor_t anchor, uint32_t nodes) {
    if (anchor != 0) anchors_[anchor] = Anchored{v, nodes};
    if (frames_.empty()) {
      if (!has_root_) {
        root_ = std::move(v);
        has_root_ = true;
      }
      return;
    }
    Frame& parent = frames_.back();
    parent.nodes += nodes;
    if (end > parent.last_end) parent.last_end = end;
    if (!parent.is_map) {
      parent.value.items.push_back(std::move(v));
      return;
    }
    if (!parent.has_key) {
      if (v.is_map() || v.is_list()) {
        // A tagged key (`!ImportValue Fn::Sub: x`) or a collection as key: templates are
        // JSON documents, whose keys are strings (PyYAML and cfn-lint reject these too).
        report(Diagnostic::Kind::ParseError, v.where,
               "invalid mapping key '" + std::string(v.where.text().substr(0, 60)) + "': keys must be plain strings");
      }
      parent.has_key = true;
      parent.key_is_merge = v.kind == Kind::String && v.text == "<<" && last_plain_;
      parent.key = key_text(v);
      parent.key_range = v.where;
      return;
    }
    parent.has_key = false;
    if (parent.key_is_merge) {
      parent.merges.push_back(std::move(v));
      return;
    }
    size_t existing = find_key(parent, parent.key);
    if (existing != SIZE_MAX) {
      const Field& first = parent.value.fields[existing];
      report(Diagnostic::Kind::ParseError, parent.key_range,
             "duplicate key '" + parent.key + "' (first at line " +
                 std::to_string(file_.position(first.key_range.begin).line) + ")");
      parent.value.fields[existing].value = std::move(v);  // last value wins, as in PyYAML
      return;
    }
    parent.value.fields.push_back(Field{std::move(parent.key), parent.key_range, std::move(v)});
    size_t count = parent.value.fields.size();
    if (parent.index) {
      parent.index->emplace(parent.value.fields.back().key, count - 1);
    } else if (count >= kIndexKeysFrom) {
      parent.index = std::make_unique<std::unordered_map<std::string, size_t>>();
      for (size_t i = 0; i < count; ++i) parent.index->emplace(parent.value.fields[i].key, i);
    }
  }
};

}  // namespace

bool ParseResult::ok() const {
  for (const auto& d : diagnostics)
    if (d.kind == Diagnostic::Kind::ParseError) return false;
  return true;
}

namespace {

// Runs one event source into a fresh builder; yaml-cpp's exceptions become diagnostics.
template <typename Source>
bool build(Builder& builder, const SourceFile& file, Source&& source) {
  try {
    return source(builder);
  } catch (const YAML::DeepRecursion& e) {
    uint32_t at = builder.offset_of(e.mark);
    builder.report(Diagnostic::Kind::LimitReached, builder.range(at, at + 1),
                   "YAML nesting too deep for the parser: the file is not analysed");
  } catch (const YAML::Exception& e) {
    uint32_t at = builder.offset_of(e.mark);
    uint32_t end = at < file.text().size() ? at + 1 : at;
    builder.report(Diagnostic::Kind::ParseError, builder.range(at, end), "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    builder.report(Diagnostic::Kind::ParseError, builder.range(0, 0), std::string("invalid YAML: ") + e.what());
  }
  return false;
}

ParseResult finish(Builder& builder, bool built) {
  ParseResult result;
  if (built && builder.has_root()) result.value = builder.take_root();
  result.diagnostics = builder.take_diagnostics();
  return result;
}

ParseResult build_with_libyaml(const SourceFile& file, uint32_t begin, uint32_t end, const Range* fallback,
                               Limits limits) {
  std::string_view text = std::string_view(file.text()).substr(begin, end - begin);
  Builder builder(file, begin, end, fallback, limits);
  auto with_libyaml = [&](Builder& b) {
    if (auto e = replay_first_document(text, &b)) {
      uint32_t at = begin + e->offset;
      b.report(Diagnostic::Kind::ParseError, b.range(at, at < end ? at + 1 : at), "invalid YAML: " + e->message);
      return false;
    }
    return true;
  };
  bool built = build(builder, file, with_libyaml);
  return finish(builder, built);
}

// Passes libyaml's events on to the builder, noting what yaml-cpp might read differently:
// how deep collections nest (yaml-cpp has its own depth guard) and empty nodes (`a:` or `- `
// with nothing after it: yaml-cpp and libyaml can place such a node at different bytes).
class LibyamlReading : public YAML::EventHandler {
 public:
  LibyamlReading(std::string_view text, YAML::EventHandler& next) : text_(text), next_(next) {}
  uint32_t deepest() const { return deepest_; }
  bool has_empty_node() const { return empty_node_; }

  void OnDocumentStart(const YAML::Mark& m) override { next_.OnDocumentStart(m); }
  void OnDocumentEnd() override { next_.OnDocumentEnd(); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    // An explicit null is written `~`, `null`, `Null` or `NULL`; anything else at its mark is
    // the next token, after a node written as nothing.
    size_t at = m.pos < 0 ? 0 : static_cast<size_t>(m.pos);
    char c = at < text_.size() ? text_[at] : '\0';
    if (c != '~' && c != 'n' && c != 'N') empty_node_ = true;
    next_.OnNull(m, a);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { next_.OnAlias(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& v) override {
    next_.OnScalar(m, tag, a, v);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value style) override {
    open();
    next_.OnSequenceStart(m, tag, a, style);
  }
  void OnSequenceEnd() override {
    --depth_;
    next_.OnSequenceEnd();
  }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    open();
    next_.OnMapStart(m, tag, a, style);
  }
  void OnMapEnd() override {
    --depth_;
    next_.OnMapEnd();
  }

 private:
  std::string_view text_;
  YAML::EventHandler& next_;
  uint32_t depth_ = 0, deepest_ = 0;
  bool empty_node_ = false;
  void open() { deepest_ = std::max(deepest_, ++depth_); }
};

// Below this nesting yaml-cpp's own depth guard (which turns a deep document into a
// LimitReached verdict) cannot trigger, so libyaml's tree is the whole answer.
constexpr uint32_t kShallow = 64;

// The text read by yaml-cpp as well (the loader before it let libyaml's events build every
// tree): where libyaml rejects the text, for yaml-cpp's message; for deep documents, for
// yaml-cpp's nesting verdict; with empty nodes, for yaml-cpp's ranges.
ParseResult parse_with_both(const SourceFile& file, uint32_t begin, uint32_t end, const Range* fallback,
                            Limits limits) {
  const std::string& whole = file.text();
  std::string_view text = std::string_view(whole).substr(begin, end - begin);
  uint32_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  EventDigest libyaml_read;
  std::optional<LibyamlError> invalid = replay_first_document(text, &libyaml_read);
  Builder builder(file, begin + bom, end, fallback, limits);
  EventDigest yaml_cpp_read(&builder);
  auto with_yaml_cpp = [&](Builder&) {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    parser.HandleNextDocument(yaml_cpp_read);
    return true;
  };
  bool built = build(builder, file, with_yaml_cpp);
  if (built && !invalid) {
    if (yaml_cpp_read.value() == libyaml_read.value()) return finish(builder, true);
    return build_with_libyaml(file, begin, end, fallback, limits);  // yaml-cpp misread a value
  }
  if (invalid) {
    if (built) {  // yaml-cpp took what is not YAML (a trailing plain scalar in a block map)
      Builder rejected(file, begin, end, fallback, limits);
      uint32_t at = begin + invalid->offset;
      rejected.report(Diagnostic::Kind::ParseError, rejected.range(at, at < end ? at + 1 : at),
                      "invalid YAML: " + invalid->message);
      return finish(rejected, false);
    }
    return finish(builder, false);  // both reject it: yaml-cpp's message, as always
  }
  bool limit_hit = std::any_of(builder.diagnostics().begin(), builder.diagnostics().end(),
                               [](const Diagnostic& d) { return d.kind == Diagnostic::Kind::LimitReached; });
  if (limit_hit) return finish(builder, false);  // yaml-cpp's own nesting guard: keep its verdict
  // Valid YAML that yaml-cpp cannot read: build from libyaml's events.
  return build_with_libyaml(file, begin, end, fallback, limits);
}

ParseResult parse_region(const SourceFile& file, uint32_t begin, uint32_t end, const Range* fallback, Limits limits) {
  const std::string& whole = file.text();
  end = std::min<uint32_t>(end, static_cast<uint32_t>(whole.size()));
  begin = std::min(begin, end);
  if (end - begin > limits.max_bytes) {
    Builder builder(file, begin, end, fallback, limits);
    builder.report(Diagnostic::Kind::LimitReached, builder.range(begin, begin),
                   "YAML text of " + std::to_string(end - begin) + " bytes exceeds the limit of " +
                       std::to_string(limits.max_bytes) + ": it is not analysed");
    return finish(builder, false);
  }
  // libyaml decides what is YAML, and where it accepts the text its events build the tree:
  // where yaml-cpp reads the same text its tree is the same (the corpus test compares every
  // value and range), and reading it with yaml-cpp too cost six times libyaml's parse.
  std::string_view text = std::string_view(whole).substr(begin, end - begin);
  Builder builder(file, begin, end, fallback, limits);
  LibyamlReading reading(text, builder);
  std::optional<LibyamlError> invalid;
  bool built = build(builder, file, [&](Builder&) {
    invalid = replay_first_document(text, &reading);
    return !invalid;
  });
  if (built && reading.deepest() < kShallow && !reading.has_empty_node()) return finish(builder, true);
  return parse_with_both(file, begin, end, fallback, limits);
}

}  // namespace

ParseResult parse(const SourceFile& file, Limits limits) { return parse_region(file, 0, UINT32_MAX, nullptr, limits); }

ParseResult parse(const SourceFile& file, uint32_t begin, uint32_t end, Limits limits) {
  return parse_region(file, begin, end, nullptr, limits);
}

ParseResult parse_with_libyaml(const SourceFile& file, Limits limits) {
  return build_with_libyaml(file, 0, static_cast<uint32_t>(file.text().size()), nullptr, limits);
}

ParseResult parse_with_yaml_cpp_too(const SourceFile& file, Limits limits) {
  uint32_t size = static_cast<uint32_t>(file.text().size());
  if (size > limits.max_bytes) return parse(file, limits);
  return parse_with_both(file, 0, size, nullptr, limits);
}

ParseResult parse_text(std::string_view text, Range fallback, Limits limits) {
  SourceFile local(fallback.valid() ? fallback.file->path() : std::string(), std::string(text));
  return parse_region(local, 0, UINT32_MAX, &fallback, limits);
}

}  // namespace eph::yaml
