// HCL's lexical mistakes, found by reading the text as HashiCorp's scanner does: characters
// the language has no token for, bitwise operators, `**`, `;`, backticks, single quotes, and
// invalid escapes in quoted strings. The tree-sitter grammar only sees an ERROR somewhere
// around such a character (often the whole file, reported at its first line); this names the
// character, at its place, in HCL's words (hclsyntax's checkInvalidTokens and string decoder),
// and writes the text with each such character replaced by what HCL reads past it, byte for
// byte, so that the grammar's other errors can be found without its echo.
#include <cctype>
#include <string>
#include <vector>

#include "syntax/hcl/hcl_tree.h"

namespace eph::hcl {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || u >= 0x80;  // non-ASCII: Unicode names, not judged here
}

class LexicalCheck {
 public:
  static constexpr int kMaxNesting = 256;

  LexicalCheck(const SourceFile* file, LexicalErrors& out, size_t max)
      : file_(file), text_(file->text()), out_(out.diagnostics), repaired_(out.repaired_text), max_(max) {}

  void run() { code(/*interpolation=*/false); }

 private:
  const SourceFile* file_;
  std::string_view text_;
  std::vector<Diagnostic>& out_;
  std::string& repaired_;
  size_t max_;
  size_t at_ = 0;
  int nesting_ = 0;  // interpolations open: strings in them may open more
  // How often each kind was told: HCL tells some only once, or every other one.
  int told_bitwise_ = 0, told_exponent_ = 0, told_backtick_ = 0, told_apostrophe_ = 0, told_semicolon_ = 0;

