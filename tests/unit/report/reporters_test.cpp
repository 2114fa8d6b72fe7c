// Golden tests: every reporter's exact output for one result that exercises related
// locations, a fix, in-source and external suppressions, input errors, a secret to mask
// and characters each format must escape. Set EPHEMERA_UPDATE_GOLDEN=1 to rewrite the golden files
// after an intended change (and review the diff). The SARIF golden file is also checked
// by the official validator (ctest sarif-validate).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <set>

#include "registry/rule_registry.h"
#include "report/reporter.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

const char* kMain =
    "resource \"aws_lambda_function\" \"api\" {\n"
    "  function_name = \"api\"\n"
    "  environment {\n"
    "    variables = { DB_PASSWORD = \"hunter2 <&> \\\"x\\\"\" }\n"
    "  }\n"
    "}\n";

const char* kTemplate =
    "Resources:\n"
    "  Queue:\n"
    "    Type: AWS::SQS::Queue\n"
    "    Type: AWS::SNS::Topic\n";

Range find(const SourceFilePtr& f, std::string_view needle) {
  size_t pos = f->text().find(needle);
  REQUIRE(pos != std::string::npos);
  return Range{f.get(), static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

AnalysisResult sample_result() {
  AnalysisResult r;
  auto main = std::make_shared<SourceFile>("/src/project/modules/api dir/main.tf", kMain);
  auto tmpl = std::make_shared<SourceFile>("/src/project/template.yaml", kTemplate);
  r.files = {main, tmpl};
  r.files_analyzed = 3;

  Finding parse;
  parse.rule_id = "EPH000";
  parse.severity = Severity::High;
  parse.range = find(tmpl, "Type: AWS::SNS::Topic");
  parse.message = "duplicate key 'Type' (first at line 3): CloudFormation rejects the template";
  parse.resource = "Queue";
  parse.related.push_back({find(tmpl, "Type: AWS::SQS::Queue"), "first 'Type' here"});
  parse.fix = Fix{"remove the duplicate key", {TextEdit{find(tmpl, "    Type: AWS::SNS::Topic\n"), ""}}};
  parse.fingerprint = "00000000000000a1";

  Finding unused;
  unused.rule_id = "EPH002";
  unused.severity = Severity::Low;
  unused.range = find(main, "function_name = \"api\"");
  unused.message = "unused suppression: no EPH002 finding here";
  unused.resource = "aws_lambda_function.api";
  unused.fingerprint = "00000000000000b2";
  unused.suppressed = true;
  unused.suppression = "ephemera:ignore EPH002 at main.tf:1";
  unused.justification = "kept for the migration";

  Finding baselined;
  baselined.rule_id = "EPH003";
  baselined.severity = Severity::Medium;
  baselined.range = find(main, "\"hunter2 <&> \\\"x\\\"\"");
  baselined.message = "value <&> \"quoted\"";
  baselined.fingerprint = "00000000000000c3";
  baselined.suppressed = true;
  baselined.suppressed_in_source = false;
  baselined.suppression = "baseline .ephemera-baseline.json";
  baselined.justification = "present when the baseline was recorded";

  Finding active;
  active.rule_id = "EPH003";
  active.severity = Severity::Low;
  active.range = find(main, "resource \"aws_lambda_function\" \"api\" {");
  active.message = "invalid suppression, 50% sure: a,b:c\nsecond line";
  active.resource = "aws_lambda_function.api";
  active.fingerprint = "00000000000000d4";

  r.findings = {parse, unused, baselined, active};
  // The password is a secret, as EPH301 would report it: every format masks it.
  r.secrets.push_back(SecretValue{find(main, "hunter2 <&> \\\"x\\\""), "hunter2 <&> \"x\""});
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.range.file->path() != b.range.file->path()) return a.range.file->path() < b.range.file->path();
    return a.range.begin < b.range.begin;
  });
  r.suppressed = 2;
  r.errors.push_back({"/src/project/unreadable.tf", "cannot read file: permission denied"});
  return r;
}

void check_golden(const std::string& name, std::string actual) {
  // Documentation links name the release's tag: the golden files hold a placeholder, so a
  // new version does not change them.
  const std::string docs(rule_docs_base_url()), placeholder = std::string(repository_url()) + "/blob/vVERSION";
  for (size_t at = actual.find(docs); at != std::string::npos; at = actual.find(docs, at + placeholder.size()))
    actual.replace(at, docs.size(), placeholder);
  fs::path golden = fs::path(EPHEMERA_SOURCE_DIR) / "tests/unit/report/golden" / name;
  const char* update = std::getenv("EPHEMERA_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << golden << " (run with EPHEMERA_UPDATE_GOLDEN=1)");
  std::ostringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}

std::string render(ReportFormat format, bool show_suppressed) {
  ReportOptions options;
  options.version = "0.0.0-test";
  options.source_root = "/src/project";
  options.show_suppressed = show_suppressed;
  std::ostringstream out;
  write_report(format, out, sample_result(), options);
  return out.str();
}

}  // namespace

