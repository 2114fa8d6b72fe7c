#include <doctest/doctest.h>

#include "core/memory_file_provider.h"

using namespace eph;
using Names = std::vector<std::string>;

TEST_CASE("memory files: exact paths, directories as the parents of files, listed like the disk") {
  MemoryFileProvider files;
  files.add("/ws/m/main.tf", "a");
  files.add("/ws/m/child/main.tf", "b");
  files.add("/ws/m.tf", "c");
  files.add("/ws/m0/x.tf", "d");

  CHECK(files.read("/ws/m/main.tf") == "a");
  CHECK_FALSE(files.read("/ws/m/other.tf"));
  CHECK_FALSE(files.read("/ws/m"));  // a directory is not a file

  CHECK(files.list("/ws/m") == Names{"main.tf"});
  CHECK(files.list("/ws/m", false) == Names{"child", "main.tf"});
  CHECK(files.list("/ws", false) == Names{"m", "m.tf", "m0"});
  CHECK(files.list("/", false) == Names{"ws"});
  CHECK(files.list("/ws/m/child") == Names{"main.tf"});
  CHECK(files.list("/nowhere").empty());

  CHECK(files.is_directory("/ws/m"));
  CHECK(files.is_directory("/ws/m/child"));
  CHECK(files.is_directory("/"));
  CHECK_FALSE(files.is_directory("/ws/m/main.tf"));
  CHECK_FALSE(files.is_directory("/w"));  // a prefix of a name is not a parent
}
