#include <doctest/doctest.h>

#include "core/source.h"
#include "core/value.h"

using namespace eph;

TEST_CASE("positions: lines, code points and UTF-16 columns") {
  SourceFile f("a.tf", "ab\nx\xC3\xA9y\xF0\x9F\x98\x80z\n");
  CHECK(f.position(0).line == 1);
  CHECK(f.position(3).line == 2);
  CHECK(f.position(3).column == 1);
  // 'z' comes after x, é (2 bytes), y, 😀 (4 bytes)
  uint32_t z = 3 + 1 + 2 + 1 + 4;
  CHECK(f.position(z, ColumnUnit::Bytes).column == 9);
  CHECK(f.position(z, ColumnUnit::CodePoints).column == 5);
  CHECK(f.position(z, ColumnUnit::Utf16).column == 6);
  CHECK(f.offset_of(1, 5, ColumnUnit::Utf16) == z);
  CHECK(f.offset_of(1, 99, ColumnUnit::Utf16) == z + 1);  // clamped to the line end
  CHECK(f.line_text(2) == "x\xC3\xA9y\xF0\x9F\x98\x80z");
}

TEST_CASE("value paths enter Terraform blocks at their first element") {
  Value root = Value::map();
  Value block = Value::map();
  Value vars = Value::map();
  vars.set("TABLE", Value::string_of("orders"));
  block.set("variables", vars);
  Value blocks = Value::list();
  blocks.items.push_back(block);
  root.set("environment", blocks);
  REQUIRE(root.at("environment/variables/TABLE") != nullptr);
  CHECK(root.at("environment/variables/TABLE")->text == "orders");
  CHECK(root.at("environment/0/variables/TABLE")->text == "orders");
  CHECK(root.at("environment/1/variables") == nullptr);
  CHECK(root.at("missing/x") == nullptr);
  CHECK(Value::unknown().contains_unknown());
}
