// SourceFile::excerpt: what a report reads of a released file is what it read of the whole one.
#include <doctest/doctest.h>

#include <random>

#include "core/source.h"

using namespace eph;

namespace {

std::string sample_text(std::mt19937& rng, size_t lines) {
  const char* pieces[] = {"a", " ", "=", "\"x\"", "é", "𝄞", "\t", "\r", "{", "}", "\xE2\x82\xAC"};
  std::string text;
  for (size_t l = 0; l < lines; ++l) {
    size_t n = rng() % 12;
    for (size_t i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    if (l + 1 < lines || rng() % 2) text += '\n';
  }
  return text;
}

}  // namespace

TEST_CASE("an excerpt answers like the whole file on the lines it keeps") {
  std::mt19937 rng(15);
  for (int round = 0; round < 200; ++round) {
    SourceFile whole("f.tf", sample_text(rng, 1 + rng() % 30));
    auto size = static_cast<uint32_t>(whole.text().size());
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (size_t i = 0, n = rng() % 4; i < n; ++i) {
      uint32_t b = size ? static_cast<uint32_t>(rng() % (size + 1)) : 0;
      uint32_t e = b + (size > b ? static_cast<uint32_t>(rng() % (size - b + 1)) : 0);
      ranges.emplace_back(b, e);
    }
    SourceFilePtr part = whole.excerpt(ranges, {{7, ResourceBlock{"aws_subnet", 3}}});
    REQUIRE(part->is_excerpt());
    CHECK(part->path() == "f.tf");
    CHECK(part->line_count() == whole.line_count());
    CHECK(part->text().size() <= whole.text().size());
    for (auto [b, e] : ranges) {
      CHECK(part->slice(b, e) == whole.slice(b, e));
      CHECK(Range{part.get(), b, e}.text() == Range{&whole, b, e}.text());
      Location lp = to_location(Range{part.get(), b, e}), lw = to_location(Range{&whole, b, e});
      CHECK(lp.line == lw.line);
      CHECK(lp.end_line == lw.end_line);
      CHECK(lp.column == lw.column);
      CHECK(lp.end_column == lw.end_column);
      for (uint32_t line = lw.line; line <= lw.end_line; ++line) {
        CHECK(part->line_text(line) == whole.line_text(line));
        CHECK(part->line_start(line) == whole.line_start(line));
        for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16})
          for (uint32_t column = 0; column < 6; ++column)
            CHECK(part->offset_of(line - 1, column, unit) == whole.offset_of(line - 1, column, unit));
      }
      for (uint32_t at = b; at <= e; ++at)
        for (ColumnUnit unit : {ColumnUnit::Bytes, ColumnUnit::CodePoints, ColumnUnit::Utf16}) {
          LineCol p = part->position(at, unit), w = whole.position(at, unit);
          CHECK(p.line == w.line);
          CHECK(p.column == w.column);
        }
    }
    CHECK(part->declared_block_at(7).value_or(ResourceBlock{}).kind == "aws_subnet");
    CHECK_FALSE(part->declared_block_at(8).has_value());
    CHECK_FALSE(whole.declared_block_at(7).has_value());
  }
}

TEST_CASE("an excerpt keeps only the lines asked for") {
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += "# line " + std::to_string(i) + " of padding\n";
  SourceFile whole("big.tf", text);
  uint32_t at = whole.line_start(500) + 2;
  SourceFilePtr part = whole.excerpt({{at, at + 4}}, {});
  CHECK(part->text() == "# line 500 of padding\n");
  CHECK(part->line_text(500) == "# line 500 of padding");
  CHECK(part->line_text(499).empty());
  CHECK(part->position(at).line == 500);
  CHECK(part->position(at).column == 3);
  CHECK(Range{part.get(), at, at + 4}.text() == "line");
}

TEST_CASE("live_text_bytes follows the files alive") {
  size_t before = SourceFile::live_text_bytes();
  {
    auto file = std::make_shared<SourceFile>("a.tf", std::string(1000, 'x'));
    CHECK(SourceFile::live_text_bytes() == before + 1000);
    SourceFile copy(*file);
    CHECK(SourceFile::live_text_bytes() == before + 2000);
  }
  CHECK(SourceFile::live_text_bytes() == before);
}
