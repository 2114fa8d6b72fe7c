// A hand-written recursive-descent JSON parser that records byte ranges.
// nlohmann's SAX interface reports no positions for values, and measuring showed a direct
// parser building eph::Value in place is both simpler and faster than adapting it.
#include "syntax/json/json_loader.h"

#include <charconv>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/utf8.h"

namespace eph::json {
namespace {

struct SyntaxError {
  uint32_t offset;  // relative to the parsed text
  std::string message;
};

// Objects at or above this size index their keys to keep duplicate detection linear.
constexpr size_t kIndexKeysFrom = 16;
constexpr size_t kMaxReportedDiagnostics = 100;

class Parser {
 public:
  Parser(std::string_view text, const SourceFile* file, uint32_t base, const Range* fallback, Limits limits)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()),
        file_(file), base_(base), fallback_(fallback), limits_(limits) {}

  ParseResult run() {
    ParseResult result;
    try {
      // RFC 8259 lets parsers ignore a byte order mark; editors on Windows write one.
      if (end_ - p_ >= 3 && static_cast<unsigned char>(p_[0]) == 0xEF &&
          static_cast<unsigned char>(p_[1]) == 0xBB && static_cast<unsigned char>(p_[2]) == 0xBF) {
        p_ += 3;
      }
      skip_ws();
      if (p_ == end_) fail(offset(p_), "empty document: expected a JSON value");
      parse_value(result.value, 0);
      skip_ws();
      if (p_ != end_) fail(offset(p_), "unexpected " + describe(p_) + " after the JSON value");
    } catch (const SyntaxError& e) {
      result.value = Value::null(whole());
      diagnostics_.push_back(Diagnostic{Diagnostic::Kind::ParseError, at(e.offset, 1), e.message});
    }
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
  const SourceFile* file_;
  uint32_t base_;
  const Range* fallback_;
  Limits limits_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<uint32_t> key_offsets_;  // offsets of the keys of the objects being parsed (a stack)
  bool reported_bad_utf8_ = false;

  uint32_t offset(const char* p) const { return static_cast<uint32_t>(p - begin_); }

  Range range(uint32_t b, uint32_t e) const {
    if (fallback_) return *fallback_;
    return Range{file_, base_ + b, base_ + e};
  }
  Range range(const char* b, const char* e) const { return range(offset(b), offset(e)); }
  Range whole() const { return range(begin_, end_); }

  // A diagnostic range of up to `len` bytes at `off`, never past the end of the text.
  Range at(uint32_t off, uint32_t len) const {
    uint32_t size = offset(end_);
    if (off > size) off = size;
    return range(off, off + len <= size ? off + len : size);
  }

  // 1-based line of an offset of the parsed text, for messages.
  uint32_t line_of(uint32_t off) const {
    if (!fallback_ && file_) return file_->position(base_ + off).line;
    uint32_t line = 1;
    for (const char* c = begin_; c < begin_ + off && c < end_; ++c) line += *c == '\n';
    return line;
  }

  [[noreturn]] void fail(uint32_t off, std::string message) const {
    if (fallback_) {
      // Positions inside an evaluated string are not in any file: say where in the string.
      uint32_t line = line_of(off);
      uint32_t col = 1;
      for (const char* c = begin_ + off; c > begin_ && c[-1] != '\n'; --c) ++col;
      message += " (line " + std::to_string(line) + ", column " + std::to_string(col) + " of the embedded JSON)";
    }
    throw SyntaxError{off, std::move(message)};
  }

  std::string describe(const char* p) const {
    if (p >= end_) return "end of input";
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c >= 0x7F) {
      static const char* hex = "0123456789ABCDEF";
      return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }
    return std::string("character '") + static_cast<char>(c) + "'";
  }

  void add_diagnostic(Diagnostic::Kind kind, Range where, std::string message) {
    if (diagnostics_.size() < kMaxReportedDiagnostics) diagnostics_.push_back({kind, where, std::move(message)});
  }

