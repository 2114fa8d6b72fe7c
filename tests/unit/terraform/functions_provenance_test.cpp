// Where function results point, and how marks and refs travel through them.
#include "function_test_support.h"

using namespace eph;
using eph::test::Harness;

namespace {

// Values written in a small HCL file, so that each has a real position.
struct Written {
  SourceFile file{"vars.tf", "default = \"alpha\"  other = \"beta\"  key = \"k\""};
  Value alpha() const { return Value::string_of("alpha", Range{&file, 10, 17}); }
  Value beta() const { return Value::string_of("beta", Range{&file, 27, 33}); }
};

Ref ref(std::string address, std::string attribute) { return Ref{std::move(address), std::move(attribute), {}}; }

}  // namespace

TEST_CASE("provenance: values passed through keep where they were written") {
  Harness h;
  Written w;
  Value list = Value::list();
  list.items = {w.alpha(), w.beta()};
  Value e = h.call("element", {list, Value::number_of(1)});
  CHECK(e.text == "beta");
  CHECK(e.where.begin == 27);

  Value m = Value::map();
  m.set("a", w.alpha(), Range{&w.file, 0, 7});
  Value found = h.call("lookup", {m, Value::string_of("a"), w.beta()});
  CHECK(found.where.begin == 10);
  Value fallback = h.call("lookup", {m, Value::string_of("zz"), w.beta()});
  CHECK(fallback.where.begin == 27);

  Value first = h.call("coalesce", {Value::null(), w.alpha()});
  CHECK(first.where.begin == 10);
  Value tried = h.call("try", {terraform::evaluation_error({}, "missing"), w.beta()});
  CHECK(tried.where.begin == 27);

  // Keys are written where their fields are.
  Value ks = h.call("keys", {m});
  REQUIRE(ks.items.size() == 1);
  CHECK(ks.items[0].where.begin == 0);

  // Trimming nothing is passing through.
  CHECK(h.call("trimspace", {w.alpha()}).where.begin == 10);
}

TEST_CASE("provenance: computed values point at the call") {
  Harness h;
  Written w;
  Value upper = h.call("upper", {w.alpha()});
  CHECK(upper.text == "ALPHA");
  CHECK(upper.where.file == h.ctx.call.file);
  CHECK(upper.where.begin == h.ctx.call.begin);
  Value list = Value::list();
  list.items = {w.alpha(), w.beta()};
  Value joined = h.call("join", {Value::string_of(","), list});
  CHECK(joined.where.begin == h.ctx.call.begin);
  // merge builds a new map at the call; its entries keep their own positions.
  Value a = Value::map(), b = Value::map();
  a.set("x", w.alpha());
  b.set("y", w.beta());
  Value merged = h.call("merge", {a, b});
  CHECK(merged.where.begin == h.ctx.call.begin);
  CHECK(merged.get("x")->where.begin == 10);
  CHECK(merged.get("y")->where.begin == 27);
}

