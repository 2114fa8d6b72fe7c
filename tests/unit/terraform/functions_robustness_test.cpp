// Every built-in against awkward arguments: no crash, no hang, and a value for every call.
#include <chrono>

#include "function_test_support.h"

using namespace eph;
using eph::test::Harness;

TEST_CASE("robustness: every function takes any arguments without crashing") {
  std::vector<Value> samples = {
      Value::null(),
      Value::unknown(),
      terraform::evaluation_error({}, "x"),
      Value::string_of(""),
      Value::string_of("a,b/c*[{"),
      Value::string_of("10.0.0.0/8"),
      Value::string_of("\xff\xfe"),
      Value::number_of(-1),
      Value::number_of(1e300),
      Value::number_of(0.5),
      Value::boolean_of(true),
      test::json_value(R"([1, "a", null, [2], {"k": "$unknown"}])"),
      test::json_value(R"({"a": {"b": ["$error"]}, "c": "d"})"),
      Value::list(),
      Value::map(),
  };
  auto start = std::chrono::steady_clock::now();
  size_t calls = 0;
  for (auto name : terraform::builtin_function_names()) {
    Harness h;
    h.fs.files["/repo/app/a,b/c*[{"] = "x";
    h.ctx.render_template = [](const SourceFilePtr&, const Value&) { return Value::string_of("rendered"); };
    auto check = [&](std::vector<Value> args) {
      auto r = terraform::call_function(name, std::move(args), h.ctx);
      REQUIRE_MESSAGE(r.has_value(), name);
      ++calls;
    };
    check({});
    for (const auto& a : samples) {
      check({a});
      for (const auto& b : samples) {
        check({a, b});
        for (size_t k = 0; k < samples.size(); k += 3) check({a, b, samples[k]});
      }
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE(calls << " calls in " << seconds << " s");
  CHECK(seconds < 60);
}

TEST_CASE("robustness: the function list covers the documented set") {
  auto names = terraform::builtin_function_names();
  for (const char* required :
       {"jsonencode", "jsondecode", "yamlencode", "yamldecode", "merge", "concat", "flatten", "lookup", "element",
        "index", "length", "keys", "values", "contains", "distinct", "format", "formatlist", "join", "split",
        "replace", "lower", "upper", "title", "trimspace", "trim", "trimprefix", "trimsuffix", "substr",
        "startswith", "endswith", "strcontains", "regex", "regexall", "try", "can", "coalesce", "coalescelist",
        "compact", "tostring", "tonumber", "tobool", "tolist", "toset", "tomap", "zipmap", "range", "slice", "sort",
        "reverse", "setunion", "setintersection", "one", "sum", "min", "max", "abs", "ceil", "floor", "parseint",
        "cidrsubnet", "cidrsubnets", "cidrhost", "cidrnetmask", "file", "filebase64", "fileexists", "templatefile",
        "base64encode", "base64decode", "md5", "sha1", "sha256", "uuid", "timestamp", "abspath", "dirname",
        "basename", "pathexpand"}) {
    CHECK_MESSAGE(std::binary_search(names.begin(), names.end(), std::string_view(required)), required);
  }
}

TEST_CASE("robustness: a small input cannot multiply into a huge result") {
  Harness h;
  std::string mb(1 << 20, 'a');
  Value r = h.call("replace", {Value::string_of(mb), Value::string_of(""), Value::string_of(std::string(64, 'x'))});
  CHECK(r.is_unknown());
  Value s = h.call("split", {Value::string_of(""), Value::string_of(mb)});
  CHECK(s.is_unknown());
  Value i = h.call("indent", {Value::number_of(1024), Value::string_of(std::string(1 << 16, '\n'))});
  CHECK(i.is_unknown());
  Value all = h.call("regexall", {Value::string_of("a"), Value::string_of(std::string(200'000, 'a'))});
  CHECK(all.is_unknown());
  REQUIRE(h.diagnostics.size() == 4);
  for (const auto& d : h.diagnostics) CHECK(d.kind == Diagnostic::Kind::LimitReached);
}

TEST_CASE("robustness: deduplicating long lists stays fast") {
  Harness h;
  Value list = Value::list();
  // 200k elements: a quadratic scan would need minutes, hashing well under a second.
  for (int i = 0; i < 200'000; ++i) list.items.push_back(Value::string_of("item-" + std::to_string(i % 100'000)));
  auto start = std::chrono::steady_clock::now();
  CHECK(h.call("distinct", {list}).items.size() == 100'000);
  CHECK(h.call("toset", {list}).items.size() == 100'000);
  CHECK(h.call("setintersection", {list, list}).items.size() == 100'000);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 30);
}
