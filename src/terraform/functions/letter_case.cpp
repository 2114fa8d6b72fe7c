#include "terraform/functions/letter_case.h"

namespace eph::terraform::fn {

namespace {

size_t decode(std::string_view s, size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  if (len == 1) {
    cp = c;
    return 1;
  }
  cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Maps one code point; false when it may be a letter of a script this table does not cover.
bool map_case(char32_t cp, bool upper, char32_t& out) {
  out = cp;
  if (cp < 0x80) {
    if (upper && cp >= 'a' && cp <= 'z') out = cp - 32;
    if (!upper && cp >= 'A' && cp <= 'Z') out = cp + 32;
    return true;
  }
  if (cp < 0xC0) return true;  // Latin-1 symbols, no case (µ upper-cases to Greek: keep as is)
  if (cp <= 0xFF) {
    if (cp == 0xD7 || cp == 0xF7) return true;
    if (cp == 0xDF) return true;  // ß has no single-letter upper case
    if (cp == 0xFF) {
      if (upper) return false;  // ÿ -> Ÿ lives in Latin Extended-A
      return true;
    }
    if (upper && cp >= 0xE0) out = cp - 0x20;
    if (!upper && cp < 0xE0) out = cp + 0x20;
    return true;
  }
  if (cp >= 0x391 && cp <= 0x3C9) {  // basic Greek
    if (cp == 0x3A2) return true;
    if (cp == 0x3C2) {
      if (upper) out = 0x3A3;  // final sigma
      return true;
    }
    if (upper && cp >= 0x3B1) out = cp - 0x20;
    if (!upper && cp <= 0x3A9) out = cp + 0x20;
    return true;
  }
  if (cp >= 0x400 && cp <= 0x45F) {  // basic Cyrillic
    if (upper) {
      if (cp >= 0x430 && cp <= 0x44F) out = cp - 0x20;
      if (cp >= 0x450) out = cp - 0x50;
    } else {
      if (cp >= 0x410 && cp <= 0x42F) out = cp + 0x20;
      if (cp <= 0x40F) out = cp + 0x50;
    }
    return true;
  }
  // Punctuation, symbols, CJK, emoji: scripts without case.
  if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x23FF) || (cp >= 0x2500 && cp <= 0x2BFF) ||
      (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
    return true;
  }
  return false;
}

std::optional<std::string> map_all(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0, mapped = 0;
    size_t len = decode(s, i, cp);
    if (!map_case(cp, upper, mapped)) return std::nullopt;
    if (mapped == cp) {
      out.append(s.substr(i, len));
    } else {
      encode(mapped, out);
    }
    i += len;
  }
  return out;
}

// Go's unicode separators for Title: ASCII other than letters, digits and '_'; spaces.
bool is_word_separator(char32_t cp) {
  if (cp < 0x80) {
    bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return !alnum && cp != '_';
  }
  return cp == 0xA0 || cp == 0x85 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
}

}  // namespace

std::optional<std::string> to_upper(std::string_view s) { return map_all(s, true); }
std::optional<std::string> to_lower(std::string_view s) { return map_all(s, false); }

std::optional<std::string> to_title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool at_word_start = true;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0, mapped = 0;
    size_t len = decode(s, i, cp);
    if (at_word_start) {
      if (!map_case(cp, true, mapped)) return std::nullopt;
      if (mapped == cp) {
        out.append(s.substr(i, len));
      } else {
        encode(mapped, out);
      }
    } else {
      out.append(s.substr(i, len));
    }
    at_word_start = is_word_separator(cp);
    i += len;
  }
  return out;
}

}  // namespace eph::terraform::fn
