#include <doctest/doctest.h>

#include "lsp/buffer_file_provider.h"
#include "lsp/hcl_document_trees.h"
#include "lsp/open_documents.h"
#include "unit/lsp/tree_sexp.h"

using nlohmann::json;
using namespace eph;
using namespace eph::lsp;
using eph::testing::sexp;

namespace {

json edit(int l1, int c1, int l2, int c2, const std::string& text) {
  return {{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
          {"text", text}};
}

}  // namespace

TEST_CASE("incrementally re-parsed trees equal a parse from scratch, edit after edit") {
  OpenDocuments docs;
  HclDocumentTrees trees;
  const std::string path = "/ws/m/main.tf";
  trees.open(path, docs.open("file:///ws/m/main.tf", path, "terraform", 1,
                             "locals {\n  name = \"caf\xC3\xA9\"\n}\n\nresource \"aws_sqs_queue\" \"q\" {\n  name = local.name\n}\n")
                       .text);
  std::vector<json> steps = {
      json::array({edit(1, 15, 1, 15, "-\xF0\x9F\x98\x80")}),                  // after a 2-byte char, insert a 4-byte one
      json::array({edit(5, 2, 5, 6, "fifo_queue"), edit(5, 14, 5, 14, "")}),  // two edits in one change
      json::array({edit(6, 1, 6, 1, "\n\nvariable \"x\" {\n  default = 1\n}")}),
      json::array({edit(0, 0, 3, 0, "")}),                                     // delete a multi-line block
      json::array({edit(0, 0, 0, 8, "resource {")}),                          // a syntax error
      json::array({json{{"text", "variable \"y\" {}\n"}}}),                    // a full replacement
  };
  int version = 2;
  for (const auto& step : steps) {
    CAPTURE(step.dump());
    std::string error;
    std::vector<AppliedEdit> applied;
    REQUIRE(docs.change(path, version++, step, PositionEncoding::Utf16, error, &applied));
    trees.edit(path, applied);
    const SourceFilePtr& text = docs.find(path)->text;
    auto snapshot = trees.snapshot();
    REQUIRE(snapshot->count(path));
    CHECK(snapshot->at(path).file()->text() == text->text());
    CHECK(sexp(snapshot->at(path)) == sexp(hcl::HclTree(text)));
  }
}

TEST_CASE("the analysis gets a buffer's tree only for exactly the buffer's text") {
  OpenDocuments docs;
  HclDocumentTrees trees;
  const std::string path = "/ws/m/main.tf";
  trees.open(path, docs.open("file:///ws/m/main.tf", path, "terraform", 1, "locals {}\n").text);
  trees.open("/ws/m/data.tf.json", docs.open("file:///ws/m/data.tf.json", "/ws/m/data.tf.json", "json", 1, "{}").text);
  BufferFileProvider fs(FileAccess::Workspace, {"/ws"}, 1 << 20, trees.snapshot());
  auto same = std::make_shared<SourceFile>(path, "locals {}\n");
  auto reused = fs.tree_for(same);
  REQUIRE(reused);
  CHECK(reused->file() == same);  // ranges will point into the front-end's own SourceFile
  CHECK(sexp(*reused) == sexp(hcl::HclTree(same)));
  CHECK_FALSE(fs.tree_for(std::make_shared<SourceFile>(path, "locals { a = 1 }\n")));
  CHECK_FALSE(fs.tree_for(std::make_shared<SourceFile>("/ws/m/other.tf", "locals {}\n")));
  CHECK_FALSE(fs.tree_for(std::make_shared<SourceFile>("/ws/m/data.tf.json", "{}")));  // JSON syntax: no HCL tree
}
