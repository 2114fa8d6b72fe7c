// data "aws_iam_policy_document" rendered as the provider does, positioned in the HCL.
#include <doctest/doctest.h>

#include "memory_files.h"

using namespace eph;
using namespace eph::tftest;

namespace {

const Value* decoded_policy(const LoadedUnit& unit, const std::string& address, const std::string& attribute) {
  const Value* v = attr(unit, address, attribute);
  return v && v->decoded ? v->decoded.get() : nullptr;
}

}  // namespace

TEST_CASE("policy document: statements, principals, conditions, positions") {
  LoadedUnit unit = load_tf(
      "data \"aws_iam_policy_document\" \"p\" {\n"
      "  statement {\n    sid = \"Read\"\n    actions = [\"s3:GetObject\", \"s3:ListBucket\"]\n"
      "    resources = [\"*\"]\n"
      "    principals {\n      type = \"AWS\"\n      identifiers = [\"arn:aws:iam::1:root\"]\n    }\n"
      "    condition {\n      test = \"StringEquals\"\n      variable = \"aws:SourceVpc\"\n      values = [\"vpc-1\"]\n    }\n"
      "  }\n"
      "  statement {\n    effect = \"Deny\"\n    not_actions = [\"iam:*\"]\n    not_resources = [\"arn:x\"]\n"
      "    principals {\n      type = \"*\"\n      identifiers = [\"*\"]\n    }\n  }\n"
      "}\n"
      "resource \"aws_iam_policy\" \"x\" {\n  policy = data.aws_iam_policy_document.p.json\n}\n");
  const Value* policy = attr(unit, "aws_iam_policy.x", "policy");
  REQUIRE(policy);
  REQUIRE(policy->is_string());
  CHECK(policy->text.find("\"Version\":\"2012-10-17\"") != std::string::npos);
  REQUIRE(policy->decoded);
  const Value& doc = *policy->decoded;
  const Value* st = doc.get("Statement");
  REQUIRE(st);
  REQUIRE(st->items.size() == 2);
  const Value& s0 = st->items[0];
  CHECK(s0.get("Sid")->text == "Read");
  CHECK(s0.get("Effect")->text == "Allow");
  CHECK(s0.get("Action")->items.size() == 2);
  CHECK(s0.get("Action")->items[1].where.text() == "\"s3:ListBucket\"");
  CHECK(s0.get("Resource")->text == "*");  // one element: written as a string
  CHECK(s0.get("Resource")->where.text() == "\"*\"");
  CHECK(s0.at("Principal/AWS")->text == "arn:aws:iam::1:root");
  CHECK(s0.at("Condition/StringEquals/aws:SourceVpc")->text == "vpc-1");
  const Value& s1 = st->items[1];
  CHECK(s1.get("Effect")->text == "Deny");
  CHECK(s1.get("NotAction")->text == "iam:*");
  CHECK(s1.get("NotResource")->text == "arn:x");
  CHECK(s1.get("Principal")->text == "*");
  CHECK(policy->refs.size() == 1);
  CHECK(policy->refs[0].address == "data.aws_iam_policy_document.p");
}

TEST_CASE("policy document: source and override documents merge by Sid") {
  LoadedUnit unit = load_tf(
      "data \"aws_iam_policy_document\" \"base\" {\n"
      "  statement {\n    sid = \"A\"\n    actions = [\"a:base\"]\n  }\n"
      "  statement {\n    sid = \"B\"\n    actions = [\"b:base\"]\n  }\n}\n"
      "data \"aws_iam_policy_document\" \"merged\" {\n"
      "  source_policy_documents = [data.aws_iam_policy_document.base.json]\n"
      "  override_policy_documents = [<<EOT\n"
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"B\", \"Effect\": \"Deny\", \"Action\": \"b:override\"}]}\n"
      "EOT\n  ]\n"
      "  statement {\n    sid = \"A\"\n    actions = [\"a:current\"]\n  }\n"
      "  statement {\n    actions = [\"c:new\"]\n  }\n}\n");
  const Value* doc = decoded_policy(unit, "data.aws_iam_policy_document.merged", "json");
  REQUIRE(doc);
  const Value* st = doc->get("Statement");
  REQUIRE(st);
  REQUIRE(st->items.size() == 3);
  CHECK(st->items[0].get("Action")->text == "a:current");
  CHECK(st->items[1].get("Action")->text == "b:override");
  CHECK(st->items[1].get("Effect")->text == "Deny");
  // The override statement is positioned inside the heredoc where it is written.
  CHECK(st->items[1].get("Action")->where.text() == "\"b:override\"");
  CHECK(st->items[2].get("Action")->text == "c:new");
}

