// Plan values borrow the positions of the sources that produced them, only where they agree.
#include <doctest/doctest.h>

#include "terraform/plan/source_alignment.h"

using namespace eph;

namespace {

struct Files {
  SourceFile plan{"plan.json", std::string(400, ' ')};
  SourceFile tf{"main.tf", std::string(400, ' ')};
  Range in_plan(uint32_t at) const { return Range{&plan, at, at + 5}; }
  Range in_tf(uint32_t at) const { return Range{&tf, at, at + 5}; }
};

Value block(const Files& f, const char* port, const char* cidr, uint32_t tf_at) {
  Value b = Value::map(f.in_tf(tf_at));
  b.set("from_port", Value::string_of(port, f.in_tf(tf_at + 10)));
  b.set("cidr", Value::string_of(cidr, f.in_tf(tf_at + 20)));
  return b;
}

}  // namespace

TEST_CASE("plan alignment: equal values take the source position, different ones keep the plan's") {
  Files f;
  Value planned = Value::map(f.in_plan(0));
  planned.set("bucket", Value::string_of("orders", f.in_plan(10)));
  planned.set("acl", Value::string_of("public-read", f.in_plan(20)));
  planned.set("force_destroy", Value::boolean_of(false, f.in_plan(30)));  // a provider default
  planned.set("arn", Value::unknown(f.in_plan(40), "known after apply"));

  Value source = Value::map(f.in_tf(0));
  source.set("bucket", Value::string_of("orders", f.in_tf(100)), f.in_tf(90));
  source.set("acl", Value::string_of("private", f.in_tf(120)));
  Value arn = Value::unknown(f.in_tf(140), "computed");
  arn.refs.push_back(Ref{"aws_kms_key.k", "arn", f.in_tf(140)});
  source.set("arn", arn);

  terraform::plan::align_with_source(planned, source);
  CHECK(planned.get("bucket")->where.file == &f.tf);
  CHECK(planned.get("bucket")->where.begin == 100);
  CHECK(planned.field("bucket")->key_range.begin == 90);
  CHECK(planned.get("acl")->where.file == &f.plan);  // the plan says otherwise: the plan wins
  CHECK(planned.get("acl")->text == "public-read");
  CHECK(planned.get("force_destroy")->where.file == &f.plan);
  CHECK(planned.get("arn")->is_unknown());
  CHECK(planned.get("arn")->where.begin == 140);
  REQUIRE(planned.get("arn")->refs.size() == 1);
  CHECK(planned.get("arn")->refs[0].address == "aws_kms_key.k");
}

TEST_CASE("plan alignment: reordered set elements pair with the block they came from") {
  Files f;
  Value planned = Value::list(f.in_plan(0));
  Value p1 = Value::map(f.in_plan(50));
  p1.set("from_port", Value::string_of("443", f.in_plan(60)));
  p1.set("cidr", Value::string_of("0.0.0.0/0", f.in_plan(70)));
  p1.set("description", Value::string_of("", f.in_plan(80)));
  Value p0 = Value::map(f.in_plan(100));
  p0.set("from_port", Value::string_of("22", f.in_plan(110)));
  p0.set("cidr", Value::string_of("10.0.0.0/8", f.in_plan(120)));
  planned.items = {p1, p0};

  Value source = Value::list(f.in_tf(0));
  source.items = {block(f, "22", "10.0.0.0/8", 200), block(f, "443", "0.0.0.0/0", 300)};
  terraform::plan::align_with_source(planned, source);
  CHECK(planned.items[0].get("cidr")->where.begin == 320);
  CHECK(planned.items[0].where.begin == 300);
  CHECK(planned.items[0].get("description")->where.file == &f.plan);
  CHECK(planned.items[1].get("cidr")->where.begin == 220);
}

TEST_CASE("plan alignment: a jsonencode'd policy keeps the document written in the HCL") {
  Files f;
  auto doc = std::make_shared<Value>(Value::map(f.in_tf(10)));
  doc->set("Version", Value::string_of("2012-10-17", f.in_tf(20)));
  Value source = Value::map();
  Value src_policy = Value::string_of(R"({"Version":"2012-10-17"})", f.in_tf(5));
  src_policy.decoded = doc;
  source.set("policy", src_policy);

  Value planned = Value::map();
  planned.set("policy", Value::string_of(R"({"Version":"2012-10-17"})", f.in_plan(0)));
  terraform::plan::align_with_source(planned, source);
  REQUIRE(planned.get("policy")->decoded);
  CHECK(planned.get("policy")->decoded->get("Version")->where.file == &f.tf);

  // A policy that differs from the sources keeps the plan's text and position.
  Value other = Value::map();
  other.set("policy", Value::string_of(R"({"Version":"2008-10-17"})", f.in_plan(0)));
  terraform::plan::align_with_source(other, source);
  CHECK_FALSE(other.get("policy")->decoded);
  CHECK(other.get("policy")->where.file == &f.plan);
}
