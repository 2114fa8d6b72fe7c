#include "generated_inputs.h"

#include <random>

namespace eph::test {

namespace {

// `a = "x${"x${ ... }y"}y"`: two scanner contexts (quoted template, interpolation) per level.
std::string nested_quoted(int levels) {
  std::string s = "a = ";
  for (int i = 0; i < levels; i++) s += "\"x${";
  s += "v";
  for (int i = 0; i < levels; i++) s += "}y\"";
  return s + "\nb = \"after ${c} text\"\n";
}

// Heredocs inside interpolations inside heredocs, each with an identifier of `id_len` bytes.
std::string nested_heredocs(int levels, size_t id_len) {
  std::string s = "a = ";
  for (int i = 0; i < levels; i++) s += "<<" + std::string(id_len, static_cast<char>('A' + i)) + "\ntext ${";
  s += "v";
  for (int i = levels - 1; i >= 0; i--) s += "}\n" + std::string(id_len, static_cast<char>('A' + i)) + "\n";
  return s + "b = \"after ${c} text\"\n";
}

}  // namespace

std::vector<std::string> handwritten_cases() {
  using namespace std::string_literals;  // "..."s keeps the embedded NULs
  return {
      "",
      "a = \"\"\n",
      "a = \"   \"\n",
      "a = \"  x  \"\n",
      "a = \"a b\tc\"\n",
      "a = \"${x}\"\n",
      "a = \" ${x} \"\n",
      "a = \"pre ${x} mid ${y.z[0]} post\"\n",
      "a = \"$${x} %%{x} $$ %% $x %x $ % }{ {}\"\n",
      "a = \"$$${x}\" \nb = \"%%%{ if x }y%{ endif }\"\n",
      "a = \"\\\"quoted\\\" \\n \\r \\t \\\\ \\u00e9 \\U0001F600 end\"\n",
      "a = \"bad \\q escape\"\n",
      "a = \"bad \\u12 escape\"\n",
      "a = \"bad \\U0001F6 escape\"\n",
      "a = \"trailing backslash \\",
      "a = \"unterminated\nb = 1\n",
      "a = \"unterminated ${x\nb = 2\n",
      "a = \"${\"${\"${x}\"}\"}\"\n",
      "a = \"${ \"inner ${y} text\" } outer\"\n",
      "a = \"%{ if x }yes%{ else }no%{ endif }\"\n",
      "a = \"%{~ if x ~}yes%{~ endif ~}\"\n",
      "a = \"%{ for k, v in m }${k}=${v},%{ endfor }\"\n",
      "a = \"%{ for x in y }unterminated for\"\n",
      "a = \"%{ if x }\"quoted in if\"%{ endif }\"\n",
      "a = \"${~ x ~}\"\n",
      "a = \"é ü 日本 \U0001F600 ${x} ñ\"\n",
      "a = <<EOT\nhello\nEOT\n",
      "a = <<EOT\nEOT\n",
      "a = <<EOT\n  indented ${x}\n  EOT\n",
      "a = <<-EOT\n    stripped\n      more ${y}\n    EOT\n",
      "a = <<EOT\nEOTX\nEOT  x\nE\nEO\n EOT\nEOT\n",
      "a = <<EOT\n\"quotes\" in heredoc \\n not an escape\nEOT\n",
      "a = <<EOT\n${x}\n%{ if y }z%{ endif }\nEOT\n",
      "a = <<EOT\n%{ for x in y }\nline ${x}\n%{ endfor }\nEOT\n",
      "a = <<EOT\nunterminated heredoc\n",
      "a = <<EOT\nends at eof\nEOT",
      "a = <<EOT\nEOT \t \nb = 1\n",
      "a = <<\nempty identifier\n\nb = 1\n",
      "a = << EOT\nspace before id\nEOT\n",
      "a = <<ÉOT\nnon-ascii id\nÉOT\n",
      "a = <<EOT\n<<INNER\nnot nested\nINNER\nEOT\n",
      "a = <<EOT\n${<<INNER\nnested\nINNER\n}\nEOT\n",
      "a = <<EOT\r\ncrlf line\r\nEOT\r\n",
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"my-${var.env}-bucket\"\n}\n",
      "resource \"a${b}\" \"c\" {}\n",
      "a = \"x\" \"y\"\n",
      "a = \"${\"\n",
      "a = \"${x\"\n",
      "a = \"${x}\n",
      "a = \"%{\"\n",
      "a = \"%{ if }\"\n",
      "a = \"}\"\nb = \"}}\"\n",
      "a = \"nul\0inside\"\n"s,
      "a = <<EOT\nnul\0inside\nEOT\n"s,
      "a = \"\xff\xfe invalid utf8 \xc3\"\n",
      "a = \"" + std::string(300, 'x') + " ${y} " + std::string(300, 'z') + "\"\n",
      "a = <<" + std::string(130, 'L') + "\nlong identifier\n" + std::string(130, 'L') + "\n",
      "a = " + std::string(140, '[') + "\"${" + std::string(140, '(') + "\"deep\"",
      nested_quoted(60),   // 120 open contexts: the scanner state still fits
      nested_quoted(70),   // 140: over the 127 the grammar's scanner stores; its state is dropped
      nested_heredocs(10, 100),  // identifiers of 100 bytes: the 1024-byte state buffer overflows
      nested_heredocs(3, 20),
      "# comment\n// comment\n/* block */ a = \"x\" # trailing\n",
      "locals {\n  a = jsonencode({ \"k\" = \"v ${x}\" })\n  b = [for s in var.l : \"${s}-x\" if s != \"\"]\n}\n",
  };
}

namespace {

struct Generator {
  std::mt19937 rng;
  bool clean = false;  // well-formed documents: no stray quotes, no heredoc inside a quoted template
  explicit Generator(uint32_t seed) : rng(seed) {}

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }

