// Every suppression form: inline comments (# and //, same line, line above, stacked,
// resource declaration), CloudFormation Metadata, other scanners' skips, expiry, invalid
// and unused suppressions, through collect_suppressions/apply_suppressions and check_unit.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/analyzer.h"
#include "engine/suppressions.h"

using namespace eph;

namespace {

struct Fixture {
  LoadedUnit unit;
  std::shared_ptr<SourceFile> file;

  explicit Fixture(std::string text, std::string path = "main.tf") {
    file = std::make_shared<SourceFile>(path, std::move(text));
    unit.name = path;
    unit.files.push_back(file);
  }
  // The range of the first occurrence of `needle`.
  Range at(std::string_view needle, size_t from = 0) const {
    size_t pos = file->text().find(needle, from);
    REQUIRE(pos != std::string::npos);
    return Range{file.get(), static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
  }
  NativeResource& resource(std::string address, std::string_view declaration, std::string_view body_text = {}) {
    NativeResource r;
    r.address = std::move(address);
    r.declaration = at(declaration);
    r.body = Value::map(r.declaration);
    if (!body_text.empty()) r.body.set("x", Value::string_of("v", at(body_text)));
    r.meta = Value::map();
    unit.resources.push_back(std::move(r));
    return unit.resources.back();
  }
  Finding finding(std::string rule, std::string_view needle, std::string resource = {}) const {
    Finding f;
    f.rule_id = std::move(rule);
    f.range = at(needle);
    f.resource = std::move(resource);
    f.message = "m";
    return f;
  }
  std::vector<Finding> run(std::vector<Finding> findings, bool foreign = true) {
    suppressions = collect_suppressions(unit, SuppressionOptions{foreign, "2026-06-01"});
    apply_suppressions(suppressions, findings);
    return findings;
  }
  std::vector<Suppression> suppressions;
};

Value str(std::string s) { return Value::string_of(std::move(s)); }

Value entry(std::vector<std::pair<std::string, std::string>> kv, Range where = {}) {
  Value m = Value::map(where);
  for (auto& [k, v] : kv) m.set(k, str(v));
  return m;
}

Value list_of(std::vector<Value> items) {
  Value l = Value::list();
  l.items = std::move(items);
  return l;
}

}  // namespace

TEST_CASE("directive: ids, slugs, reason and until") {
  Suppression s = parse_ignore_directive(R"( EPH000,EPH002 parse-error reason="rotated \"nightly\"" until=2027-03-31)");
  CHECK(s.problem.empty());
  CHECK(s.rule_ids == std::vector<std::string>{"EPH000", "EPH002", "EPH000"});
  CHECK(s.reason == "rotated \"nightly\"");
  CHECK(s.until == "2027-03-31");
  CHECK(parse_ignore_directive(" EPH000 reason='single quotes'").reason == "single quotes");
  CHECK(parse_ignore_directive(" EPH000").problem.find("no reason") != std::string::npos);
  CHECK(parse_ignore_directive(" EPH000 reason=\"  \"").problem.find("no reason") != std::string::npos);
  CHECK(parse_ignore_directive(" EPH999 reason=x").problem.find("unknown rule 'EPH999'") != std::string::npos);
  CHECK(parse_ignore_directive(" EPH000 reason=x until=2027-13-01").problem.find("not a date") != std::string::npos);
  CHECK(parse_ignore_directive(" EPH000 reason=\"open").problem.find("unterminated") != std::string::npos);
  CHECK(parse_ignore_directive(" reason=x").problem.find("no rule named") != std::string::npos);
  CHECK(parse_ignore_directive(" EPH000 reason=x # expect: EPH002").problem.empty());
}

TEST_CASE("inline comment on the finding's line and on the line above") {
  Fixture fx(
      "a = 1 # ephemera:ignore EPH000 reason=\"same line\"\n"
      "# ephemera:ignore EPH000 reason=\"line above\"\n"
      "b = 2\n"
      "c = 3\n"
      "// ephemera:ignore EPH000 reason=\"slashes\"\n"
      "d = 4\n");
  auto out = fx.run({fx.finding("EPH000", "a = 1"), fx.finding("EPH000", "b = 2"), fx.finding("EPH000", "c = 3"),
                     fx.finding("EPH000", "d = 4"), fx.finding("EPH002", "b = 2")});
  CHECK(out[0].suppressed);
  CHECK(out[0].justification == "same line");
  CHECK(out[0].suppressed_in_source);
  CHECK(out[0].suppression.find("ephemera:ignore EPH000 at main.tf:1") != std::string::npos);
  CHECK(out[1].suppressed);
  CHECK_FALSE(out[2].suppressed);  // two lines below: not covered
  CHECK(out[3].suppressed);
  CHECK_FALSE(out[4].suppressed);  // another rule
}

TEST_CASE("stacked comments above one line each apply to it") {
  Fixture fx(
      "# ephemera:ignore EPH000 reason=\"first\"\n"
      "# ephemera:ignore EPH002 reason=\"second\"\n"
      "x = 1\n");
  auto out = fx.run({fx.finding("EPH000", "x = 1"), fx.finding("EPH002", "x = 1")});
  CHECK(out[0].suppressed);
  CHECK(out[1].suppressed);
  CHECK(fx.suppressions[0].matched == 1);
  CHECK(fx.suppressions[1].matched == 1);
}

TEST_CASE("a comment on or above a resource's declaration covers the whole resource") {
  Fixture fx(
      "# ephemera:ignore EPH000 reason=\"whole resource\"\n"
      "resource \"t\" \"api\" {\n"
      "  env = \"deep inside\"\n"
      "}\n"
      "resource \"t\" \"other\" { # ephemera:ignore EPH002 reason=\"trailing on the header\"\n"
      "  env = \"also deep\"\n"
      "}\n"
      "resource \"t\" \"free\" {\n"
      "  env = \"not covered\"\n"
      "}\n");
  fx.resource("t.api[\"a\"]", "resource \"t\" \"api\" {", "\"deep inside\"");
  fx.resource("t.other", "resource \"t\" \"other\" {", "\"also deep\"");
  fx.resource("t.free", "resource \"t\" \"free\" {", "\"not covered\"");
  auto out = fx.run({fx.finding("EPH000", "\"deep inside\"", "t.api[\"a\"]"),
                     fx.finding("EPH000", "\"deep inside\""),  // no resource given: the extent decides
                     fx.finding("EPH002", "\"also deep\"", "t.other"),
                     fx.finding("EPH000", "\"not covered\"", "t.free")});
  CHECK(out[0].suppressed);
  CHECK(out[1].suppressed);
  CHECK(out[2].suppressed);
  CHECK_FALSE(out[3].suppressed);
}

TEST_CASE("expired suppressions stop suppressing; future ones still do") {
  Fixture fx(
      "# ephemera:ignore EPH000 reason=\"old\" until=2026-05-31\n"
      "a = 1\n"
      "# ephemera:ignore EPH000 reason=\"today counts\" until=2026-06-01\n"
      "b = 2\n");
  auto out = fx.run({fx.finding("EPH000", "a = 1"), fx.finding("EPH000", "b = 2")});
  CHECK_FALSE(out[0].suppressed);
  CHECK(fx.suppressions[0].expired);
  CHECK(out[1].suppressed);
  CHECK_FALSE(fx.suppressions[1].expired);
}

TEST_CASE("a suppression without a reason does not suppress") {
  Fixture fx("# ephemera:ignore EPH000\na = 1\n");
  auto out = fx.run({fx.finding("EPH000", "a = 1")});
  CHECK_FALSE(out[0].suppressed);
  REQUIRE(fx.suppressions.size() == 1);
  CHECK_FALSE(fx.suppressions[0].problem.empty());
}

TEST_CASE("text that is not in a comment is not a suppression") {
  Fixture fx("doc = \"ephemera:ignore EPH000 reason=x\"\nnote = \"ephemera:ignored\" # ephemera:ignored\n");
  fx.run({});
  CHECK(fx.suppressions.empty());
}

TEST_CASE("CloudFormation Metadata: ephemera.ignore entries cover the resource") {
  Fixture fx(
      "Resources:\n"
      "  Api:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Metadata: {ephemera: {ignore: [{id: EPH000, reason: bounded upstream}, {id: EPH002}]}}\n"
      "    Properties: {Handler: main}\n"
      "  Other:\n"
      "    Type: AWS::Serverless::Function\n",
      "template.yaml");
  NativeResource& api = fx.resource("Api", "Api:", "main");
  Value ignore = list_of({entry({{"id", "EPH000"}, {"reason", "bounded upstream"}}, fx.at("{id: EPH000")),
                          entry({{"id", "EPH002"}}, fx.at("{id: EPH002}"))});
  Value eph = Value::map();
  eph.set("ignore", ignore);
  api.meta.set("ephemera", eph);
  fx.resource("Other", "Other:");
  auto out = fx.run({fx.finding("EPH000", "main", "Api"), fx.finding("EPH002", "main", "Api"),
                     fx.finding("EPH000", "Other:", "Other")});
  CHECK(out[0].suppressed);
  CHECK(out[0].justification == "bounded upstream");
  CHECK_FALSE(out[1].suppressed);  // its entry has no reason
  CHECK_FALSE(out[2].suppressed);
  REQUIRE(fx.suppressions.size() == 2);
  CHECK(fx.suppressions[1].problem.find("no reason") != std::string::npos);
  CHECK(fx.suppressions[1].where.begin == fx.at("{id: EPH002}").begin);
}

TEST_CASE("other scanners' comment skips map one to one and say which tool applied") {
  Fixture fx(
      "resource \"aws_lambda_function\" \"f\" {\n"
      "  #checkov:skip=CKV_AWS_115:bounded by the queue\n"
      "  function_name = \"f\"\n"
      "  environment { variables = { K = \"secret-value\" } } # tfsec:ignore:aws-lambda-restrict-source-arn\n"
      "}\n"
      "#trivy:ignore:AVD-AWS-0004:exp:2026-01-01\n"
      "m = \"method\"\n"
      "#checkov:skip=CKV_AWS_999:no such mapping\n"
      "n = \"unmapped\"\n");
  fx.resource("aws_lambda_function.f", "resource \"aws_lambda_function\" \"f\" {", "\"secret-value\"");
  auto findings = std::vector<Finding>{
      fx.finding("EPH401", "resource \"aws_lambda_function\" \"f\" {", "aws_lambda_function.f"),
      fx.finding("EPH602", "\"secret-value\""), fx.finding("EPH301", "\"secret-value\""),
      fx.finding("EPH603", "\"method\""), fx.finding("EPH401", "\"unmapped\"")};
  auto out = fx.run(findings);
  CHECK(out[0].suppressed);  // checkov skip inside the block covers the resource
  CHECK(out[0].suppression.find("checkov suppression of CKV_AWS_115 (maps to EPH401)") != std::string::npos);
  CHECK(out[0].justification == "bounded by the queue");
  CHECK(out[1].suppressed);  // tfsec on the same line
  CHECK(out[1].suppression.find("tfsec") != std::string::npos);
  CHECK_FALSE(out[2].suppressed);  // tfsec's id maps to EPH602, not EPH301
  CHECK_FALSE(out[3].suppressed);  // trivy's skip expired
  CHECK_FALSE(out[4].suppressed);  // an id ephemera has no counterpart for is ignored
  CHECK(fx.suppressions.size() == 3);

  auto off = fx.run(findings, /*foreign=*/false);
  CHECK(std::none_of(off.begin(), off.end(), [](const Finding& f) { return f.suppressed; }));
}

TEST_CASE("CloudFormation Metadata of cfn_nag, cfn-lint and checkov") {
  Fixture fx(
      "Resources:\n"
      "  Fn:\n"
      "    Type: AWS::Lambda::Function\n"
      "    Properties: {Handler: main}\n",
      "template.yaml");
  NativeResource& fn = fx.resource("Fn", "Fn:", "main");
  Value nag = Value::map();
  nag.set("rules_to_suppress", list_of({entry({{"id", "W92"}, {"reason", "bounded upstream"}})}));
  fn.meta.set("cfn_nag", nag);
  Value lint_config = Value::map();
  lint_config.set("ignore_checks", list_of({str("E0000"), str("W3005")}));
  Value lint = Value::map();
  lint.set("config", lint_config);
  fn.meta.set("cfn-lint", lint);
  Value checkov = Value::map();
  checkov.set("skip", list_of({entry({{"id", "CKV_AWS_45"}, {"comment", "test key"}})}));
  fn.meta.set("checkov", checkov);
  auto out = fx.run({fx.finding("EPH401", "Fn:", "Fn"), fx.finding("EPH000", "main", "Fn"),
                     fx.finding("EPH301", "main", "Fn"), fx.finding("EPH602", "main", "Fn")});
  CHECK(out[0].suppression.find("cfn_nag suppression of W92") != std::string::npos);
  CHECK(out[1].suppression.find("cfn-lint suppression of E0000") != std::string::npos);
  CHECK(out[2].suppression.find("checkov suppression of CKV_AWS_45") != std::string::npos);
  CHECK(out[2].justification == "test key");
  CHECK_FALSE(out[3].suppressed);
}

TEST_CASE("check_unit: suppressed EPH000, unused and invalid suppressions become EPH002 and EPH003") {
  Fixture fx(
      "# ephemera:ignore EPH000 reason=\"generated file, fixed upstream\"\n"
      "broken {\n"
      "# ephemera:ignore EPH000 reason=\"nothing to suppress here\"\n"
      "ok = 1\n"
      "# ephemera:ignore EPH000\n"
      "also_ok = 2\n");
  fx.unit.diagnostics.push_back(Diagnostic{Diagnostic::Kind::ParseError, fx.at("broken {"), "unclosed block"});
  Config config;
  config.today = "2026-06-01";
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  check_unit(fx.unit, config, findings, errors);
  CHECK(errors.empty());
  REQUIRE(findings.size() == 3);
  auto by_rule = [&](std::string_view id) {
    return std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule_id == id; });
  };
  REQUIRE(by_rule("EPH000") != findings.end());
  CHECK(by_rule("EPH000")->suppressed);
  REQUIRE(by_rule("EPH002") != findings.end());
  CHECK(to_location(by_rule("EPH002")->range).line == 3);
  REQUIRE(by_rule("EPH003") != findings.end());
  CHECK(to_location(by_rule("EPH003")->range).line == 5);

  SUBCASE("a rule turned off in the configuration silences its own findings") {
    config.rules["EPH002"].enabled = false;
    findings.clear();
    check_unit(fx.unit, config, findings, errors);
    CHECK(by_rule("EPH002") == findings.end());
  }
  SUBCASE("--severity does not turn a suppression of a filtered finding into an unused one") {
    config.min_severity = Severity::Low;
    config.rules["EPH000"].severity = Severity::Info;
    findings.clear();
    check_unit(fx.unit, config, findings, errors);
    CHECK(by_rule("EPH000") == findings.end());
    REQUIRE(by_rule("EPH002") != findings.end());
    CHECK(to_location(by_rule("EPH002")->range).line == 3);  // only the truly unused one
  }
}
