#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/disk_file_provider.h"

using namespace eph;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("ephemera-disk-provider-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("a kept text is handed back once, then the disk is read again") {
  TempDir dir;
  std::string file = dir.write("a.yaml", "first");
  DiskFileProvider provider({dir.path.string()});
  provider.keep_texts_for_one_more_read(1024);
  CHECK(provider.read(file) == "first");
  dir.write("a.yaml", "second");
  CHECK(provider.read(file) == "first");   // the text planning read, without touching the disk
  CHECK(provider.read(file) == "second");  // handed back once only
}

TEST_CASE("texts are kept only within the budget, and not at all by default") {
  TempDir dir;
  std::string small = dir.write("small.tf", "1234"), large = dir.write("large.tf", std::string(100, 'x'));
  DiskFileProvider keeping({dir.path.string()});
  keeping.keep_texts_for_one_more_read(50);
  CHECK(keeping.read(small) == "1234");
  CHECK(keeping.read(large)->size() == 100);
  dir.write("small.tf", "5678");
  dir.write("large.tf", "y");
  CHECK(keeping.read(small) == "1234");  // kept
  CHECK(keeping.read(large) == "y");     // over the budget: read again

  DiskFileProvider plain({dir.path.string()});
  CHECK(plain.read(small) == "5678");
  dir.write("small.tf", "9");
  CHECK(plain.read(small) == "9");
}

TEST_CASE("a released text is dropped, and frees its share of the budget") {
  TempDir dir;
  std::string a = dir.write("a.json", std::string(40, 'a')), b = dir.write("b.json", std::string(40, 'b'));
  DiskFileProvider provider({dir.path.string()});
  provider.keep_texts_for_one_more_read(50);
  CHECK(provider.read(a)->size() == 40);
  provider.release(a);  // not infrastructure code: planning will not read it again
  CHECK(provider.read(b)->size() == 40);  // fits again
  dir.write("a.json", "A");
  dir.write("b.json", "B");
  CHECK(provider.read(a) == "A");
  CHECK(provider.read(b) == std::string(40, 'b'));
}

TEST_CASE("reads stay confined to the roots, and FIFOs are refused without blocking") {
  TempDir dir;
  DiskFileProvider provider({(dir.path / "inside").string()});
  fs::create_directories(dir.path / "inside");
  std::string outside = dir.write("outside.tf", "x");
  CHECK_FALSE(provider.read(outside));
  std::string fifo = (dir.path / "inside" / "pipe.tf").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(provider.read(fifo));
}