  std::string text() {
    static const char* pieces[] = {"abc",  " ",    "  ",    "\t",   "-",     "é",   "日本", "\\\"", "\\n",  "\\\\",
                                   "$${",  "%%{",  "$$",    "%%",   "$x",    "%x",  "}",    "{",    "\\u0041", "a b",
                                   "EOT",  "\"",   "<<",    "~",    ":",     "/",   "*",    "#",    "\\t",  "0"};
    std::string s;
    for (size_t i = 0, n = 1 + pick(6); i < n; i++) {
      std::string piece = pieces[pick(sizeof pieces / sizeof *pieces)];
      if (clean && (piece == "\"" || piece == "EOT")) piece = "x";
      s += piece;
    }
    return s;
  }

  std::string expression(int depth) {
    switch (depth > 2 ? pick(3) : pick(7)) {
      case 0: return "var.x";
      case 1: return "local.m[\"k\"]";
      case 2: return "1 + 2";
      case 3: return quoted(depth + 1);
      case 4: return clean && depth > 0 ? "null" : heredoc(depth + 1);
      case 5: return "f(" + quoted(depth + 1) + ", x)";
      default: return "[" + quoted(depth + 1) + ", " + expression(depth + 1) + "]";
    }
  }

  std::string template_parts(int depth, bool in_heredoc) {
    std::string s;
    for (size_t i = 0, n = 1 + pick(5); i < n; i++) {
      switch (depth > 2 ? pick(2) : pick(6)) {
        case 0: case 1: {
          std::string t = text();
          if (!in_heredoc && !clean) {  // keep quoted text mostly well-formed; mutations break it later
            for (char& c : t) if (c == '"' && pick(4) != 0) c = 'q';
          }
          s += t;
          break;
        }
        case 2: s += "${" + std::string(pick(2) ? "~ " : "") + expression(depth + 1) + "}"; break;
        case 3:
          s += "%{ if " + expression(depth + 1) + " }" + template_parts(depth + 1, in_heredoc) +
               (pick(2) ? "%{ else }" + template_parts(depth + 1, in_heredoc) : "") + "%{ endif }";
          break;
        case 4:
          s += "%{ for k, v in " + expression(depth + 1) + " ~}" + template_parts(depth + 1, in_heredoc) + "%{~ endfor }";
          break;
        default: s += in_heredoc ? "\n" : " "; break;
      }
    }
    return s;
  }

  std::string quoted(int depth) { return "\"" + template_parts(depth, false) + "\""; }

  std::string heredoc(int depth) {
    std::string id = pick(2) ? "EOT" : "END_" + std::to_string(depth);
    bool indent = pick(2);
    std::string body;
    for (size_t i = 0, n = 1 + pick(4); i < n; i++) body += (indent ? "    " : "") + template_parts(depth, true) + "\n";
    return std::string(indent ? "<<-" : "<<") + id + "\n" + body + (indent ? "  " : "") + id + "\n";
  }

  std::string document() {
    std::string s;
    for (size_t i = 0, n = 1 + pick(6); i < n; i++) {
      if (pick(3) == 0) {
        s += "resource \"r_" + std::to_string(i) + "\" \"n\" {\n  v = " + expression(0) + "\n}\n";
      } else {
        s += "a" + std::to_string(i) + " = " + expression(0) + "\n";
      }
    }
    return s;
  }
};

}  // namespace

std::vector<std::string> random_documents(uint32_t seed, size_t count) {
  Generator g(seed);
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; i++) {
    g.clean = i % 2 == 0;
    out.push_back(g.document());
  }
  return out;
}

}  // namespace eph::test
