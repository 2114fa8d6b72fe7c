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
#include "random_tree.h"
#include "symlink_tree.h"

using namespace eph;
using eph::test::RandomTree;
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
