// The UTF-8 check that keeps mis-encoded sources out of the parsers.
#include <doctest/doctest.h>

#include <string>

#include "engine/utf8_validation.h"

using eph::first_invalid_utf8;

TEST_CASE("utf8: well-formed text, BOM and every sequence length pass") {
  CHECK_FALSE(first_invalid_utf8(""));
  CHECK_FALSE(first_invalid_utf8("name = \"plain\"\n"));
  CHECK_FALSE(first_invalid_utf8("\xEF\xBB\xBFx = 1"));         // BOM
  CHECK_FALSE(first_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  CHECK_FALSE(first_invalid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF
}

TEST_CASE("utf8: the offset of the first bad byte") {
  CHECK(first_invalid_utf8("caf\xE9!") == 3u);                  // Latin-1 é
  CHECK(first_invalid_utf8("ab\xFF") == 2u);
  CHECK(first_invalid_utf8("\x80") == 0u);                      // stray continuation byte
  CHECK(first_invalid_utf8("x\xC3") == 1u);                     // truncated at the end
  CHECK(first_invalid_utf8("\xE2\x82") == 0u);
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);                  // overlong '/'
  CHECK(first_invalid_utf8("\xE0\x80\xAF") == 0u);              // overlong, 3 bytes
  CHECK(first_invalid_utf8("ok\xED\xA0\x80") == 2u);            // UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);          // above U+10FFFF
  CHECK(first_invalid_utf8("\xC3\xA9\xC3") == 2u);
}

TEST_CASE("the first bad byte is found at its exact offset after long ASCII runs") {
  for (size_t ascii = 0; ascii < 40; ++ascii) {
    std::string text(ascii, 'a');
    CHECK_FALSE(first_invalid_utf8(text));
    CHECK(first_invalid_utf8(text + "\xFF" + std::string(20, 'b')) == ascii);
    CHECK(first_invalid_utf8(text + "\xC3\xA9" + std::string(9, 'c') + "\x80") == ascii + 11);
    CHECK_FALSE(first_invalid_utf8(text + "\xE2\x82\xAC" + std::string(17, 'd')));
  }
}
