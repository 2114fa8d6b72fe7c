// SourceFile::excerpt: what a report needs of a file once its unit is analysed. Inside the
// kept lines, every position, slice and line is the whole file's.
#include <doctest/doctest.h>

#include "core/source.h"

using namespace eph;

namespace {

const char* kText =
    "line one\n"
    "  secret = \"h\xC3\xA9llo\"\n"  // a two-byte character before the column
    "line three\n"
    "line four\r\n"
    "line five\n"
    "last line without break";

}  // namespace

TEST_CASE("excerpt: kept lines answer as the whole file, in every column unit") {
  SourceFile whole("f.tf", kText);
  std::string text = kText;
  uint32_t secret = static_cast<uint32_t>(text.find("\"h"));
  uint32_t four = static_cast<uint32_t>(text.find("four"));
  uint32_t last = static_cast<uint32_t>(text.find("without"));
  auto excerpt = SourceFile::excerpt(whole, {{secret, secret + 8}, {four, four + 4}, {last, last + 7}});
  REQUIRE(excerpt->is_excerpt());
  CHECK(excerpt->path() == "f.tf");
  CHECK(excerpt->line_count() == whole.line_count());
  CHECK(excerpt->text().size() < text.size());
  for (auto [b, e] : {std::pair{secret, secret + 8}, std::pair{four, four + 4}, std::pair{last, last + 7}}) {
    CAPTURE(b);
    CHECK(excerpt->slice(b, e) == whole.slice(b, e));
    for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16}) {
      CHECK(excerpt->position(b, unit).line == whole.position(b, unit).line);
      CHECK(excerpt->position(b, unit).column == whole.position(b, unit).column);
      CHECK(excerpt->position(e, unit).column == whole.position(e, unit).column);
    }
    Range r{excerpt.get(), b, e};
    Range w{&whole, b, e};
    CHECK(r.text() == w.text());
  }
  for (uint32_t line : {2u, 4u, 6u}) {
    CAPTURE(line);
    CHECK(excerpt->line_text(line) == whole.line_text(line));
    CHECK(excerpt->line_start(line) == whole.line_start(line));
    CHECK(excerpt->offset_of(line - 1, 3, ColumnUnit::CodePoints) == whole.offset_of(line - 1, 3, ColumnUnit::CodePoints));
  }
  // Lines not kept are not there.
  CHECK(excerpt->line_text(1).empty());
  CHECK(excerpt->line_text(3).empty());
}

TEST_CASE("excerpt: a range over several lines keeps them all; adjacent lines make one piece") {
  SourceFile whole("g.yaml", "a\nbb\nccc\ndddd\n");
  auto excerpt = SourceFile::excerpt(whole, {{2, 7}, {9, 10}});  // "bb\ncc" and "d"
  CHECK(excerpt->text() == "bb\nccc\ndddd\n");
  CHECK(excerpt->slice(2, 7) == "bb\ncc");
  CHECK(excerpt->position(9).line == 4);
  CHECK(excerpt->position(7).column == 3);
}