TEST_CASE("policy document: unknown resources keep the decoded statements") {
  LoadedUnit unit = load_tf(
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "data \"aws_iam_policy_document\" \"p\" {\n  statement {\n    actions = [\"s3:*\"]\n"
      "    resources = [\"${aws_s3_bucket.b.arn}/*\"]\n  }\n}\n");
  const Value* json = attr(unit, "data.aws_iam_policy_document.p", "json");
  REQUIRE(json);
  CHECK(json->is_unknown());
  REQUIRE(json->decoded);
  CHECK(json->decoded->at("Statement/0/Action")->text == "s3:*");
  CHECK(json->decoded->at("Statement/0/Resource")->is_unknown());
}

TEST_CASE("policy strings: JSON heredocs and jsonencode carry decoded documents") {
  LoadedUnit unit = load_tf(
      "resource \"aws_iam_policy\" \"heredoc\" {\n  policy = <<-EOF\n    {\n      \"Statement\": [{\"Effect\": \"Allow\", "
      "\"Action\": \"s3:*\", \"Resource\": \"*\"}]\n    }\n  EOF\n}\n"
      "resource \"aws_iam_policy\" \"interp\" {\n  policy = \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"${\"sqs:*\"}\\\"}]}\"\n}\n"
      "resource \"aws_iam_policy\" \"encoded\" {\n  policy = jsonencode({\n    Statement = [{ Action = \"kms:*\" }]\n  })\n}\n");
  const Value* heredoc = decoded_policy(unit, "aws_iam_policy.heredoc", "policy");
  REQUIRE(heredoc);
  CHECK(heredoc->at("Statement/0/Action")->text == "s3:*");
  CHECK(heredoc->at("Statement/0/Action")->where.text() == "\"s3:*\"");
  const Value* interp = decoded_policy(unit, "aws_iam_policy.interp", "policy");
  REQUIRE(interp);
  CHECK(interp->at("Statement/0/Action")->text == "sqs:*");
  const Value* encoded = decoded_policy(unit, "aws_iam_policy.encoded", "policy");
  REQUIRE(encoded);
  CHECK(encoded->at("Statement/0/Action")->where.text() == "\"kms:*\"");
}

TEST_CASE("policy strings: file() and templatefile()") {
  MemoryFiles files;
  files.add("root/main.tf",
            "resource \"aws_iam_policy\" \"f\" {\n  policy = file(\"${path.module}/policy.json\")\n}\n"
            "resource \"aws_iam_policy\" \"t\" {\n  policy = templatefile(\"${path.module}/policy.tpl\", "
            "{ bucket = \"logs\", actions = [\"s3:GetObject\", \"s3:PutObject\"] })\n}\n");
  files.add("root/policy.json", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sns:*\"}]}\n");
  files.add("root/policy.tpl",
            "{\n  \"Statement\": [{\n    \"Action\": ${jsonencode(actions)},\n"
            "    \"Resource\": \"arn:aws:s3:::${bucket}/*\"%{ if bucket != \"\" },\n    \"Sid\": \"x\"%{ endif }\n  }]\n}\n");
  LoadedUnit unit = load(files);
  const Value* t = attr(unit, "aws_iam_policy.t", "policy");
  REQUIRE(t);
  REQUIRE(t->is_string());
  CHECK(t->text.find("arn:aws:s3:::logs/*") != std::string::npos);
  REQUIRE(t->decoded);
  CHECK(t->decoded->at("Statement/0/Resource")->text == "arn:aws:s3:::logs/*");
  CHECK(t->decoded->at("Statement/0/Sid")->text == "x");
  const Value* f = attr(unit, "aws_iam_policy.f", "policy");
  REQUIRE(f);
  CHECK(f->text.find("sns:*") != std::string::npos);
}

TEST_CASE("data template_file renders its template with vars") {
  LoadedUnit unit = load_tf(
      "data \"template_file\" \"t\" {\n  template = \"{\\\"Action\\\": \\\"$${action}\\\"}\"\n  vars = { action = \"s3:*\" }\n}\n"
      "resource \"aws_iam_policy\" \"p\" {\n  policy = data.template_file.t.rendered\n}\n");
  const Value* p = attr(unit, "aws_iam_policy.p", "policy");
  REQUIRE(p);
  CHECK(p->text == "{\"Action\": \"s3:*\"}");
  REQUIRE(p->decoded);
  CHECK(p->decoded->get("Action")->text == "s3:*");
}
