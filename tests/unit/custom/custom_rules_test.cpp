// Custom rules: loading (errors at file:line:col), evaluation over real Terraform (unknown
// values never match unless asked, quantifiers, evidence, positions), RE2's linear time, and
// the reference in docs/custom-rules.md against the entity and operator tables.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/disk_file_provider.h"
#include "custom/custom_rules.h"
#include "custom/pattern.h"
#include "custom/rule_file.h"
#include "engine/analyzer.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

struct TempDir {
  fs::path root;
  TempDir() {
    static int n = 0;
    root = fs::temp_directory_path() / ("eph-custom-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(root);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string write(const std::string& rel, const std::string& text) const {
    fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

// Installs custom rules for one test and takes them out again: the other tests see the
// built-in rules only.
struct Installed {
  explicit Installed(const CustomRuleSet& set) { install_custom_rules(set); }
  ~Installed() { install_custom_rules(CustomRuleSet{}); }
};

std::vector<ConfigError> errors_of(const std::string& rule_text) {
  std::vector<ConfigError> errors;
  custom::parse_rule_file("r.rule.yaml", rule_text, errors);
  return errors;
}

std::string first_error(const std::string& rule_text) {
  auto errors = errors_of(rule_text);
  return errors.empty() ? std::string("(no error)") : errors.front().to_string();
}

const std::string kHead =
    "id: ACME101\nslug: acme-rule\ntitle: A rule\nseverity: medium\n"
    "docs:\n  what: w\n  why: y\n  fix: f\n";

// Findings of the custom rules in `dir` on the Terraform in `code`, as "line:col RULE message".
std::vector<std::string> scan(const TempDir& tree, const std::string& rules_dir, std::vector<Finding>* out = nullptr) {
  CustomRuleSet set;
  std::vector<ConfigError> errors;
  REQUIRE(load_custom_rules({rules_dir}, set, errors));
  Installed installed(set);
  std::string code = (tree.root / "code").string();
  DiscoveredFiles found = discover_files({code});
  DiskFileProvider provider({code});
  AnalysisOptions options;
  options.threads = 1;
  AnalysisResult result = analyze(plan_units(found, provider, options.config.max_file_bytes), provider, options);
  std::vector<std::string> lines;
  for (const auto& f : result.findings) {
    if (f.rule_id.rfind("EPH", 0) == 0) continue;
    Location loc = to_location(f.range);
    lines.push_back(std::to_string(loc.line) + ":" + std::to_string(loc.column) + " " + f.rule_id + " " + f.message);
    if (out) out->push_back(f);
  }
  return lines;
}

std::string type_text(const custom::FieldDef& f) {
  std::string base = f.type == custom::FieldType::Entity ? "`" + std::string(f.target) + "`" : std::string(custom::to_string(f.type));
  return f.list ? "list of " + base : base;
}

std::string reference_markdown() {
  std::string out = "## Entities\n\n";
  std::vector<const custom::EntityDef*> all;
  for (const auto& e : custom::entities()) all.push_back(&e);
  all.push_back(&custom::map_entry_entity());
  for (const auto* e : all) {
    out += "### `" + std::string(e->name) + "`\n\n" + std::string(e->meaning) +
           (e->all ? " A rule can `match` it." : " Reached through a relation only.") + "\n\n";
    out += "| field | type | meaning |\n|---|---|---|\n";
    for (const auto& f : e->fields)
      out += "| `" + std::string(f.name) + "` | " + type_text(f) + " | " + std::string(f.meaning) + " |\n";
    out += "\n";
  }
  out += "## Operators\n\n| operator | matches when |\n|---|---|\n";
  for (const auto& o : custom::operator_docs())
    if (!o.combinator) out += "| `" + std::string(o.name) + "` | " + std::string(o.meaning) + " |\n";
  out += "\n## Quantifiers and combinators\n\n| key | holds when |\n|---|---|\n";
  for (const auto& o : custom::operator_docs())
    if (o.combinator) out += "| `" + std::string(o.name) + "` | " + std::string(o.meaning) + " |\n";
  return out;
}

}  // namespace

TEST_CASE("custom rules: bad rule files are errors at file:line:col") {
  CHECK(first_error(kHead + "match: lambda\nmessage: m\n") ==
        "r.rule.yaml:9:8: unknown entity 'lambda' (function, trigger, function_url, invoke_permission, firewall_rule, "
        "ip_set_entry, api_route, policy, statement, vpc, subnet, route_table, route, nat_gateway, vpc_endpoint, "
        "flow_log, security_group, resource)");
  CHECK(first_error(kHead + "match: function\nwhere:\n  - field: runtim\n    equals: x\nmessage: m\n").rfind(
            "r.rule.yaml:11:12: unknown field 'runtim' of function", 0) == 0);
  CHECK(first_error(kHead + "match: function\nwhere:\n  - field: runtime\n    equal: x\nmessage: m\n") ==
        "r.rule.yaml:12:5: unknown operator 'equal'; did you mean equals? (see docs/custom-rules.md for the operators)");
  CHECK(first_error(kHead + "match: function\nwhere:\n  - field: reserved_concurrency\n    equals: five\nmessage: m\n") ==
        "r.rule.yaml:12:13: 'reserved_concurrency' is a number; a string can never equal it");
  CHECK(first_error(kHead + "match: function\nwhere:\n  - field: triggers\n    equals: queue\nmessage: m\n") ==
        "r.rule.yaml:11:5: 'triggers' is a list: equals cannot match it; use any, all or none");
  CHECK(first_error(kHead + "match: function\nwhere:\n  - field: runtime\n    matches: '(unclosed'\nmessage: m\n")
            .rfind("r.rule.yaml:12:14: bad regular expression: missing ", 0) == 0);
  CHECK(first_error(kHead + "match: firewall_rule\nwhere:\n  - field: cidr\n    cidr-contains: 10.0.0.300\nmessage: m\n") ==
        "r.rule.yaml:12:20: cidr-contains expects an IPv4 or IPv6 address or CIDR");
  CHECK(first_error(kHead + "match: function\nmessage: '{runtime.version}'\n") ==
        "r.rule.yaml:10:10: 'runtime' is a string, it has no field 'version'");
  std::string eph = kHead;
  eph.replace(eph.find("ACME101"), 7, "EPH901");
  CHECK(first_error(eph + "match: function\nmessage: m\n") ==
        "r.rule.yaml:1:5: id 'EPH901' uses ephemera's own prefix EPH: choose your team's prefix");
  CHECK(first_error(kHead + "match: function\nmessage: m\nseverity2: low\n") ==
        "r.rule.yaml:11:1: unknown key 'severity2'; did you mean severity? (id, slug, title, severity, docs, match, where, "
        "report-at, message)");
}

TEST_CASE("custom rules: one broken file leaves the others loaded; clashes are errors") {
  TempDir dir;
  dir.write("rules/a.rule.yaml", kHead + "match: function\nmessage: m\n");
  dir.write("rules/b.rule.yaml", kHead + "match: nothing\nmessage: m\n");
  std::string clash = kHead;
  clash.replace(clash.find("acme-rule"), 9, "secret-in-env-var");
  clash.replace(clash.find("ACME101"), 7, "ACME102");
  dir.write("rules/c.rule.yaml", clash + "match: function\nmessage: m\n");
  dir.write("rules/d.rule.yaml", kHead + "match: function\nmessage: m\n");
  CustomRuleSet set;
  std::vector<ConfigError> errors;
  CHECK_FALSE(load_custom_rules({(dir.root / "rules").string()}, set, errors));
  REQUIRE(set.infos.size() == 1);
  CHECK(set.infos.front()->id == "ACME101");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string().find("b.rule.yaml:9:8: unknown entity 'nothing'") != std::string::npos);
  CHECK(errors[1].to_string().find("c.rule.yaml:2:1: slug 'secret-in-env-var' is the built-in rule EPH301's") != std::string::npos);
  CHECK(errors[2].to_string().find("d.rule.yaml:1:1: id 'ACME101' is also used by") != std::string::npos);
}

TEST_CASE("custom rules: positions, messages, unknown values, quantifiers and evidence") {
  TempDir dir;
  dir.write("code/main.tf",
            "variable \"runtime\" {\n  type = string\n}\n"                                     // 1-3
            "resource \"aws_lambda_function\" \"old\" {\n"                                        // 4
            "  function_name = \"old\"\n  role = \"arn:aws:iam::1:role/r\"\n"                     // 5-6
            "  runtime = \"python3.7\"\n  handler = \"a.b\"\n  filename = \"f.zip\"\n}\n"           // 7-10
            "resource \"aws_lambda_function\" \"unknown\" {\n"                                    // 11
            "  function_name = \"unknown\"\n  role = \"arn:aws:iam::1:role/r\"\n"                 // 12-13
            "  runtime = var.runtime\n  handler = \"a.b\"\n  filename = \"f.zip\"\n"               // 14-16
            "  tags = { team = \"core\" }\n}\n"                                                   // 17-18
            "resource \"aws_sqs_queue\" \"jobs\" {\n  name = \"jobs\"\n}\n"                       // 19-21
            "resource \"aws_lambda_event_source_mapping\" \"jobs\" {\n"                           // 22
            "  event_source_arn = aws_sqs_queue.jobs.arn\n  function_name = aws_lambda_function.old.arn\n}\n");
  dir.write("rules/runtime.rule.yaml", kHead + "match: function\nwhere:\n  - field: runtime\n    matches: '^python3\\.[0-8]$'\n"
                                               "message: '{address} runs {runtime}'\n");
  std::string asks = kHead;
  asks.replace(asks.find("ACME101"), 7, "ACME102");
  asks.replace(asks.find("acme-rule"), 9, "asks-unknown");
  dir.write("rules/unknown.rule.yaml", asks + "match: function\nwhere:\n  - field: runtime\n    unknown: true\n"
                                              "message: '{address}: runtime {runtime}'\n");
  std::string queue = kHead;
  queue.replace(queue.find("ACME101"), 7, "ACME103");
  queue.replace(queue.find("acme-rule"), 9, "queue-fed");
  dir.write("rules/queue.rule.yaml", queue + "match: function\nwhere:\n  - any: triggers\n    as: t\n    where:\n"
                                             "      - {field: kind, equals: queue}\n  - none: tags\n"
                                             "message: '{address} is fed by {t.source}, tags {tags}'\n");
  std::vector<Finding> findings;
  auto lines = scan(dir, (dir.root / "rules").string(), &findings);
  // The unknown runtime is reported (only because the rule asks) where it comes from: the
  // variable that has no value.
  CHECK(lines == std::vector<std::string>{
                     "1:1 ACME102 aws_lambda_function.unknown: runtime (unknown)",
                     "4:1 ACME103 aws_lambda_function.old is fed by SQS queue aws_sqs_queue.jobs, tags (not set)",
                     "7:13 ACME101 aws_lambda_function.old runs python3.7",
                 });
  // The trigger that matched is the evidence.
  const Finding* fed = nullptr;
  for (const auto& f : findings) fed = f.rule_id == "ACME103" ? &f : fed;
  REQUIRE(fed);
  REQUIRE(fed->related.size() == 1);
  CHECK(to_location(fed->related.front().range).line == 22);
  CHECK(fed->related.front().message == "trigger SQS queue aws_sqs_queue.jobs");
}

TEST_CASE("custom rules: user patterns run in linear time (RE2)") {
  std::string error;
  custom::Pattern nested("(a+)+$", error);
  REQUIRE(error.empty());
  std::string input(100000, 'a');
  input += '!';
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(nested.search(input));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));  // backtracking takes years
  custom::Pattern backreference("(a)\\1", error);
  CHECK(error.find("invalid escape") != std::string::npos);  // RE2 refuses what needs backtracking
}

TEST_CASE("docs/custom-rules.md documents every entity, field, relation and operator") {
  std::ifstream in(std::string(EPHEMERA_SOURCE_DIR) + "/docs/custom-rules.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string begin = "<!-- reference:begin -->\n", end = "<!-- reference:end -->";
  size_t b = doc.find(begin), e = doc.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  std::string written = doc.substr(b + begin.size(), e - b - begin.size());
  std::string expected = reference_markdown();
  if (written != expected) {
    std::ofstream("custom-rules-reference.md") << expected;
    FAIL("docs/custom-rules.md's reference differs from the code: the expected text is in custom-rules-reference.md");
  }
}
