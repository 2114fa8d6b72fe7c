// A scan keeps its findings out of memory until the report: each unit's findings go to a
// temporary file as the unit finishes, and the report reads them back in the same order,
// merged, named and fingerprinted as the in-memory analysis gives them. Memory that grows
// with the findings again (records kept in RAM, a fat index entry) fails here.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>

#include "core/memory_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"
#include "engine/finding_spill.h"
#include "report/secret_mask.h"
#include "terraform/module_config_cache.h"

using namespace eph;

namespace {

// A unit with a few findings: a hard-coded secret in a function without a concurrency
// ceiling; every tenth unit also calls a shared module (findings reached from several callers
// merge into one).
std::string unit_text(int i) {
  std::string n = std::to_string(i);
  std::string text =
      "resource \"aws_lambda_function\" \"f" + n + "\" {\n"
      "  function_name = \"f" + n + "\"\n"
      "  role          = \"arn:aws:iam::123456789012:role/f\"\n"
      "  handler       = \"index.handler\"\n"
      "  runtime       = \"nodejs20.x\"\n"
      "  filename      = \"f.zip\"\n"
      "  environment {\n"
      "    variables = {\n"
      "      DB_PASSWORD = \"hunter2-prod-" + n + "-7f3a\"\n"
      "    }\n"
      "  }\n"
      "}\n";
  if (i % 10 == 0) text += "module \"shared" + n + "\" {\n  source = \"../shared\"\n  name = \"f" + n + "\"\n}\n";
  return text;
}

const char* kSharedModule =
    "variable \"name\" {}\n"
    "resource \"aws_lambda_function\" \"shared\" {\n"
    "  function_name = var.name\n"
    "  role          = \"arn:aws:iam::123456789012:role/f\"\n"
    "  handler       = \"index.handler\"\n"
    "  runtime       = \"nodejs20.x\"\n"
    "  filename      = \"f.zip\"\n"
    "  environment {\n"
    "    variables = {\n"
    "      API_SECRET = \"sk_live_0123456789abcdefSHARED\"\n"
    "    }\n"
    "  }\n"
    "}\n";

struct Tree {
  MemoryFileProvider files;
  std::vector<UnitPlan> units;
};

std::unique_ptr<Tree> tree_of(int unit_count) {
  auto tree = std::make_unique<Tree>();
  DiscoveredFiles found;
  found.directories_scanned = {"/tree"};
  for (int i = 0; i < unit_count; ++i) {
    std::string number = std::to_string(1000 + i);
    std::string path = "/tree/u" + number + "/main.tf";
    tree->files.add(path, unit_text(i));
    found.files.push_back(path);
  }
  tree->files.add("/tree/shared/main.tf", kSharedModule);
  found.files.push_back("/tree/shared/main.tf");
  tree->units = plan_units(found, tree->files, AnalysisOptions{}.config.max_file_bytes);
  return tree;
}

// What a report sees of one finding.
std::string seen(const Finding& f) {
  Location loc = to_location(f.range);
  std::string out = f.rule_id + " " + loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) +
                    " " + f.message + " [" + f.resource + "] " + f.fingerprint + (f.suppressed ? " suppressed" : "");
  for (const auto& r : f.related) out += " | " + to_location(r.range).file + " " + r.message;
  if (f.fix) out += " fix: " + f.fix->description;
  return out;
}

std::vector<std::string> report_of(const AnalysisResult& result) {
  std::vector<std::string> out;
  for_each_finding(result, [&](const Finding& f) { out.push_back(seen(f)); });
  return out;
}

AnalysisResult analyzed(const Tree& tree, bool spill, unsigned threads) {
  AnalysisOptions options;
  options.threads = threads;
  options.excerpt_files = true;
  options.spill_findings = spill;
  return analyze(tree.units, tree.files, options);
}

}  // namespace

