// file(), fileexists(), filebase64() and templatefile(): module-relative, sandboxed, positioned.
#include "function_test_support.h"
#include "terraform/functions/document_decoding.h"

using namespace eph;
using eph::test::Harness;

namespace {

const char* kPolicy = R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
}
)";

}  // namespace

TEST_CASE("files: file() reads relative to the module and decodes JSON with positions") {
  Harness h;
  h.fs.files["/repo/app/policies/read.json"] = kPolicy;
  Value v = h.call("file", {Value::string_of("policies/read.json")});
  REQUIRE(v.is_string());
  CHECK(v.text == kPolicy);
  REQUIRE(h.adopted.size() == 1);
  CHECK(h.adopted[0]->path() == "/repo/app/policies/read.json");
  CHECK(v.where.file == h.adopted[0].get());
  REQUIRE(v.decoded);
  const Value* action = v.decoded->at("Statement/0/Action");
  REQUIRE(action);
  CHECK(action->where.file == h.adopted[0].get());
  CHECK(action->where.text() == "\"s3:GetObject\"");
  CHECK(to_location(action->where).line == 3);

  // path.module style and ".." within the scanned tree both work.
  h.fs.files["/repo/shared/x.txt"] = "shared";
  CHECK(h.call("file", {Value::string_of("/repo/app/../shared/x.txt")}).text == "shared");
  CHECK(h.call("file", {Value::string_of("../shared/x.txt")}).text == "shared");

  // jsondecode(file(...)) keeps the positions into the policy file.
  Value doc = h.call("jsondecode", {v});
  CHECK(doc.at("Statement/0/Effect")->where.file == h.adopted[0].get());

  // A file that is not JSON has no decoded document.
  h.fs.files["/repo/app/readme.txt"] = "{ not json";
  CHECK_FALSE(h.call("file", {Value::string_of("readme.txt")}).decoded);
}

TEST_CASE("files: nothing outside the scanned tree is read") {
  Harness h;
  h.fs.files["/etc/passwd"] = "root:x:0:0";
  h.fs.files["/repo-other/secret"] = "x";
  for (const char* path : {"/etc/passwd", "../../etc/passwd", "../../repo-other/secret", "~/.aws/credentials"}) {
    Value v = h.call("file", {Value::string_of(path)});
    CHECK_MESSAGE(v.is_unknown(), path);
    CHECK_MESSAGE(!terraform::is_evaluation_error(v), path);  // not the user's error: we chose not to look
    CHECK(h.call("fileexists", {Value::string_of(path)}).is_unknown());
  }
  CHECK(h.adopted.empty());
  // No file provider: nothing is read at all.
  h.ctx.fs = nullptr;
  CHECK(h.call("file", {Value::string_of("x.json")}).is_unknown());
}

TEST_CASE("files: missing files are evaluation errors that try() and fileexists() handle") {
  Harness h;
  h.fs.files["/repo/app/present.txt"] = "here";
  Value missing = h.call("file", {Value::string_of("absent.txt")});
  CHECK(terraform::is_evaluation_error(missing));
  CHECK(h.diagnostics.empty());  // a user's bug, not ours: nothing noisy
  Value recovered = h.call("try", {missing, Value::string_of("default")});
  CHECK(recovered.text == "default");
  CHECK(h.call("fileexists", {Value::string_of("present.txt")}).boolean);
  CHECK_FALSE(h.call("fileexists", {Value::string_of("absent.txt")}).boolean);
  // A directory is not a file.
  h.fs.files["/repo/app/dir/inner.txt"] = "x";
  CHECK(terraform::is_evaluation_error(h.call("file", {Value::string_of("dir")})));
  CHECK(terraform::is_evaluation_error(h.call("fileexists", {Value::string_of("dir")})));
  CHECK(h.call("filebase64", {Value::string_of("present.txt")}).text == "aGVyZQ==");
  // Binary content is refused by file(), as Terraform does.
  h.fs.files["/repo/app/blob.bin"] = std::string("\xff\xfe\x00", 3);
  CHECK(terraform::is_evaluation_error(h.call("file", {Value::string_of("blob.bin")})));
}

