#include <doctest/doctest.h>

#include "lsp/open_documents.h"
#include "lsp/uri.h"

using nlohmann::json;
using namespace eph::lsp;

namespace {
json edit(int l1, int c1, int l2, int c2, const std::string& text) {
  return {{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
          {"text", text}};
}
}  // namespace

TEST_CASE("incremental edits are applied in UTF-16 columns, or in bytes when negotiated") {
  OpenDocuments docs;
  // "é" is one UTF-16 unit (two bytes); "😀" two units (four bytes).
  docs.open("file:///m/a.tf", "/m/a.tf", "terraform", 1, "x = \"\xC3\xA9\xF0\x9F\x98\x80!\"\nnext\n");
  std::string error;
  REQUIRE(docs.change("/m/a.tf", 2, json::array({edit(0, 8, 0, 9, "?")}), PositionEncoding::Utf16, error));
  CHECK(docs.find("/m/a.tf")->text->text() == "x = \"\xC3\xA9\xF0\x9F\x98\x80?\"\nnext\n");
  CHECK(docs.find("/m/a.tf")->version == 2);
  REQUIRE(docs.change("/m/a.tf", 3, json::array({edit(0, 5, 0, 11, "")}), PositionEncoding::Utf8, error));
  CHECK(docs.find("/m/a.tf")->text->text() == "x = \"?\"\nnext\n");
  // Several changes apply in order, each on the result of the previous one; a past-the-end
  // character means the end of the line.
  REQUIRE(docs.change("/m/a.tf", 4, json::array({edit(1, 0, 1, 4, "last"), edit(1, 99, 1, 99, "!")}),
                      PositionEncoding::Utf16, error));
  CHECK(docs.find("/m/a.tf")->text->text() == "x = \"?\"\nlast!\n");
  // A change without a range replaces the whole text.
  REQUIRE(docs.change("/m/a.tf", 5, json::array({{{"text", "fresh"}}}), PositionEncoding::Utf16, error));
  CHECK(docs.find("/m/a.tf")->text->text() == "fresh");
}

TEST_CASE("invalid edits leave the document as it was") {
  OpenDocuments docs;
  docs.open("file:///m/a.tf", "/m/a.tf", "terraform", 1, "one\ntwo\n");
  std::string error;
  CHECK_FALSE(docs.change("/m/a.tf", 2, json::array({edit(3, 0, 3, 0, "x")}), PositionEncoding::Utf16, error));
  CHECK(error.find("past the end") != std::string::npos);
  CHECK_FALSE(docs.change("/m/a.tf", 2, json::array({edit(1, 2, 0, 0, "x")}), PositionEncoding::Utf16, error));
  CHECK_FALSE(docs.change("/m/a.tf", 2, json::array({edit(0, 0, 0, 0, "x"), json{{"text", 3}}}),
                          PositionEncoding::Utf16, error));
  CHECK_FALSE(docs.change("/m/a.tf", 2, json::object(), PositionEncoding::Utf16, error));
  CHECK_FALSE(docs.change("/m/b.tf", 2, json::array(), PositionEncoding::Utf16, error));
  CHECK(docs.find("/m/a.tf")->text->text() == "one\ntwo\n");
  CHECK(docs.find("/m/a.tf")->version == 1);
}

TEST_CASE("file URIs and paths convert both ways") {
  CHECK(uri_to_path("file:///home/me/my%20project/main.tf") == "/home/me/my project/main.tf");
  CHECK(uri_to_path("file://localhost/etc/x.yaml") == "/etc/x.yaml");
  CHECK(uri_to_path("FILE:///a/b%C3%A9.tf") == "/a/b\xC3\xA9.tf");
  CHECK_FALSE(uri_to_path("untitled:Untitled-1"));
  CHECK_FALSE(uri_to_path("file://server/share/a.tf"));
  CHECK_FALSE(uri_to_path("file:///a%2"));
  CHECK_FALSE(uri_to_path("file:///a%00b"));
  CHECK(path_to_uri("/home/me/my project/b\xC3\xA9.tf") == "file:///home/me/my%20project/b%C3%A9.tf");
  CHECK(uri_to_path(path_to_uri("/x/a#b?.tf")) == "/x/a#b?.tf");
}
