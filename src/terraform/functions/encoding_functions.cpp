// Encoding built-ins: JSON and YAML documents, base64, URL encoding, and the functions whose
// results are not knowable statically (hashes, random ids, the current time).
#include <memory>

#include "terraform/functions/document_decoding.h"
#include "terraform/functions/function_support.h"
#include "terraform/functions/json_text.h"

namespace eph::terraform::fn {

namespace {

// The encoded document keeps its positions in `decoded`; the text is known only when the
// whole value is.
template <std::string (*Encode)(const Value&)>
Value encode_document(Call& c) {
  const Value& doc = c.args[0];
  Value out = doc.contains_unknown() ? c.unknown(std::string(c.name) + " of a value with unknown parts")
                                     : c.computed(Value::string_of(Encode(doc)));
  absorb_deep(out, doc);
  out.decoded = std::make_shared<const Value>(doc);
  return out;
}

template <Decoded (*Decode)(std::string_view, const Range&, const Range&)>
Value decode_document(Call& c) {
  const Value& arg = c.args[0];
  if (arg.decoded) {
    // Encoded from a value we have (jsonencode, file): that value, with its positions.
    Value v = *arg.decoded;
    mark_deep(v, arg.marks);
    for (const auto& r : arg.refs) add_ref(v, r);
    return v;
  }
  if (arg.is_unknown()) return c.unknown();
  auto text = as_string(arg);
  if (!text) return c.fail("argument must be a string");
  Decoded d = Decode(*text, arg.where, c.ctx.call);
  if (d.limit_hit) return c.limit("document too large or too deeply nested");
  if (!d.value) return c.fail("argument is not a valid document");
  Value v = std::move(*d.value);
  mark_deep(v, arg.marks);
  for (const auto& r : arg.refs) add_ref(v, r);
  return v;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (uint32_t(uint8_t(in[i])) << 16) | (uint32_t(uint8_t(in[i + 1])) << 8) | uint8_t(in[i + 2]);
    out += kBase64[n >> 18];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += kBase64[n & 63];
  }
  if (i < in.size()) {
    uint32_t n = uint32_t(uint8_t(in[i])) << 16;
    if (i + 1 < in.size()) n |= uint32_t(uint8_t(in[i + 1])) << 8;
    out += kBase64[n >> 18];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> unbase64(std::string_view in) {
  if (in.size() % 4 != 0) return std::nullopt;
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  size_t padding = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char ch = in[i];
    if (ch == '=') {
      if (i + 2 < in.size()) return std::nullopt;
      ++padding;
      continue;
    }
    if (padding) return std::nullopt;
    const char* p = std::char_traits<char>::find(kBase64, 64, ch);
    if (!p) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(p - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

Value base64encode(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  return c.computed(Value::string_of(base64(*s)));
}

Value base64decode(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  auto out = unbase64(*s);
  if (!out) return c.fail("failed to decode base64 data");
  if (!valid_utf8(*out)) return c.fail("the result of decoding the provided string is not valid UTF-8");
  return c.computed(Value::string_of(std::move(*out)));
}

Value urlencode(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument must be a string");
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : *s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else if (ch == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return c.computed(Value::string_of(std::move(out)));
}

// Hashes, random values and clocks: honest unknowns.
Value not_static(Call& c) { return c.unknown(std::string(c.name) + "() is not evaluated statically"); }

constexpr BuiltinSpec kFunctions[] = {
    {"jsonencode", encode_document<json_encode>, 1, 1},
    {"yamlencode", encode_document<yaml_encode>, 1, 1},
    {"jsondecode", decode_document<decode_json>, 1, 1, true},
    {"yamldecode", decode_document<decode_yaml>, 1, 1, true},
    {"base64encode", base64encode, 1, 1},
    {"base64decode", base64decode, 1, 1},
    {"urlencode", urlencode, 1, 1},
    {"md5", not_static, 1, 1},
    {"sha1", not_static, 1, 1},
    {"sha256", not_static, 1, 1},
    {"sha512", not_static, 1, 1},
    {"base64sha256", not_static, 1, 1},
    {"base64sha512", not_static, 1, 1},
    {"base64gzip", not_static, 1, 1},
    {"bcrypt", not_static, 1, 2},
    {"uuid", not_static, 0, 0},
    {"uuidv5", not_static, 2, 2},
    {"timestamp", not_static, 0, 0},
    {"plantimestamp", not_static, 0, 0},
    {"filemd5", not_static, 1, 1},
    {"filesha1", not_static, 1, 1},
    {"filesha256", not_static, 1, 1},
    {"filesha512", not_static, 1, 1},
    {"filebase64sha256", not_static, 1, 1},
    {"filebase64sha512", not_static, 1, 1},
};

}  // namespace

std::span<const BuiltinSpec> encoding_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