TEST_CASE("a scan's findings wait in a temporary file, a few bytes each in memory, and read back in order") {
  auto tree = tree_of(120);
  AnalysisResult kept = analyzed(*tree, false, 1);
  REQUIRE(kept.findings.size() > 240);
  std::vector<std::string> expected = report_of(kept);
  // A module called from several units reports once, naming the other callers.
  CHECK(std::any_of(expected.begin(), expected.end(),
                    [](const std::string& s) { return s.find("also reported for") != std::string::npos; }));

  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    AnalysisResult spilled = analyzed(*tree, true, threads);
    REQUIRE(spilled.spilled);
    CHECK(spilled.findings.empty());
    const FindingSpill& spill = spilled.spilled->spill;
    // Every finding reported by a unit is written, before merging.
    CHECK(spill.size() > kept.findings.size());
    // In memory: an index entry per finding and the path of its file, not the finding (its
    // record is on disk, with the excerpts it points into).
    CHECK(spill.memory_bytes() <= 64 * spill.size());
    CHECK(spill.record_bytes() > 4 * spill.memory_bytes());
    CHECK(report_of(spilled) == expected);
    CHECK(report_of(spilled) == expected);  // read back as often as there are reports

    materialise_findings(spilled);
    CHECK(!spilled.spilled);
    CHECK(spilled.findings.size() == kept.findings.size());
    CHECK(spilled.suppressed == kept.suppressed);
    CHECK(report_of(spilled) == expected);
  }
}

TEST_CASE("without a usable temporary directory the findings stay in memory, in the same order") {
  auto tree = tree_of(30);
  std::vector<std::string> expected = report_of(analyzed(*tree, false, 1));
  const char* old = std::getenv("TMPDIR");
  std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("TMPDIR", "/nonexistent/ephemera-spill-test", 1);
  AnalysisResult spilled = analyzed(*tree, true, 2);
  if (saved) setenv("TMPDIR", saved->c_str(), 1);
  else unsetenv("TMPDIR");
  REQUIRE(spilled.spilled);
  CHECK(spilled.spilled->spill.memory_bytes() >= spilled.spilled->spill.record_bytes());
  CHECK(report_of(spilled) == expected);
}

TEST_CASE("the memory a scan holds for its findings does not grow with them") {
  // Four times the units: the same bytes of memory per finding, records on disk.
  auto small = tree_of(40);
  auto large = tree_of(160);
  AnalysisResult a = analyzed(*small, true, 2);
  AnalysisResult b = analyzed(*large, true, 2);
  REQUIRE(b.spilled->spill.size() > 3 * a.spilled->spill.size());
  double per_finding_small = double(a.spilled->spill.memory_bytes()) / double(a.spilled->spill.size());
  double per_finding_large = double(b.spilled->spill.memory_bytes()) / double(b.spilled->spill.size());
  CHECK(per_finding_large <= 64);
  CHECK(per_finding_large <= per_finding_small * 1.5);
  // The records grow with the findings: on disk.
  CHECK(b.spilled->spill.record_bytes() > 3 * a.spilled->spill.record_bytes());
}

TEST_CASE("any_finding reads spilled findings only up to the first that answers") {
  auto tree = tree_of(30);
  AnalysisResult kept = analyzed(*tree, false, 1);
  AnalysisResult spilled = analyzed(*tree, true, 1);
  for (const AnalysisResult* result : {&kept, &spilled}) {
    size_t asked = 0;
    CHECK(any_finding(*result, [&](const Finding&) { return ++asked == 3; }));
    CHECK(asked == 3);
    asked = 0;
    CHECK_FALSE(any_finding(*result, [&](const Finding&) { return ++asked, false; }));
    CHECK(asked == kept.findings.size());
  }
}

TEST_CASE("the names findings are shown by wait on disk with them and read back for their files") {
  // Serverless Framework services: findings say "function hello", not HelloLambdaFunction.
  // A large tree's generated names stayed in memory to the end; they are written beside
  // the findings, and the report reads the same words back.
  Tree tree;
  DiscoveredFiles found;
  found.directories_scanned = {"/tree"};
  for (int i = 0; i < 12; ++i) {
    std::string path = "/tree/s" + std::to_string(10 + i) + "/serverless.yml";
    tree.files.add(path, "service: s" + std::to_string(i) +
                             "\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  environment:\n"
                             "    API_KEY: sk_live_0123456789abcdefSERVICE" + std::to_string(i) +
                             "\nfunctions:\n  hello:\n    handler: index.hello\n  world:\n    handler: index.world\n"
                             "    events:\n      - httpApi: GET /w\n");
    found.files.push_back(path);
  }
  tree.units = plan_units(found, tree.files, AnalysisOptions{}.config.max_file_bytes);
  std::vector<std::string> expected = report_of(analyzed(tree, false, 1));
  REQUIRE(!expected.empty());
  CHECK(std::any_of(expected.begin(), expected.end(),
                    [](const std::string& s) { return s.find("function hello") != std::string::npos; }));
  CHECK(std::none_of(expected.begin(), expected.end(),
                     [](const std::string& s) { return s.find("HelloLambdaFunction ") != std::string::npos; }));
  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    AnalysisResult spilled = analyzed(tree, true, threads);
    REQUIRE(spilled.spilled);
    // Each unit's names are a record on disk, read back with its findings and excerpts.
    std::set<uint64_t> records;
    spilled.spilled->spill.for_each_place([&](std::vector<Finding>& place, const FindingSpill::PlaceNames& names_of) {
      for (const auto& f : place) {
        auto it = names_of.find(f.range.file);
        REQUIRE(it != names_of.end());
        if (!records.insert(it->second.offset).second) continue;
        std::vector<ShownName> names = spilled.spilled->spill.names_at(it->second);
        CHECK(std::any_of(names.begin(), names.end(), [](const ShownName& n) { return n.written == "function hello"; }));
      }
      return true;
    });
    CHECK(records.size() == 12);
    CHECK(report_of(spilled) == expected);
  }
}