TEST_CASE("files: templatefile renders through the evaluator") {
  Harness h;
  h.fs.files["/repo/app/policy.json.tpl"] = R"({"Statement": [{"Effect": "Allow", "Resource": "${bucket}"}]})";
  Value seen_vars;
  const SourceFile* seen_file = nullptr;
  h.ctx.render_template = [&](const SourceFilePtr& file, const Value& vars) {
    seen_file = file.get();
    seen_vars = vars;
    std::string text = file->text();
    text.replace(text.find("${bucket}"), 9, vars.get("bucket")->text);
    return Value::string_of(text, Range{file.get(), 0, static_cast<uint32_t>(file->text().size())});
  };
  Value vars = Value::map();
  vars.set("bucket", Value::string_of("arn:aws:s3:::b"));
  Value out = h.call("templatefile", {Value::string_of("policy.json.tpl"), vars});
  REQUIRE(seen_file);
  CHECK(seen_file->path() == "/repo/app/policy.json.tpl");
  CHECK(seen_vars.get("bucket")->text == "arn:aws:s3:::b");
  REQUIRE(out.decoded);
  CHECK(out.decoded->at("Statement/0/Resource")->text == "arn:aws:s3:::b");
  // Literals written once in the template point at themselves; interpolated ones at the template.
  const Value* effect = out.decoded->at("Statement/0/Effect");
  CHECK(effect->where.file == seen_file);
  CHECK(effect->where.text() == "\"Allow\"");
  CHECK(out.decoded->at("Statement/0/Resource")->where.text() == seen_file->text());

  // Without a renderer the result is unknown; vars must be a map.
  h.ctx.render_template = nullptr;
  CHECK(h.call("templatefile", {Value::string_of("policy.json.tpl"), vars}).is_unknown());
  CHECK(terraform::is_evaluation_error(h.call("templatefile", {Value::string_of("policy.json.tpl"), Value::string_of("x")})));
}

TEST_CASE("files: fileset globs below the module") {
  Harness h;
  for (const char* f : {"/repo/app/site/index.html", "/repo/app/site/404.html", "/repo/app/site/css/main.css",
                        "/repo/app/site/css/deep/x.css", "/repo/app/site/img/logo.png", "/repo/app/other.txt"}) {
    h.fs.files[f] = "x";
  }
  auto set = [&](const char* path, const char* pattern) {
    return test::render(h.call("fileset", {Value::string_of(path), Value::string_of(pattern)}));
  };
  CHECK(set("site", "*.html") == R"(["404.html","index.html"])");
  CHECK(set("site", "**") == R"(["404.html","css/deep/x.css","css/main.css","img/logo.png","index.html"])");
  CHECK(set("site", "**/*.css") == R"(["css/deep/x.css","css/main.css"])");
  CHECK(set("site", "css/*.css") == R"(["css/main.css"])");
  CHECK(set("site", "{img,css}/*.{png,css}") == R"(["css/main.css","img/logo.png"])");
  CHECK(set("site", "[0-9]*.html") == R"(["404.html"])");
  CHECK(set("site", "?ndex.htm?") == R"(["index.html"])");
  CHECK(set("missing", "*") == "[]");
  CHECK(set("/etc", "*") == "<unknown>");
  CHECK(set("site", "{unclosed") == "<error>");
}

TEST_CASE("files: a rendered literal is anchored only when it cannot come from elsewhere") {
  SourceFile tpl("t.json.tpl", R"({"Effect": "${effect}", "Other": "Allow", "Action": "s3:GetObject"})");
  std::string rendered = R"({"Effect": "Allow", "Other": "Allow", "Action": "s3:GetObject"})";
  Range whole{&tpl, 0, static_cast<uint32_t>(tpl.text().size())};
  auto parsed = json::parse_text(rendered, whole);
  REQUIRE(parsed.ok());
  Value doc = parsed.value;
  terraform::fn::anchor_literals(doc, whole, rendered);
  // "Allow" is rendered twice but written once: either could be the interpolated one.
  CHECK(doc.get("Effect")->where.begin == 0);
  CHECK(doc.get("Other")->where.begin == 0);
  CHECK(doc.get("Action")->where.text() == "\"s3:GetObject\"");
  CHECK(doc.field("Action")->key_range.text() == "\"Action\"");
}