TEST_CASE("provenance: marks and refs flow into results") {
  Harness h;
  Written w;
  Value secret = w.alpha();
  secret.marks = kSensitive;
  secret.refs.push_back(ref("aws_secretsmanager_secret_version.db", "secret_string"));
  Value plain = w.beta();
  plain.refs.push_back(ref("aws_iam_role.exec", "arn"));

  Value up = h.call("upper", {secret});
  CHECK(up.has_mark(kSensitive));
  REQUIRE(up.refs.size() == 1);
  CHECK(up.refs[0].address == "aws_secretsmanager_secret_version.db");

  Value f = h.call("format", {Value::string_of("%s:%s"), secret, plain});
  CHECK(f.has_mark(kSensitive));
  CHECK(f.refs.size() == 2);

  // A list holding a secret joins into a secret string.
  Value list = Value::list();
  list.items = {plain, secret};
  Value joined = h.call("join", {Value::string_of(","), list});
  CHECK(joined.has_mark(kSensitive));
  CHECK(joined.refs.size() == 2);

  // An element taken from a sensitive collection is sensitive.
  Value marked_list = list;
  marked_list.marks = kSensitive;
  Value e = h.call("element", {marked_list, Value::number_of(0)});
  CHECK(e.has_mark(kSensitive));
  CHECK(e.where.begin == 27);

  // Unknown results keep the edges too: the value still derives from those resources.
  Value unknown_arn = Value::unknown({}, "after apply");
  unknown_arn.refs.push_back(ref("aws_s3_bucket.data", "arn"));
  Value u = h.call("format", {Value::string_of("%s/*"), unknown_arn});
  CHECK(u.is_unknown());
  REQUIRE(u.refs.size() == 1);
  CHECK(u.refs[0].attribute == "arn");

  // sensitive() and nonsensitive() set and clear the mark all the way down.
  Value m = Value::map();
  m.set("password", w.alpha());
  Value s = h.call("sensitive", {m});
  CHECK(s.get("password")->has_mark(kSensitive));
  CHECK(h.call("issensitive", {s}).boolean);
  Value ns = h.call("nonsensitive", {s});
  CHECK_FALSE(ns.get("password")->has_mark(kSensitive));
}

TEST_CASE("provenance: jsonencode keeps the encoded document with its positions") {
  Harness h;
  Written w;
  Value statement = Value::map();
  statement.set("Effect", w.alpha(), Range{&w.file, 0, 7});
  Value arn = Value::unknown({}, "after apply");
  arn.refs.push_back(ref("aws_s3_bucket.data", "arn"));
  statement.set("Resource", arn);
  Value doc = Value::map();
  Value statements = Value::list();
  statements.items.push_back(statement);
  doc.set("Statement", statements);

  Value encoded = h.call("jsonencode", {doc});
  // The text depends on an ARN known only after apply; the document is still there.
  CHECK(encoded.is_unknown());
  REQUIRE(encoded.decoded);
  const Value* effect = encoded.decoded->at("Statement/0/Effect");
  REQUIRE(effect);
  CHECK(effect->text == "alpha");
  CHECK(effect->where.begin == 10);
  REQUIRE(encoded.refs.size() == 1);
  CHECK(encoded.refs[0].address == "aws_s3_bucket.data");

  // Fully known: the text is Terraform's (keys sorted) and the document is kept as well.
  Value known = Value::map();
  known.set("b", Value::number_of(1));
  known.set("a", w.alpha());
  Value text = h.call("jsonencode", {known});
  CHECK(text.text == R"({"a":"alpha","b":1})");
  REQUIRE(text.decoded);
  CHECK(text.decoded->get("a")->where.begin == 10);

  // jsondecode of an encoded value returns the document with its original positions.
  Value back = h.call("jsondecode", {text});
  CHECK(back.get("a")->where.begin == 10);
  Value back_unknown = h.call("jsondecode", {encoded});
  CHECK(back_unknown.at("Statement/0/Effect")->where.begin == 10);
}

TEST_CASE("provenance: jsondecode of a heredoc points into the file") {
  SourceFile tf("policy.tf", "policy = <<EOF\n{\"Version\": \"2012-10-17\", \"Statement\": []}\nEOF\n");
  std::string body = "{\"Version\": \"2012-10-17\", \"Statement\": []}\n";
  // The evaluator positions a heredoc's string over the heredoc; the content stands verbatim in it.
  Value heredoc = Value::string_of(body, Range{&tf, 9, static_cast<uint32_t>(tf.text().size())});
  Harness h;
  Value doc = h.call("jsondecode", {heredoc});
  const Value* version = doc.get("Version");
  REQUIRE(version);
  CHECK(version->where.file == &tf);
  CHECK(version->where.text() == "\"2012-10-17\"");

  // An evaluated string (not verbatim anywhere) decodes with every position at its origin.
  Value computed = Value::string_of("{\"a\": 1}", Range{&tf, 0, 6});
  Value d = h.call("jsondecode", {computed});
  CHECK(d.get("a")->where.begin == 0);
  CHECK(d.get("a")->where.end == 6);
}