  void skip_ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  void expect_literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
      fail(offset(p_), "invalid literal: expected '" + std::string(word) + "'");
    }
    p_ += word.size();
  }

  void parse_value(Value& out, uint32_t depth) {
    if (p_ >= end_) fail(offset(p_), "unexpected end of input: expected a JSON value");
    const char* start = p_;
    switch (*p_) {
      case '{':
      case '[':
        if (depth >= limits_.max_depth) {
          skip_nested();
          out = Value::unknown(range(start, p_), "nesting deeper than " + std::to_string(limits_.max_depth));
          add_diagnostic(Diagnostic::Kind::LimitReached, range(start, start + 1),
                         "JSON nesting deeper than " + std::to_string(limits_.max_depth) +
                             " levels: the value here is not analysed");
          return;
        }
        if (*p_ == '{') {
          parse_object(out, depth);
        } else {
          parse_array(out, depth);
        }
        return;
      case '"':
        out.kind = Kind::String;
        parse_string(out.text);
        out.where = range(start, p_);
        return;
      case 't':
        expect_literal("true");
        out = Value::boolean_of(true, range(start, p_));
        return;
      case 'f':
        expect_literal("false");
        out = Value::boolean_of(false, range(start, p_));
        return;
      case 'n':
        expect_literal("null");
        out = Value::null(range(start, p_));
        return;
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
          double number = parse_number();  // before range(): it moves p_
          out = Value::number_of(number, range(start, p_));
          return;
        }
        fail(offset(p_), "unexpected " + describe(p_) + ": expected a JSON value");
    }
  }

  void parse_object(Value& out, uint32_t depth) {
    const char* start = p_++;
    out.kind = Kind::Map;
    size_t keys_base = key_offsets_.size();
    std::unordered_map<std::string, size_t> index;  // filled only for large objects
    skip_ws();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      out.where = range(start, p_);
      return;
    }
    for (;;) {
      skip_ws();
      if (p_ >= end_ || *p_ != '"') {
        fail(offset(p_), "unexpected " + describe(p_) + ": expected a string object key");
      }
      const char* key_start = p_;
      std::string key;
      parse_string(key);
      Range key_range = range(key_start, p_);
      skip_ws();
      if (p_ >= end_ || *p_ != ':') fail(offset(p_), "unexpected " + describe(p_) + ": expected ':' after object key");
      ++p_;
      skip_ws();

      size_t existing = find_key(out, key, index);
      if (existing == SIZE_MAX) {
        out.fields.push_back(Field{std::move(key), key_range, Value{}});
        key_offsets_.push_back(offset(key_start));
        if (!index.empty() || out.fields.size() == kIndexKeysFrom) {
          if (index.empty()) {
            for (size_t i = 0; i < out.fields.size(); ++i) index.emplace(out.fields[i].key, i);
          } else {
            index.emplace(out.fields.back().key, out.fields.size() - 1);
          }
        }
        parse_value(out.fields.back().value, depth + 1);
      } else {
        // Last value wins (as in Python's json and most JSON readers); the first key keeps its place.
        uint32_t first_line = line_of(key_offsets_[keys_base + existing]);
        add_diagnostic(Diagnostic::Kind::ParseError, key_range,
                       "duplicate key '" + key + "' (first at line " + std::to_string(first_line) + ")");
        Value replacement;
        parse_value(replacement, depth + 1);
        out.fields[existing].value = std::move(replacement);
      }

      skip_ws();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (p_ < end_ && *p_ == '}') {
        ++p_;
        break;
      }
      fail(offset(p_), "unexpected " + describe(p_) + ": expected ',' or '}' in object");
    }
    key_offsets_.resize(keys_base);
    out.where = range(start, p_);
  }

  static size_t find_key(const Value& obj, const std::string& key,
                         const std::unordered_map<std::string, size_t>& index) {
    if (!index.empty()) {
      auto it = index.find(key);
      return it == index.end() ? SIZE_MAX : it->second;
    }
    for (size_t i = 0; i < obj.fields.size(); ++i)
      if (obj.fields[i].key == key) return i;
    return SIZE_MAX;
  }

  void parse_array(Value& out, uint32_t depth) {
    const char* start = p_++;
    out.kind = Kind::List;
    skip_ws();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      out.where = range(start, p_);
      return;
    }
    for (;;) {
      skip_ws();
      out.items.emplace_back();
      parse_value(out.items.back(), depth + 1);
      skip_ws();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (p_ < end_ && *p_ == ']') {
        ++p_;
        break;
      }
      fail(offset(p_), "unexpected " + describe(p_) + ": expected ',' or ']' in array");
    }
    out.where = range(start, p_);
  }

  // Skips a too-deep value without recursion, checking only strings and bracket balance.
  void skip_nested() {
    std::string brackets;
    const char* start = p_;
    while (p_ < end_) {
      char c = *p_;
      if (c == '"') {
        std::string ignored;
        parse_string(ignored);
        if (brackets.empty()) return;
        continue;
      }
      if (c == '{' || c == '[') {
        brackets.push_back(c == '{' ? '}' : ']');
      } else if (c == '}' || c == ']') {
        if (brackets.empty() || brackets.back() != c) fail(offset(p_), "unexpected " + describe(p_));
        brackets.pop_back();
        if (brackets.empty()) {
          ++p_;
          return;
        }
      }
      ++p_;
    }
    fail(offset(start), "unterminated " + std::string(*start == '{' ? "object" : "array"));
  }

  double parse_number() {
    const char* start = p_;
    if (*p_ == '-') ++p_;
    if (p_ >= end_ || *p_ < '0' || *p_ > '9') fail(offset(p_), "invalid number: expected a digit");
    if (*p_ == '0') {
      ++p_;
      if (p_ < end_ && *p_ >= '0' && *p_ <= '9') fail(offset(p_), "invalid number: leading zero");
    } else {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') fail(offset(p_), "invalid number: expected a digit after '.'");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') fail(offset(p_), "invalid number: expected a digit in the exponent");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    double value = 0;
    auto [ptr, ec] = std::from_chars(start, p_, value);
    if (ec == std::errc::result_out_of_range) {
      // Out of double range: strtod saturates to +-inf or 0 as JSON readers conventionally do.
      value = std::strtod(std::string(start, p_).c_str(), nullptr);
    }
    return value;
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  uint32_t read_hex4() {
    if (end_ - p_ < 4) fail(offset(p_), "invalid \\u escape: expected four hex digits");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int d = hex_digit(p_[i]);
      if (d < 0) fail(offset(p_ + i), "invalid \\u escape: expected four hex digits");
      v = (v << 4) | static_cast<uint32_t>(d);
    }
    p_ += 4;
    return v;
  }

  // Parses a string literal at p_ (the opening quote) into `out`, decoding escapes.
  void parse_string(std::string& out) {
    const char* open = p_++;
    for (;;) {
      const char* run = p_;
      while (p_ < end_) {
        unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      out.append(run, p_);
      if (p_ >= end_) fail(offset(open), "unterminated string");
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return;
      }
      if (c < 0x20) {
        if (c == '\n') fail(offset(open), "unterminated string (line break inside a string)");
        fail(offset(p_), "control character " + describe(p_) + " in string: escape it");
      }
      if (c >= 0x80) {
        size_t len = utf8_sequence_length(p_, end_);
        if (len == 0) {
          if (!reported_bad_utf8_) {
            reported_bad_utf8_ = true;
            add_diagnostic(Diagnostic::Kind::ParseError, at(offset(p_), 1),
                           "invalid UTF-8 " + describe(p_) + " in string");
          }
          out += "\xEF\xBF\xBD";  // U+FFFD, so the rest of the document can still be analysed
          ++p_;
        } else {
          out.append(p_, len);
          p_ += len;
        }
        continue;
      }
      // Backslash escape.
      const char* esc = p_++;
      if (p_ >= end_) fail(offset(open), "unterminated string");
      switch (*p_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = read_hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail(offset(esc), "invalid \\u escape: unpaired low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
              fail(offset(esc), "invalid \\u escape: high surrogate not followed by a low surrogate");
            }
            p_ += 2;
            uint32_t low = read_hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
              fail(offset(esc), "invalid \\u escape: high surrogate not followed by a low surrogate");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          fail(offset(esc), "invalid escape '\\" + std::string(1, p_[-1]) + "' in string");
      }
    }
  }
};

}  // namespace

bool ParseResult::ok() const {
  for (const auto& d : diagnostics)
    if (d.kind == Diagnostic::Kind::ParseError) return false;
  return true;
}

ParseResult parse(const SourceFile& file, uint32_t begin, uint32_t end, Limits limits) {
  const std::string& text = file.text();
  uint32_t size = static_cast<uint32_t>(text.size());
  if (end > size) end = size;
  if (begin > end) begin = end;
  Parser parser(std::string_view(text).substr(begin, end - begin), &file, begin, nullptr, limits);
  return parser.run();
}

ParseResult parse_text(std::string_view text, Range fallback, Limits limits) {
  Parser parser(text, fallback.file, 0, &fallback, limits);
  return parser.run();
}

}  // namespace eph::json