TEST_CASE("a scan's excerpts wait on disk with its findings; only those its secrets point into stay in memory") {
  // A large tree's excerpts (the lines findings point at) were held to the end of the scan:
  // ~29 MiB at 94 copies of the corpus. They are written with each unit's findings and read
  // back with them; the secrets to mask are few, and their excerpts stay.
  auto& cache = terraform::ModuleConfigCache::shared();
  cache.clear();
  cache.set_budget(0);  // parsed modules hold their files: not what this counts
  // The cache keeps its newest module whatever the budget, and which unit finishes last
  // depends on the threads: cleared before every count, it counts only what results hold.
  Tree tree;
  DiscoveredFiles found;
  found.directories_scanned = {"/tree"};
  for (int i = 0; i < 40; ++i) {
    std::string n = std::to_string(100 + i);
    std::string path = "/tree/f" + n + "/main.tf";
    std::string text = "resource \"aws_lambda_function\" \"f" + n + "\" {\n  function_name = \"f" + n +
                       "\"\n  role = \"arn:aws:iam::123456789012:role/f\"\n  handler = \"index.handler\"\n"
                       "  runtime = \"nodejs20.x\"\n  filename = \"f.zip\"\n";
    if (i % 4 == 0) text += "  environment {\n    variables = {\n      DB_PASSWORD = \"hunter2-prod-" + n + "-7f3a\"\n    }\n  }\n";
    tree.files.add(path, text + "}\n");
    found.files.push_back(path);
  }
  tree.units = plan_units(found, tree.files, AnalysisOptions{}.config.max_file_bytes);
  size_t before = SourceFile::live_text_bytes();
  AnalysisResult kept = analyzed(tree, false, 1);
  cache.clear();
  size_t kept_bytes = SourceFile::live_text_bytes() - before;
  REQUIRE(kept.files.size() == 40);
  for (unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    size_t ahead = SourceFile::live_text_bytes();
    AnalysisResult spilled = analyzed(tree, true, threads);
    cache.clear();
    size_t spilled_bytes = SourceFile::live_text_bytes() - ahead;
    // In memory: the excerpts of the files with a secret, the same as without the spill.
    CHECK(spilled.files.size() == 10);
    size_t secret_bytes = 0;
    for (const auto& file : kept.files)
      if (file->text().find("DB_PASSWORD") != std::string::npos) secret_bytes += file->text().size();
    CHECK(spilled_bytes == secret_bytes);
    CHECK(spilled_bytes < kept_bytes / 2);
    CHECK(spilled.secrets.size() == kept.secrets.size());
    // The report reads the same findings, positions and masked source text.
    CHECK(report_of(spilled) == report_of(kept));
    auto masked = [](const AnalysisResult& result) {
      SecretMask mask(result, false);
      std::vector<std::string> out;
      for_each_finding(result, [&](const Finding& f) { out.push_back(f.range.file->path() + ": " + mask.source(f.range)); });
      return out;
    };
    std::vector<std::string> shown = masked(spilled);
    CHECK(shown == masked(kept));
    CHECK(std::any_of(shown.begin(), shown.end(), [](const std::string& s) { return s.find("(21 chars)") != std::string::npos; }));
    CHECK(std::none_of(shown.begin(), shown.end(), [](const std::string& s) { return s.find("hunter2") != std::string::npos; }));
    // Read back and kept: the findings' excerpts come back into memory with them.
    materialise_findings(spilled);
    CHECK(spilled.files.size() > 10);
    CHECK(report_of(spilled) == report_of(kept));
  }
  cache.clear();
  cache.set_budget(terraform::ModuleConfigCache::kDefaultBudgetBytes);
}