  bool done() const { return at_ >= text_.size() || out_.size() >= max_; }
  char peek(size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
  bool next_is(std::string_view s) const { return text_.substr(at_, s.size()) == s; }

  // Every rejected character is replaced, told or not (HCL tells some only once).
  void replace(size_t at, char with) {
    if (repaired_.empty()) repaired_ = std::string(text_);
    repaired_[at] = with;
  }

  void report(size_t begin, size_t end, std::string message) {
    if (out_.size() < max_)
      out_.push_back({Diagnostic::Kind::ParseError,
                      Range{file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, std::move(message)});
  }

  // Expressions and bodies. Inside an interpolation, returns after its closing `}`.
  void code(bool interpolation) {
    int depth = 0;  // braces opened inside this interpolation
    while (!done()) {
      char c = peek();
      if (c == '#' || next_is("//")) {
        skip_to_line_end();
      } else if (next_is("/*")) {
        size_t end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else if (c == '"') {
        ++at_;
        quoted_string();
      } else if (next_is("<<") && heredoc_start()) {
        // heredoc_start() read the whole heredoc
      } else if (c == '{') {
        ++depth;
        ++at_;
      } else if (c == '}') {
        ++at_;
        if (interpolation && depth == 0) return;
        --depth;
      } else if (interpolation && depth == 0 && c == '~' && peek(1) == '}') {
        ++at_;  // `~}`: strips the whitespace after the interpolation
      } else if (is_name_char(c) || c == '.') {
        while (!done() && (is_name_char(peek()) || peek() == '.')) ++at_;
      } else {
        symbol(c);
      }
    }
  }

  // One character of an expression that is neither a name, a number, a string nor a brace.
  void symbol(char c) {
    size_t begin = at_++;
    switch (c) {
      case ' ': case '\t': case '\n': case '\r':
      case '=': case '!': case '<': case '>': case '+': case '-': case '/': case '%':
      case '?': case ':': case ',': case '(': case ')': case '[': case ']':
        return;
      case '*':
        if (peek() == '*') {
          replace(at_++, ' ');
          if (told_exponent_++ < 1)
            report(begin, at_, "Unsupported operator: \"**\" is not a supported operator. Exponentiation is not "
                               "supported as an operator.");
        }
        return;
      case '&': case '|':
        if (peek() == c) {  // && and ||
          ++at_;
          return;
        }
        replace(begin, '+');
        bitwise(begin, c == '&' ? " Did you mean boolean AND (\"&&\")?" : " Did you mean boolean OR (\"||\")?");
        return;
      case '^':
        replace(begin, '+');
        bitwise(begin, "");
        return;
      case '~':
        replace(begin, '!');
        bitwise(begin, " Did you mean boolean NOT (\"!\")?");
        return;
      case ';':
        replace(begin, ' ');
        if (told_semicolon_++ < 1)
          report(begin, at_, "Invalid character: The \";\" character is not valid. Use newlines to separate "
                             "arguments and blocks, and commas to separate items in collection values.");
        return;
      case '`':
        replace(begin, '"');
        if (told_backtick_ % 2 == 0)
          report(begin, at_, "Invalid character: The \"`\" character is not valid. To create a multi-line string, "
                             "use the \"heredoc\" syntax, like \"<<EOT\".");
        if (told_backtick_ <= 2) ++told_backtick_;
        return;
      case '\'':
        replace(begin, '"');
        if (told_apostrophe_ % 2 == 0)
          report(begin, at_, "Invalid character: Single quotes are not valid. Use double quotes (\") to enclose "
                             "strings.");
        if (told_apostrophe_ <= 2) ++told_apostrophe_;
        return;
      default:
        replace(begin, ' ');
        report(begin, at_, "Invalid character: This character is not used within the language.");
    }
  }

  void bitwise(size_t begin, const char* suggestion) {
    if (told_bitwise_++ < 4)
      report(begin, at_, std::string("Unsupported operator: Bitwise operators are not supported.") + suggestion);
  }

  void skip_to_line_end() {
    size_t end = text_.find('\n', at_);
    at_ = end == std::string_view::npos ? text_.size() : end;
  }

  // `${` or `%{` (not `$${`, `%%{`) at the current place: reads the interpolation or directive.
  bool template_sequence() {
    if ((peek() == '$' || peek() == '%') && peek(1) == '{') {
      // Each level is a call: a file of nested "${"${... must not exhaust the stack. Past
      // this depth the rest of the text is not judged.
      if (nesting_ >= kMaxNesting) {
        at_ = text_.size();
        return true;
      }
      at_ += 2;
      if (peek() == '~') ++at_;  // `${~`: strips the whitespace before
      ++nesting_;
      code(/*interpolation=*/true);
      --nesting_;
      return true;
    }
    if ((next_is("$${") || next_is("%%{"))) {
      at_ += 3;
      return true;
    }
    return false;
  }

  // After the opening quote, to after the closing one. A line break inside is HCL's
  // "Invalid multi-line string" and the string goes on, as in HCL's scanner.
  void quoted_string() {
    while (!done()) {
      char c = peek();
      if (c == '"') {
        ++at_;
        return;
      }
      if (c == '\\') {
        escape();
      } else if (c == '\n') {
        // Reported at the string's line break when the tree holds it (hcl_strict_syntax.cpp);
        // here only the scan goes on.
        ++at_;
      } else if (!template_sequence()) {
        ++at_;
      }
    }
  }

  // A backslash in a quoted string: \n \r \t \" \\ \uXXXX \UXXXXXXXX.
  void escape() {
    size_t begin = at_;
    char selector = peek(1);
    at_ += selector ? 2 : 1;
    switch (selector) {
      case 'n': case 'r': case 't': case '"': case '\\':
        return;
      case 'u': case 'U': {
        size_t want = selector == 'u' ? 4 : 8;
        size_t got = 0;
        while (got < want && is_hex(peek())) ++at_, ++got;
        if (got < want) replace(begin, ' ');
        if (got < want)
          report(begin, at_, std::string("Invalid escape sequence: The \\") + selector +
                                 " escape sequence must be followed by " + (want == 4 ? "four" : "eight") +
                                 " hexadecimal digits.");
        return;
      }
      case '\0': case '\n': case '\r':
        return;  // the string's end or line break, told elsewhere
      default:
        // The whole selector, when it is a multi-byte character.
        while (!done() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80) ++at_;
        replace(begin, ' ');
        report(begin, at_, "Invalid escape sequence: The symbol \"" + std::string(text_.substr(begin + 1, at_ - begin - 1)) +
                               "\" is not a valid escape sequence selector.");
    }
  }

  // `<<EOT` or `<<-EOT` followed by a line break: reads the heredoc to its closing marker.
  // Backslashes are literal in a heredoc; interpolations are not.
  bool heredoc_start() {
    size_t p = at_ + 2;
    if (p < text_.size() && text_[p] == '-') ++p;
    size_t name_begin = p;
    while (p < text_.size() && is_name_char(text_[p])) ++p;
    if (p == name_begin) return false;
    std::string_view marker = text_.substr(name_begin, p - name_begin);
    if (p < text_.size() && text_[p] == '\r') ++p;
    if (p >= text_.size() || text_[p] != '\n') return false;
    at_ = p + 1;
    while (!done()) {
      size_t line_end = text_.find('\n', at_);
      std::string_view line = text_.substr(at_, line_end == std::string_view::npos ? std::string_view::npos : line_end - at_);
      size_t indent = line.find_first_not_of(" \t");
      std::string_view content = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
      if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
      if (content == marker) {
        at_ = line_end == std::string_view::npos ? text_.size() : line_end;
        return true;
      }
      // The line's text, interpolations included (they may run over several lines).
      size_t stop = line_end == std::string_view::npos ? text_.size() : line_end + 1;
      while (!done() && at_ < stop)
        if (!template_sequence()) ++at_;
    }
    return true;
  }
};

}  // namespace

LexicalErrors lexical_errors(const SourceFile& file, size_t max_errors) {
  LexicalErrors out;
  LexicalCheck(&file, out, max_errors).run();
  return out;
}

}  // namespace eph::hcl
