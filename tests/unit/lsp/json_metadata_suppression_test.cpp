#include <doctest/doctest.h>

#include "lsp/json_metadata_suppression.h"

using namespace eph;

namespace {

// Applies the suppression edit to `text` for resource "Fn" and returns the result.
std::string suppressed(const std::string& text) {
  SourceFile file("/t/template.json", text);
  lsp::JsonMetadataSuppressions suppressions;
  auto edit = suppressions.edit_for(file, "Fn", "EPH401", "why");
  REQUIRE(edit);
  std::string out = text;
  out.insert(edit->range.begin, edit->new_text);
  return out;
}

}  // namespace

TEST_CASE("a JSON template suppression goes into the resource's Metadata, whatever of it exists") {
  CHECK(suppressed(R"({"Resources": {"Fn": {"Type": "AWS::Lambda::Function"}}})") ==
        R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id":"EPH401","reason":"why"}]}}, "Type": "AWS::Lambda::Function"}}})");
  CHECK(suppressed(R"({"Resources": {"Fn": {"Metadata": {"cfn-lint": {}}, "Type": "X"}}})") ==
        R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id":"EPH401","reason":"why"}]}, "cfn-lint": {}}, "Type": "X"}}})");
  CHECK(suppressed(R"({"Resources": {"Fn": {"Metadata": {}, "Type": "X"}}})") ==
        R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id":"EPH401","reason":"why"}]}}, "Type": "X"}}})");
  CHECK(suppressed(R"({"Resources": {"Fn": {"Metadata": {"ephemera": {}}, "Type": "X"}}})") ==
        R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id":"EPH401","reason":"why"}]}}, "Type": "X"}}})");
  CHECK(suppressed(R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id": "EPH301", "reason": "r"}]}}}}})") ==
        R"({"Resources": {"Fn": {"Metadata": {"ephemera": {"ignore": [{"id":"EPH401","reason":"why"}, {"id": "EPH301", "reason": "r"}]}}}}})");
}

TEST_CASE("no Metadata edit where there is no such resource or the shape is unexpected") {
  lsp::JsonMetadataSuppressions suppressions;
  SourceFile missing("/t/a.json", R"({"Resources": {"Other": {"Type": "X"}}})");
  CHECK_FALSE(suppressions.edit_for(missing, "Fn", "EPH401", "why"));
  SourceFile odd("/t/b.json", R"({"Resources": {"Fn": {"Metadata": "text"}}})");
  CHECK_FALSE(suppressions.edit_for(odd, "Fn", "EPH401", "why"));
  SourceFile terraform("/t/main.tf.json", R"({"resource": {"aws_lambda_function": {"Fn": {}}}})");
  CHECK_FALSE(suppressions.edit_for(terraform, "Fn", "EPH401", "why"));
  SourceFile broken("/t/c.json", R"({"Resources": )");
  CHECK_FALSE(suppressions.edit_for(broken, "Fn", "EPH401", "why"));
}
