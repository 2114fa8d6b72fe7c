#include "terraform/functions/json_text.h"

#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

void quote_into(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<':
      case '>':
      case '&':
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
          out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line separators, as Go escapes them
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void encode_into(const Value& v, std::string& out) {
  switch (v.kind) {
    case Kind::Null:
    case Kind::Unknown: out += "null"; break;
    case Kind::Bool: out += v.boolean ? "true" : "false"; break;
    case Kind::Number: out += number_to_string(v.number); break;
    case Kind::String: quote_into(v.text, out); break;
    case Kind::List: {
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ',';
        encode_into(v.items[i], out);
      }
      out += ']';
      break;
    }
    case Kind::Map: {
      out += '{';
      bool first = true;
      for (const Field* f : sorted_fields(v)) {
        if (!first) out += ',';
        first = false;
        quote_into(f->key, out);
        out += ':';
        encode_into(f->value, out);
      }
      out += '}';
      break;
    }
  }
}

bool is_scalar(const Value& v) { return !(v.is_list() && !v.items.empty()) && !(v.is_map() && !v.fields.empty()); }

void yaml_scalar(const Value& v, std::string& out) {
  switch (v.kind) {
    case Kind::List: out += "[]"; break;
    case Kind::Map: out += "{}"; break;
    case Kind::String: quote_into(v.text, out); break;
    default: encode_into(v, out); break;
  }
}

// Block style, strings double-quoted (as Terraform's yamlencode writes them).
void yaml_into(const Value& v, std::string& out, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (is_scalar(v)) {
    yaml_scalar(v, out);
    out += '\n';
    return;
  }
  if (v.is_list()) {
    for (const auto& item : v.items) {
      out += pad + "- ";
      if (is_scalar(item)) {
        yaml_scalar(item, out);
        out += '\n';
      } else {
        // The first line of a nested block sits after the dash.
        std::string nested;
        yaml_into(item, nested, indent + 2);
        out += nested.substr(static_cast<size_t>(indent) + 2);
      }
    }
    return;
  }
  for (const Field* f : sorted_fields(v)) {
    out += pad;
    quote_into(f->key, out);
    out += ':';
    if (is_scalar(f->value)) {
      out += ' ';
      yaml_scalar(f->value, out);
      out += '\n';
    } else {
      out += '\n';
      yaml_into(f->value, out, f->value.is_list() ? indent : indent + 2);
    }
  }
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  quote_into(s, out);
  return out;
}

std::string json_encode(const Value& v) {
  std::string out;
  encode_into(v, out);
  return out;
}

std::string yaml_encode(const Value& v) {
  std::string out;
  yaml_into(v, out, 0);
  return out;
}

}  // namespace eph::terraform::fn
