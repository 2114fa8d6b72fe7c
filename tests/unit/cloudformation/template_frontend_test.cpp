#include <doctest/doctest.h>

#include "test_support.h"

using namespace eph;
using testing::find_resource;
using testing::load;
using testing::start_of;

TEST_CASE("cloudformation: templates are recognised by content") {
  using cloudformation::looks_like_template;
  CHECK(looks_like_template("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"));
  CHECK(looks_like_template("{\"AWSTemplateFormatVersion\" : \"2010-09-09\"}"));
  CHECK(looks_like_template("Resources:\n  B:\n    Type: AWS::S3::Bucket\n"));
  CHECK(looks_like_template("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}"));
  CHECK(looks_like_template("Resources:\n  M:\n    Type: My::S3::Bucket::MODULE\n"));
  CHECK(looks_like_template("Resources:\n  C:\n    Type: Custom::Thing\n"));
  CHECK(looks_like_template("Parameters:\n  P: {Type: String}\nResources: {}\n"));
  // Not templates: a GitHub workflow, a Kubernetes manifest, an IAM policy, a cfn-lint spec override.
  CHECK(!looks_like_template("name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"));
  CHECK(!looks_like_template("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - resources:\n        limits: {}\n"));
  CHECK(!looks_like_template("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                             "\"Principal\": {\"AWS\": \"*\"}, \"Resource\": \"*\"}]}"));
  CHECK(!looks_like_template("{\"ResourceTypes\": {\"AWS::S3::Bucket\": {\"Type\": \"x\"}}}"));
  CHECK(!looks_like_template(""));
}

TEST_CASE("cloudformation: resource declarations and property positions in YAML") {
  const char* text = "Resources:\n"
                     "  Fn:\n"
                     "    Type: AWS::Lambda::Function\n"
                     "    Properties:\n"
                     "      Environment:\n"
                     "        Variables:\n"
                     "          KEY: \"value\"\n"
                     "      Code:\n"
                     "        ZipFile: |\n"
                     "          def handler(e, c):\n"
                     "            return 1\n";
  LoadedUnit unit = load(text);
  REQUIRE(unit.diagnostics.empty());
  REQUIRE(unit.files.size() == 1);
  const NativeResource* fn = find_resource(unit, "Fn");
  REQUIRE(fn);
  CHECK(unit.format == "cloudformation");
  CHECK(fn->declaration.text() == "Fn");
  CHECK(start_of(fn->declaration).line == 2);
  CHECK(start_of(fn->declaration).column == 3);
  const Value* key = fn->body.at("Environment/Variables/KEY");
  REQUIRE(key);
  Location loc = to_location(key->where);
  CHECK(loc.line == 7);
  CHECK(loc.column == 16);
  CHECK(loc.end_column == 23);
  const Value* zip = fn->body.at("Code/ZipFile");
  CHECK(to_location(zip->where).end_line == 11);
  CHECK(fn->meta.is_map());
}

TEST_CASE("cloudformation: bad input becomes diagnostics with positions") {
  LoadedUnit syntax = load("Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B: [unclosed\n");
  REQUIRE(!syntax.diagnostics.empty());
  CHECK(syntax.diagnostics[0].kind == Diagnostic::Kind::ParseError);
  CHECK(to_location(syntax.diagnostics[0].range).line >= 4);

  LoadedUnit json = load("{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\",}}}", "t.json");
  REQUIRE(json.diagnostics.size() == 1);
  CHECK(to_location(json.diagnostics[0].range).column == 48);  // the "}" after the trailing comma

  LoadedUnit dup = load("Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n");
  REQUIRE(dup.diagnostics.size() == 1);
  CHECK(dup.diagnostics[0].message == "duplicate key 'A' (first at line 2)");
  REQUIRE(dup.resources.size() == 1);
  CHECK(dup.resources[0].type == "AWS::SQS::Queue");  // still analysed, last value wins

  LoadedUnit scalar = load("just text\n");
  REQUIRE(scalar.diagnostics.size() == 1);
  CHECK(scalar.diagnostics[0].message.find("not a CloudFormation template") != std::string::npos);

  LoadedUnit empty = load("");
  CHECK(empty.diagnostics.empty());
  CHECK(empty.resources.empty());

  testing::MemoryFiles none;
  LoadedUnit missing = cloudformation::load_template("absent.yaml", none);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].range.file);

  std::string bomb = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      a: &a [x,x,x,x,x,x,x,x,x,x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string("      ") + c + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? "," : "") + "*" + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  LoadedUnit laughs = load(bomb);
  bool limit = false;
  for (const auto& d : laughs.diagnostics) limit |= d.kind == Diagnostic::Kind::LimitReached;
  CHECK(limit);
  REQUIRE(laughs.resources.size() == 1);
}
