#pragma once
// A scratch directory with a scanned tree (`root/`) and a place outside it (`outside/`), for
// the tests of reads confined to the scanned roots. Links are made at test time: git stores
// them, but making them here keeps each test's tree explicit.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace eph::test {

struct SymlinkTree {
  std::filesystem::path base, root, outside;

  explicit SymlinkTree(const std::string& name) {
    static int counter = 0;
    base = std::filesystem::temp_directory_path() /
           ("eph-confine-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(base);
    root = base / "root";
    outside = base / "outside";
    std::filesystem::create_directories(root);
    std::filesystem::create_directories(outside);
    // The canonical form: temp_directory_path may itself be behind a link.
    base = std::filesystem::canonical(base);
    root = base / "root";
    outside = base / "outside";
  }
  ~SymlinkTree() {
    std::error_code ec;
    std::filesystem::remove_all(base, ec);
  }
  SymlinkTree(const SymlinkTree&) = delete;
  SymlinkTree& operator=(const SymlinkTree&) = delete;

  // `rel` is relative to the base: "root/main.tf", "outside/secret.txt".
  std::string write(const std::string& rel, const std::string& text) const {
    std::filesystem::path p = base / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  // A link at base/`rel` whose target is `target`, exactly as written (relative or absolute).
  std::string link(const std::string& rel, const std::string& target) const {
    std::filesystem::path p = base / rel;
    std::filesystem::create_directories(p.parent_path());
    std::filesystem::create_symlink(target, p);
    return p.string();
  }
  std::string path(const std::string& rel) const { return (base / rel).string(); }
};

}  // namespace eph::test