TEST_CASE("report formats are parsed by name") {
  CHECK(parse_report_format("sarif") == ReportFormat::Sarif);
  CHECK(parse_report_format("junit") == ReportFormat::Junit);
  CHECK(parse_report_format("github") == ReportFormat::Github);
  CHECK(parse_report_format("gitlab") == ReportFormat::Gitlab);
  CHECK(parse_report_format("markdown") == ReportFormat::Markdown);
  CHECK(parse_report_format("html") == ReportFormat::Html);
  CHECK_FALSE(parse_report_format("xml"));
}

TEST_CASE("golden: text") { check_golden("report.txt", render(ReportFormat::Text, true)); }
TEST_CASE("golden: json") { check_golden("report.json", render(ReportFormat::Json, true)); }
TEST_CASE("golden: sarif") {
  // The driver lists every registered rule, which changes as rules are added: check that
  // list here, and keep only the rules the results use in the golden file.
  auto doc = nlohmann::ordered_json::parse(render(ReportFormat::Sarif, false));
  auto& run = doc["runs"][0];
  auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == all_rules().size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = *all_rules()[i].info;
    CHECK(rules[i]["id"] == info.id);
    CHECK(rules[i]["name"] == info.slug);
    CHECK(rules[i]["helpUri"] == rule_help_uri(info));
    CHECK(rules[i]["help"]["markdown"] == std::string(info.documentation));
    CHECK_FALSE(rules[i]["fullDescription"]["text"].get<std::string>().empty());
  }
  std::set<std::string> used;
  for (auto& result : run["results"]) {
    size_t index = result["ruleIndex"].get<size_t>();
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == result["ruleId"]);
    used.insert(result["ruleId"].get<std::string>());
    result.erase("ruleIndex");
  }
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  for (auto& rule : rules)
    if (used.count(rule["id"].get<std::string>())) kept.push_back(rule);
  rules = kept;
  check_golden("report.sarif", doc.dump(2) + "\n");
}
TEST_CASE("golden: junit") { check_golden("report.junit.xml", render(ReportFormat::Junit, true)); }
TEST_CASE("golden: github") { check_golden("report.github.txt", render(ReportFormat::Github, false)); }
TEST_CASE("golden: gitlab") { check_golden("report.gitlab.json", render(ReportFormat::Gitlab, false)); }
TEST_CASE("golden: markdown") {
  // An evidence link whose text Mermaid and Markdown would both read: the markdown-mermaid
  // test parses the diagram of this golden file with Mermaid's own parser.
  AnalysisResult r = sample_result();
  auto it = std::find_if(r.findings.begin(), r.findings.end(),
                         [](const Finding& f) { return f.rule_id == "EPH003" && !f.suppressed; });
  REQUIRE(it != r.findings.end());
  Finding& active = *it;
  const SourceFile* main = active.range.file;
  auto at = [&](std::string_view needle) {
    auto pos = static_cast<uint32_t>(main->text().find(needle));
    return Range{main, pos, pos + static_cast<uint32_t>(needle.size())};
  };
  const SourceFile* tmpl = r.files[1].get();
  REQUIRE(tmpl->path() == "/src/project/template.yaml");
  active.related.push_back({Range{tmpl, 0, 10}, "runs in \"x\" <&> | `tick` #1 [a] {b} (c) ```"});
  active.related.push_back({at("DB_PASSWORD"), "the value comes from here: hunter2 <&> \"x\""});
  ReportOptions options;
  options.version = "0.0.0-test";
  options.source_root = "/src/project";
  options.show_suppressed = true;
  std::ostringstream out;
  write_report(ReportFormat::Markdown, out, r, options);
  CHECK(out.str().find("hunter2") == std::string::npos);
  check_golden("report.md", out.str());
}

TEST_CASE("golden: html") { check_golden("report.html", render(ReportFormat::Html, true)); }

