// Property: whatever tree of files, directories and symbolic links a repository holds, a scan
// never opens a path outside its roots. A few hundred random trees (seeded, so a failure
// replays), each scanned end to end: discovery, planning, loading with evaluation (file(),
// templatefile(), fileset(), module sources, tfvars), while a provider records every read and
// the confinement reports the kernel's path of every descriptor it opens.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <mutex>
#include <random>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"
#include "symlink_tree.h"

using namespace eph;
using eph::test::SymlinkTree;
namespace fs = std::filesystem;

namespace {

constexpr const char* kMarker = "OUTSIDE-MARKER";

// Records every read and its outcome, passing everything to the disk provider.
class RecordingProvider final : public FileProvider {
 public:
  explicit RecordingProvider(const DiskFileProvider& disk) : disk_(disk) {}
  std::optional<std::string> read(const std::string& path) const override {
    auto text = disk_.read(path);
    std::lock_guard<std::mutex> lock(mutex_);
    if (text) served_.push_back(path);
    return text;
  }
  std::vector<std::string> list(const std::string& dir, bool files_only) const override { return disk_.list(dir, files_only); }
  bool is_directory(const std::string& path) const override { return disk_.is_directory(path); }
  void release(const std::string& path) const override { disk_.release(path); }
  std::optional<std::string> refusal(const std::string& path) const override { return disk_.refusal(path); }
  std::vector<std::string> served() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return served_;
  }

 private:
  const DiskFileProvider& disk_;
  mutable std::mutex mutex_;
  mutable std::vector<std::string> served_;
};

// Inside, independently of the code under test: libc's realpath, then a component check.
bool really_inside(const std::string& path, const std::string& real_root) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return false;
  std::string real = buf;
  return real == real_root || (real.size() > real_root.size() && real.compare(0, real_root.size(), real_root) == 0 &&
                               real[real_root.size()] == '/');
}

struct RandomTree {
  std::mt19937 rng;
  const SymlinkTree& t;
  std::vector<std::string> dirs{"root"};  // relative to the base
  std::vector<std::string> names;         // every entry made, relative to the base

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
  template <class T>
  const T& one_of(const std::vector<T>& v) { return v[pick(v.size())]; }

  // A relative path from a directory of the tree to anywhere: up, down, through links.
  std::string relative_path() {
    static const std::vector<std::string> tails = {"x.txt", "main.tf", "a.tfvars", "t.yaml", "d", "l", "m", "secret.txt",
                                                   "outside", "outside/secret.txt", "..", "."};
    std::string p;
    for (size_t ups = pick(4); ups > 0; --ups) p += "../";
    for (size_t steps = pick(3); steps > 0; --steps) p += one_of(tails) + "/";
    return p + one_of(tails);
  }

  std::string terraform() {
    std::string text = "variable \"v\" {\n  default = \"d\"\n}\nlocals {\n";
    static const std::vector<std::string> calls = {"file", "templatefile", "filebase64", "fileexists", "fileset"};
    for (int i = 0; i < 4; ++i) {
      std::string fn = one_of(calls), arg = "\"${path.module}/" + relative_path() + "\"";
      if (fn == "templatefile") arg += ", {}";
      if (fn == "fileset") arg += ", \"**\"";
      text += "  v" + std::to_string(i) + " = " + fn + "(" + arg + ")\n";
    }
    text += "}\nmodule \"m\" {\n  source = \"./" + relative_path() + "\"\n}\n";
    text += "resource \"aws_ssm_parameter\" \"p\" {\n  value = local.v0\n  other = module.m.out\n}\n";
    return text;
  }

  // A name made so far, relative to the root ("" when none yet).
  std::string made() {
    if (names.empty()) return "";
    const std::string& n = one_of(names);
    return n.substr(n.find('/') + 1);
  }

