// Hostile trees at the planning and analysis stage: module cycles, mis-encoded and binary
// files, cancellation. Each gives a finding or a clean stop, never a silent gap or a hang.
#include <doctest/doctest.h>

#include <algorithm>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

struct TempTree {
  fs::path root;
  TempTree() {
    root = fs::temp_directory_path() / ("eph-planning-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(root);
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string write(const std::string& rel, const std::string& text) const {
    fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

AnalysisResult scan(const TempTree& tree, const std::atomic<bool>* cancel = nullptr) {
  DiscoveredFiles found = discover_files({tree.root.string()});
  DiskFileProvider provider({tree.root.string()});
  AnalysisOptions options;
  options.threads = 1;
  options.cancel = cancel;
  return analyze(plan_units(found, provider, options.config.max_file_bytes), provider, options);
}

const Finding* find_rule(const AnalysisResult& r, const std::string& rule, const std::string& path_suffix) {
  for (const auto& f : r.findings) {
    const std::string& p = f.range.file ? f.range.file->path() : std::string();
    if (f.rule_id == rule && p.size() >= path_suffix.size() &&
        p.compare(p.size() - path_suffix.size(), path_suffix.size(), path_suffix) == 0) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("planning: modules calling each other in a cycle are analysed once and the cycle reported") {
  TempTree tree;
  tree.write("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  tree.write("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  DiscoveredFiles found = discover_files({tree.root.string()});
  DiskFileProvider provider({tree.root.string()});
  std::vector<UnitPlan> units = plan_units(found, provider, 1u << 20);
  REQUIRE(units.size() == 1);  // the first of the cycle is the root; it reaches the other
  CHECK(units[0].root == (tree.root / "a").string());

  AnalysisResult r = scan(tree);
  bool cycle_reported = false;
  for (const auto& f : r.findings) cycle_reported = cycle_reported || f.message.find("module cycle") != std::string::npos;
  CHECK(cycle_reported);
}

TEST_CASE("planning: a caller outside a cycle stays the only root") {
  TempTree tree;
  tree.write("root/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  tree.write("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  tree.write("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  DiscoveredFiles found = discover_files({tree.root.string()});
  DiskFileProvider provider({tree.root.string()});
  std::vector<UnitPlan> units = plan_units(found, provider, 1u << 20);
  REQUIRE(units.size() == 1);
  CHECK(units[0].root == (tree.root / "root").string());
}

TEST_CASE("planning: a non-UTF-8 file is reported at its bad byte; the rest of its module is analysed") {
  TempTree tree;
  tree.write("m/bad.tf", "locals {\n  name = \"caf\xE9\"\n}\n");
  tree.write("m/good.tf",
             "resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n  role = \"arn:aws:iam::123456789012:role/r\"\n"
             "  handler = \"index.handler\"\n  runtime = \"python3.12\"\n  filename = \"f.zip\"\n}\n");
  tree.write("t/template.yaml",
             "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"
             "    Properties:\n      QueueName: caf\xE9\n");
  AnalysisResult r = scan(tree);
  const Finding* tf = find_rule(r, "EPH000", "m/bad.tf");
  REQUIRE(tf);
  CHECK(tf->message.find("not valid UTF-8 (byte 0xE9)") != std::string::npos);
  LineCol at = tf->range.file->position(tf->range.begin);
  CHECK(at.line == 2);
  CHECK(at.column == 14);
  const Finding* yaml = find_rule(r, "EPH000", "t/template.yaml");
  REQUIRE(yaml);
  CHECK(yaml->range.file->position(yaml->range.begin).line == 6);
  // good.tf was still analysed: its function has no reserved concurrency.
  CHECK(find_rule(r, "EPH401", "m/good.tf"));
}

TEST_CASE("planning: a binary file is reported at its first NUL byte") {
  TempTree tree;
  std::string text = "resource \"aws_sqs_queue\" \"q\" {\n  name = \"a";
  text += '\0';
  text += "b\"\n}\n";
  tree.write("m/main.tf", text);
  AnalysisResult r = scan(tree);
  const Finding* f = find_rule(r, "EPH000", "m/main.tf");
  REQUIRE(f);
  CHECK(f->message.find("binary file") != std::string::npos);
  CHECK(f->range.file->position(f->range.begin).line == 2);
}

TEST_CASE("analysis: a cancelled scan says so and stops before the remaining units") {
  TempTree tree;
  for (int i = 0; i < 4; ++i) tree.write("m" + std::to_string(i) + "/main.tf", "locals {\n  x = 1\n}\n");
  std::atomic<bool> cancel{true};
  AnalysisResult r = scan(tree, &cancel);
  CHECK(r.cancelled);
  CHECK(r.files_analyzed == 0);
  std::atomic<bool> go{false};
  AnalysisResult full = scan(tree, &go);
  CHECK_FALSE(full.cancelled);
  CHECK(full.files_analyzed == 4);
}

namespace {

std::string plan_signature(const std::vector<UnitPlan>& units) {
  std::string out;
  for (const auto& u : units) {
    out += u.root + (u.rejected() ? " refused: " + u.reject_reason : "") + "\n";
    for (const auto& f : u.files) out += "  " + f + "\n";
    for (const auto& d : u.module_dirs) out += "  dir " + d + "\n";
    for (const auto& i : u.included_files) out += "  includes " + i + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("planning: files read and classified on several threads give the plan of one thread") {
  TempTree tree;
  // Enough files for the second thread to take part: modules calling each other, templates,
  // files no format recognises, refused files (NUL, non-UTF-8, oversize), in many directories.
  for (int i = 0; i < 300; ++i) {
    std::string d = "d" + std::to_string(i % 37) + "/s" + std::to_string(i);
    switch (i % 6) {
      case 0: tree.write(d + "/main.tf", "module \"m\" {\n  source = \"../s" + std::to_string(i + 6) + "\"\n}\n"); break;
      case 1: tree.write(d + "/template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n"); break;
      case 2: tree.write(d + "/other.yaml", "just: data\n"); break;
      case 3: tree.write(d + "/bad.tf", std::string("locals {\n  x = \"a") + '\0' + "b\"\n}\n"); break;
      case 4: tree.write(d + "/latin.tf", "locals {\n  x = \"caf\xE9\"\n}\n"); break;
      case 5: tree.write(d + "/big.tf", "# " + std::string(2000, 'x') + "\n"); break;
    }
  }
  DiscoveredFiles found = discover_files({tree.root.string()});
  REQUIRE(found.files.size() == 300);
  DiskFileProvider provider({tree.root.string()});
  std::string one = plan_signature(plan_units(found, provider, 1024, 1));
  CHECK(one.find("over the 1024-byte limit") != std::string::npos);
  CHECK(one.find("binary file") != std::string::npos);
  CHECK(one.find("not valid UTF-8") != std::string::npos);
  for (unsigned threads : {2u, 3u, 0u}) CHECK(plan_signature(plan_units(found, provider, 1024, threads)) == one);
  // A scan's planning takes the paths instead of copying them: the same plans.
  DiscoveredFiles taken = found;
  CHECK(plan_signature(plan_units_taking_paths(taken, provider, 1024, 2)) == one);
  CHECK(std::all_of(taken.files.begin(), taken.files.end(), [](const std::string& f) { return f.empty(); }));
}

TEST_CASE("planning: the limit is the plan's even where the provider would read a larger file") {
  TempTree tree;
  tree.write("m/big.tf", "# " + std::string(3000, 'x') + "\n");
  tree.write("m/main.tf", "locals {\n  x = 1\n}\n");
  tree.write("m/big.tfvars", "x = \"" + std::string(3000, 'x') + "\"\n");  // read by its unit only: not classified
  DiscoveredFiles found = discover_files({tree.root.string()});
  DiskFileProvider provider({tree.root.string()}, 1u << 20);  // reads up to 1 MiB
  std::vector<UnitPlan> units = plan_units(found, provider, 2048);
  std::string plan = plan_signature(units);
  CHECK(plan.find("big.tf refused: file is 3003 bytes, over the 2048-byte limit") != std::string::npos);
  CHECK(plan.find("big.tfvars") == std::string::npos);  // oversize, and no unit of its own to report it in
  CHECK(plan.find("main.tf\n") != std::string::npos);
}