TEST_CASE("html: one page that loads nothing, secrets masked, every finding filterable") {
  const std::string html = render(ReportFormat::Html, true);
  CHECK(html.find("hunter2") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  for (const char* loads : {" src=", "<link", "@import", "url(http"}) CHECK(html.find(loads) == std::string::npos);
  size_t articles = 0;
  for (size_t at = html.find("<article class=\"finding\""); at != std::string::npos; at = html.find("<article class=\"finding\"", at + 1)) {
    ++articles;
    size_t end = html.find('>', at);
    std::string tag = html.substr(at, end - at);
    CHECK(tag.find("data-severity=") != std::string::npos);
    CHECK(tag.find("data-rule=") != std::string::npos);
    CHECK(tag.find("data-file=") != std::string::npos);
  }
  CHECK(articles == 4);  // --show-suppressed: all four
  size_t drawings = 0;
  for (size_t at = html.find("<figure class=\"chain\">"); at != std::string::npos; at = html.find("<figure class=\"chain\">", at + 1)) ++drawings;
  CHECK(drawings == 1);  // only the parse error has an evidence chain
}

TEST_CASE("markdown: links to lines start at the blob URL when one is given") {
  ReportOptions options;
  options.source_root = "/src/project";
  options.blob_url = "https://github.com/o/r/blob/abc123";
  std::ostringstream out;
  write_report(ReportFormat::Markdown, out, sample_result(), options);
  CHECK(out.str().find("(https://github.com/o/r/blob/abc123/template.yaml#L4)") != std::string::npos);
  CHECK(out.str().find("(https://github.com/o/r/blob/abc123/modules/api%20dir/main.tf#L1)") != std::string::npos);
}

TEST_CASE("markdown: stays under GitHub's 65,536 characters and counts what it left out") {
  AnalysisResult r = sample_result();
  const Finding model = r.findings.back();
  r.findings.clear();
  r.suppressed = 0;
  const size_t total = 2000;
  for (size_t i = 0; i < total; ++i) {
    Finding f = model;
    f.message = "finding number " + std::to_string(i) + " with a message long enough to take some room";
    r.findings.push_back(f);
  }
  ReportOptions options;
  options.source_root = "/src/project";
  std::ostringstream out;
  write_report(ReportFormat::Markdown, out, r, options);
  const std::string md = out.str();
  CHECK(md.size() <= 65536);
  size_t shown = 0;
  for (size_t at = md.find("<details>"); at != std::string::npos; at = md.find("<details>", at + 1)) ++shown;
  CHECK(shown > 10);
  CHECK(shown < total);
  CHECK(md.find("**" + std::to_string(total - shown) + " findings not shown**") != std::string::npos);
}

TEST_CASE("gitlab: every issue has the fields GitLab Code Quality requires") {
  auto issues = nlohmann::json::parse(render(ReportFormat::Gitlab, true));
  REQUIRE(issues.is_array());
  CHECK(issues.size() == 3);  // two unsuppressed findings and the unreadable input; suppressed ones are left out
  std::set<std::string> fingerprints;
  const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
  for (const auto& issue : issues) {
    CHECK(issue["description"].is_string());
    CHECK(issue["check_name"].is_string());
    CHECK(severities.count(issue["severity"].get<std::string>()));
    CHECK(fingerprints.insert(issue["fingerprint"].get<std::string>()).second);  // unique
    const auto& path = issue["location"]["path"].get<std::string>();
    CHECK(path.front() != '/');  // relative to the repository (--source-root)
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
    CHECK(issue["location"]["lines"]["end"].get<int>() >= issue["location"]["lines"]["begin"].get<int>());
  }
  CHECK(issues[0]["location"]["path"] == "modules/api dir/main.tf");
}

TEST_CASE("sarif lists suppressed findings whatever --show-suppressed says") {
  CHECK(render(ReportFormat::Sarif, false) == render(ReportFormat::Sarif, true));
}

TEST_CASE("json: written a finding at a time, byte for byte the document nlohmann would print") {
  // The reporter streams; the canonical dump of what it wrote must be what it wrote.
  auto canonical = [](const std::string& text) {
    return nlohmann::ordered_json::parse(text).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  };
  for (bool show_suppressed : {false, true}) {
    std::string streamed = render(ReportFormat::Json, show_suppressed);
    CHECK(streamed == canonical(streamed));
  }
  AnalysisResult empty;
  empty.warnings.push_back("a \"quoted\" warning");
  ReportOptions options;
  options.version = "0.0.0-test";
  std::ostringstream out;
  write_json_report(out, empty, options);
  CHECK(out.str() == canonical(out.str()));
  CHECK(out.str().find("\"findings\": [],") != std::string::npos);
}