  std::string link_target(const std::string& at) {
    switch (pick(5)) {
      case 0: return t.path("outside/secret.txt");  // absolute, outside
      case 1: return "/proc/self/" + std::string(pick(2) ? "environ" : "root");
      case 2: {  // relative to the link's directory, anywhere
        size_t depth = static_cast<size_t>(std::count(at.begin(), at.end(), '/'));
        std::string p;
        for (size_t ups = pick(depth + 2); ups > 0; --ups) p += "../";
        return p + (pick(2) ? "outside" : made());
      }
      case 3: return t.path("root/" + made());  // absolute, anything made so far
      default: return relative_path();
    }
  }

  void make(int entries) {
    static const std::vector<std::string> files = {"main.tf", "x.txt", "a.tfvars", "terraform.tfvars", "t.yaml",
                                                   "plan.json", "secret.txt"};
    for (int i = 0; i < entries; ++i) {
      std::string dir = one_of(dirs);
      std::string name = std::to_string(i) + "_";
      switch (pick(6)) {
        case 0: {
          std::string d = dir + "/" + name + "d";
          fs::create_directories(t.path(d));
          dirs.push_back(d);
          names.push_back(d);
          break;
        }
        case 1: case 2: {
          std::string f = one_of(files), path = dir + "/" + (f == "terraform.tfvars" ? f : name + f);
          std::string text = f == "main.tf" ? terraform()
                             : f == "t.yaml" ? "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n"
                             : f.find("tfvars") != std::string::npos ? "v = \"inside\"\n"
                                                                     : "inside " + std::to_string(i);
          if (!fs::exists(t.path(path))) t.write(path, text);
          names.push_back(path);
          break;
        }
        default: {
          std::string l = dir + "/" + name + (pick(2) ? "l" : one_of(files));
          std::error_code ec;
          fs::create_symlink(link_target(l), t.path(l), ec);
          if (!ec) names.push_back(l);
          break;
        }
      }
    }
  }
};

}  // namespace

TEST_CASE("property: random trees of files, directories and links never open a path outside the roots") {
  constexpr int kTrees = 300;
  size_t links_refused = 0, reads = 0;
  for (int seed = 1; seed <= kTrees; ++seed) {
    SymlinkTree t("prop");
    // Outside: content that would be analysed, every piece carrying the marker.
    t.write("outside/secret.txt", kMarker);
    t.write("outside/main.tf", std::string("output \"out\" {\n  value = \"") + kMarker + "\"\n}\n");
    t.write("outside/a.tfvars", std::string("v = \"") + kMarker + "\"\n");
    t.write("outside/t.yaml", std::string("AWSTemplateFormatVersion: \"2010-09-09\"\n# ") + kMarker + "\nResources: {}\n");
    RandomTree tree{std::mt19937(static_cast<unsigned>(seed)), t, {"root"}, {}};
    tree.make(6 + seed % 18);

    std::string real_root = t.root.string();
    std::vector<std::string> opened;
    std::mutex opened_mutex;
    DiskFileProvider disk({real_root});
    disk.set_open_observer([&](const std::string& p) {
      std::lock_guard<std::mutex> lock(opened_mutex);
      opened.push_back(p);
    });
    RecordingProvider provider(disk);
    DiscoveredFiles found = discover_files({real_root}, {}, disk.confinement());
    links_refused += found.links_not_followed.size();
    AnalysisOptions options;
    options.threads = 1;
    std::vector<UnitPlan> plans = plan_units(found, provider, options.config.max_file_bytes);
    std::vector<LoadedUnit> units;
    for (const auto& plan : plans) units.push_back(load_unit(plan, provider, options));
    AnalysisResult result = analyze(plans, provider, options);

    INFO("seed " << seed << " (tree kept at " << t.base.string() << " only while the test runs)");
    for (const auto& p : opened) CHECK_MESSAGE(path_within(p, real_root), "opened outside: " << p);
    for (const auto& p : provider.served()) CHECK_MESSAGE(really_inside(p, real_root), "read outside: " << p);
    for (const auto& u : units)
      for (const auto& f : u.files) CHECK_MESSAGE(f->text().find(kMarker) == std::string::npos, f->path());
    for (const auto& f : result.findings) CHECK(f.message.find(kMarker) == std::string::npos);
    reads += provider.served().size();
  }
  // The trees did exercise both sides.
  CHECK(links_refused > 100);
  CHECK(reads > 500);
}
