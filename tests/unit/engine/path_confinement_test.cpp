// Reads confined to the scanned roots after resolving symbolic links: every way out an
// attacker could write into a repository, and the links that stay inside, which keep working.
#include <doctest/doctest.h>

#include <unistd.h>

#include <climits>
#include <cstdlib>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "core/disk_file_provider.h"
#include "core/path_confinement.h"
#include "symlink_tree.h"

using namespace eph;
using eph::test::SymlinkTree;
using Verdict = PathConfinement::Verdict;

namespace {

// root/ with a file, links inside it, and links out of it in every form.
struct HostileTree : SymlinkTree {
  HostileTree() : SymlinkTree("hostile") {
    write("root/in.txt", "inside");
    write("root/sub/x.txt", "sub");
    write("outside/secret.txt", "OUTSIDE-SECRET");
    write("outside/deep/y.txt", "OUTSIDE-DEEP");
    link("root/link_in.txt", "in.txt");
    link("root/dir_in", "sub");
    link("root/link_out.txt", "../outside/secret.txt");
    link("root/link_abs.txt", path("outside/secret.txt"));
    link("root/dir_out", "../outside");
    link("root/proc_environ", "/proc/self/environ");
    link("root/proc_root", "/proc/self/root");
    link("root/dangling", "../outside/nothing-here");
    // `..` after a link: lexically root/sub, but the kernel resolves lo first, then goes up
    // from its target, out of the tree.
    link("root/sub/lo", "../../outside/deep");
    link("root/sneaky", "sub/lo/..");
    link("root/chain", "link_out.txt");  // a link to a link that leads out
  }
};

}  // namespace

TEST_CASE("confinement: paths compare component by component, not by string prefix") {
  CHECK(path_within("/a/b", "/a/b"));
  CHECK(path_within("/a/b/c", "/a/b"));
  CHECK_FALSE(path_within("/a/bc", "/a/b"));
  CHECK_FALSE(path_within("/a/bc/x", "/a/b"));
  CHECK_FALSE(path_within("/a", "/a/b"));
  CHECK(path_within("/x", "/"));

  SymlinkTree t("prefix");
  t.write("root/b/in.txt", "in");
  t.write("root/bc/x.txt", "OUTSIDE");
  t.link("root/b/to_sibling", "../bc/x.txt");
  PathConfinement c({t.path("root/b")});
  CHECK(c.check(t.path("root/b/in.txt")) == Verdict::Inside);
  CHECK(c.check(t.path("root/bc/x.txt")) == Verdict::Outside);
  CHECK(c.check(t.path("root/b/to_sibling")) == Verdict::LeadsOutside);
  CHECK(c.open_for_reading(t.path("root/bc/x.txt")) < 0);
}

TEST_CASE("confinement: links inside the roots are followed; links leading out are not opened") {
  HostileTree t;
  std::vector<std::string> opened;
  PathConfinement c({t.root.string()});
  c.set_open_observer([&](const std::string& p) { opened.push_back(p); });

  for (const char* inside : {"root/in.txt", "root/link_in.txt", "root/dir_in/x.txt", "root/sub/x.txt"}) {
    CHECK_MESSAGE(c.check(t.path(inside)) == Verdict::Inside, inside);
    int fd = c.open_for_reading(t.path(inside));
    CHECK_MESSAGE(fd >= 0, inside);
    if (fd >= 0) ::close(fd);
  }
  for (const char* out : {"root/link_out.txt", "root/link_abs.txt", "root/dir_out", "root/dir_out/secret.txt",
                          "root/proc_environ", "root/proc_root", "root/proc_root/etc/hostname", "root/sneaky",
                          "root/sneaky/y.txt", "root/sub/lo/y.txt", "root/chain", "root/dangling"}) {
    CHECK_MESSAGE(c.check(t.path(out)) == Verdict::LeadsOutside, out);
    CHECK_MESSAGE(c.open_for_reading(t.path(out)) < 0, out);
  }
  // Written outside: an absolute path, `../`, /proc.
  for (std::string out : {t.path("outside/secret.txt"), t.path("root/../outside/secret.txt"),
                          std::string("/proc/self/environ"), std::string("/etc/hostname")}) {
    CHECK_MESSAGE(c.check(out) == Verdict::Outside, out);
    CHECK_MESSAGE(c.open_for_reading(out) < 0, out);
  }
  // Every descriptor opened was inside the root, by the kernel's own account.
  REQUIRE(opened.size() == 4);
  for (const auto& p : opened) CHECK_MESSAGE(path_within(p, t.root.string()), p);
}

TEST_CASE("confinement: a missing path behind a link leading out answers like an existing one") {
  // Otherwise the answer would tell an attacker which files exist on the machine.
  HostileTree t;
  PathConfinement c({t.root.string()});
  CHECK(c.check(t.path("root/dir_out/secret.txt")) == Verdict::LeadsOutside);
  CHECK(c.check(t.path("root/dir_out/no-such-file")) == Verdict::LeadsOutside);
  CHECK(c.check(t.path("root/dir_out/no/such/dir")) == Verdict::LeadsOutside);
  CHECK(c.check(t.path("root/dangling")) == Verdict::LeadsOutside);
  // Missing below the root, or behind a link to a missing file of the tree: inside, nothing to
  // read (reported as unreadable, as before).
  CHECK(c.check(t.path("root/no-such-file")) == Verdict::Inside);
  t.link("root/gone.tf", "nowhere.tf");
  t.link("root/gone_via_sub.tf", "sub/lo/../nowhere.tf");  // lexically root/sub/nowhere.tf; really outside/
  CHECK(c.check(t.path("root/gone.tf")) == Verdict::Inside);
  CHECK(c.check(t.path("root/gone_via_sub.tf")) == Verdict::LeadsOutside);
  auto entries = c.list_directory(t.root.string());
  REQUIRE(entries);
  for (const auto& e : *entries) {
    if (e.name == "gone.tf") CHECK(e.type == PathConfinement::Entry::Type::Other);
    if (e.name == "gone_via_sub.tf") CHECK(e.type == PathConfinement::Entry::Type::LeadsOutside);
  }
  CHECK(c.open_for_reading(t.path("root/no-such-file")) < 0);
}

TEST_CASE("confinement: directories resolved a component at a time answer as realpath does, first time and cached") {
  HostileTree t;
  t.write("root/a/b/c/deep.txt", "deep");
  t.link("root/a/up", "../../outside");           // a link one level down, leading out
  t.link("root/a/b/in", "../../sub");             // a link two levels down, staying inside
  t.link("root/a/b/chain", "in");                 // a link to a link
  t.link("root/a/b/c/abs", t.path("root/sub"));   // absolute, inside
  t.link("root/a/b/c/back", "../../up/deep");     // through a link that leads out
  const std::string root = t.root.string();
  auto reference = [&](const std::string& path) {
    char buf[PATH_MAX];
    if (!::realpath(path.c_str(), buf)) return std::string("unresolved");
    return std::string(path_within(buf, root) ? "inside" : "leads outside");
  };
  auto answer = [](Verdict v) { return std::string(v == Verdict::Inside ? "inside" : "leads outside"); };
  std::vector<std::string> paths;
  for (const char* rel : {"root/a/b/c/deep.txt", "root/a/b/c", "root/a/up/secret.txt", "root/a/up/deep/y.txt",
                          "root/a/b/in/x.txt", "root/a/b/chain/x.txt", "root/a/b/c/abs/x.txt", "root/a/b/c/back/y.txt",
                          "root/dir_in/x.txt", "root/dir_out/secret.txt", "root/sub/lo/y.txt"})
    paths.push_back(t.path(rel));
  for (int round = 0; round < 2; ++round) {  // the second round answers from the cache
    PathConfinement c({root});
    for (const auto& p : paths) {
      for (int again = 0; again <= round; ++again) {
        CHECK_MESSAGE(answer(c.check(p)) == reference(p), p);
        int fd = c.open_for_reading(p);
        CHECK_MESSAGE((fd >= 0) == (reference(p) == "inside"), p);
        if (fd >= 0) ::close(fd);
      }
    }
  }
}

TEST_CASE("confinement: the cache of resolved directories stays bounded however many directories a tree has") {
  // A large tree's every directory, kept to the end of a scan, was tens of MiB (94 copies of
  // the corpus: 90,000 directories). Walking more directories than the bound holds keeps the
  // answers right and the cache within two generations of the bound.
  SymlinkTree t("bounded");
  const std::string long_name(120, 'd');
  size_t entry_bytes = 0;
  std::vector<std::string> files;
  for (int i = 0; entry_bytes < 3 * PathConfinement::kDirectoryCacheBytes; ++i) {
    std::string dir = "root/" + std::to_string(i % 40) + "/" + long_name + std::to_string(i);
    files.push_back(t.write(dir + "/main.tf", "x"));
    entry_bytes += 2 * (t.path(dir).size() + 1);
  }
  t.link("root/0/out", "../../outside");
  PathConfinement c({t.root.string()});
  size_t listed = 0;
  std::function<void(const std::string&)> walk = [&](const std::string& dir) {
    auto entries = c.list_directory(dir);
    REQUIRE(entries);
    for (const auto& e : *entries) {
      ++listed;
      if (e.type == PathConfinement::Entry::Type::Directory) walk(dir + "/" + e.name);
    }
    CHECK(c.cached_directory_bytes() <= 2 * PathConfinement::kDirectoryCacheBytes);
  };
  walk(t.root.string());
  CHECK(listed == files.size() * 2 + 40 + 1);  // each directory and its file, the 40 parents, the link
  for (const auto& file : files) {  // read after the walk: answered again where the cache let go
    CHECK(c.check(file) == Verdict::Inside);
    int fd = c.open_for_reading(file);
    CHECK(fd >= 0);
    if (fd >= 0) ::close(fd);
  }
  CHECK(c.cached_directory_bytes() <= 2 * PathConfinement::kDirectoryCacheBytes);
  CHECK(c.check(t.path("root/0/out/secret.txt")) == Verdict::LeadsOutside);
}

TEST_CASE("confinement: a directory swapped for a link after it was resolved (or listed) is not opened through") {
  // The real paths of directories are cached, and a listing records its subdirectories': the
  // open itself must refuse a link met on the way (openat2, or the kernel's path checked).
  for (bool observed : {false, true}) {  // with an observer the kernel's own path is asked too
    HostileTree t;
    t.write("root/sub/deep/z.txt", "inside");
    t.write("outside/deep/z.txt", "OUTSIDE-SWAPPED");
    t.write("outside/z.txt", "OUTSIDE-SWAPPED");
    PathConfinement c({t.root.string()});
    std::vector<std::string> opened;
    if (observed) c.set_open_observer([&](const std::string& p) { opened.push_back(p); });
    REQUIRE(c.list_directory(t.root.string()));          // records root/sub
    REQUIRE(c.list_directory(t.path("root/sub")));       // records root/sub/deep
    CHECK(c.check(t.path("root/sub/deep/z.txt")) == Verdict::Inside);
    int fd = c.open_for_reading(t.path("root/sub/deep/z.txt"));
    CHECK(fd >= 0);
    if (fd >= 0) ::close(fd);
    // Swapped: root/sub now leads out, with the same names behind it.
    std::filesystem::rename(t.root / "sub", t.base / "moved-away");
    t.link("root/sub", "../outside");
    CHECK(c.open_for_reading(t.path("root/sub/deep/z.txt")) < 0);
    CHECK(c.open_for_reading(t.path("root/sub/z.txt")) < 0);
    CHECK_FALSE(c.list_directory(t.path("root/sub/deep")));
    for (const auto& p : opened) CHECK_MESSAGE(path_within(p, t.root.string()), p);
  }
}

TEST_CASE("confinement: a directory larger than one read of its entries is listed whole, sorted") {
  SymlinkTree t("many");
  std::set<std::string> names;
  for (int i = 0; i < 1500; ++i) {  // about 100 KB of entries: several getdents64 calls
    std::string name = "file-with-a-rather-long-name-to-fill-the-buffer-" + std::to_string(i * 7919 % 1500) + ".tf";
    t.write("root/" + name, "");
    names.insert(name);
  }
  t.write("root/d/x.tf", "");
  names.insert("d");
  PathConfinement c({t.root.string()});
  auto entries = c.list_directory(t.root.string());
  REQUIRE(entries);
  std::vector<std::string> listed;
  for (const auto& e : *entries) {
    listed.push_back(e.name);
    CHECK(e.type == (e.name == "d" ? PathConfinement::Entry::Type::Directory : PathConfinement::Entry::Type::File));
  }
  CHECK(listed == std::vector<std::string>(names.begin(), names.end()));
}

TEST_CASE("confinement: the root as given is trusted, even when it is itself a link") {
  HostileTree t;
  std::string alias = t.link("alias", "root");
  PathConfinement c({alias});
  CHECK(c.check(alias + "/in.txt") == Verdict::Inside);
  CHECK(c.check(alias + "/link_in.txt") == Verdict::Inside);
  CHECK(c.check(t.path("root/in.txt")) == Verdict::Inside);  // the same files, by their real path
  CHECK(c.check(alias + "/link_out.txt") == Verdict::LeadsOutside);
  CHECK(c.check(alias + "/../outside/secret.txt") == Verdict::Outside);
}

TEST_CASE("confinement: listing a directory types the links that lead out") {
  HostileTree t;
  PathConfinement c({t.root.string()});
  auto entries = c.list_directory(t.root.string());
  REQUIRE(entries);
  std::map<std::string, PathConfinement::Entry::Type> types;
  for (const auto& e : *entries) types[e.name] = e.type;
  using Type = PathConfinement::Entry::Type;
  CHECK(types["in.txt"] == Type::File);
  CHECK(types["link_in.txt"] == Type::File);
  CHECK(types["dir_in"] == Type::Directory);
  CHECK(types["sub"] == Type::Directory);
  for (const char* out : {"link_out.txt", "link_abs.txt", "dir_out", "proc_environ", "proc_root", "dangling", "sneaky", "chain"})
    CHECK_MESSAGE(types[out] == Type::LeadsOutside, out);
  CHECK_FALSE(c.list_directory(t.path("root/dir_out")));
  CHECK_FALSE(c.list_directory(t.outside.string()));
}

TEST_CASE("confinement: --follow-symlinks follows links out, and still refuses paths written outside") {
  HostileTree t;
  PathConfinement c({t.root.string()}, /*follow_symlinks=*/true);
  CHECK(c.check(t.path("root/link_out.txt")) == Verdict::Inside);
  int fd = c.open_for_reading(t.path("root/dir_out/secret.txt"));
  CHECK(fd >= 0);
  if (fd >= 0) ::close(fd);
  CHECK(c.check(t.path("outside/secret.txt")) == Verdict::Outside);
  CHECK(c.open_for_reading(t.path("root/../outside/secret.txt")) < 0);
}

TEST_CASE("confinement: files the user names are read as given outside the roots, confined inside them") {
  HostileTree t;
  t.write("user.tfvars", "region = \"eu-west-1\"\n");
  PathConfinement c({t.root.string()});
  std::string why;
  CHECK(c.read_named_file(t.path("user.tfvars"), &why) == "region = \"eu-west-1\"\n");
  CHECK(c.read_named_file(t.path("root/in.txt"), &why) == "inside");
  CHECK_FALSE(c.read_named_file(t.path("root/link_out.txt"), &why));
  CHECK(why.find("symbolic link") != std::string::npos);
  CHECK_FALSE(c.read_named_file(t.path("root/missing.yaml"), &why));
}

TEST_CASE("disk provider: reads, listings and directories through the confinement") {
  HostileTree t;
  DiskFileProvider provider({t.root.string()});
  std::set<std::string> opened;
  provider.set_open_observer([&](const std::string& p) { opened.insert(p); });
  CHECK(provider.read(t.path("root/link_in.txt")) == "inside");
  CHECK(provider.read(t.path("root/dir_in/x.txt")) == "sub");
  for (const char* out : {"root/link_out.txt", "root/link_abs.txt", "root/dir_out/secret.txt", "root/sneaky/y.txt",
                          "root/proc_environ", "root/chain", "root/sub/lo/../../outside/secret.txt"}) {
    CHECK_MESSAGE(!provider.read(t.path(out)), out);
  }
  // `..` after a link is taken lexically, as Terraform does: root/sub/lo/../x.txt is root/sub/x.txt.
  CHECK(provider.read(t.path("root/sub/lo/../x.txt")) == "sub");
  CHECK(provider.refusal(t.path("root/link_out.txt")));
  CHECK(provider.refusal(t.path("outside/secret.txt")));
  CHECK_FALSE(provider.refusal(t.path("root/link_in.txt")));
  CHECK(provider.is_directory(t.path("root/dir_in")));
  CHECK_FALSE(provider.is_directory(t.path("root/dir_out")));
  CHECK(provider.list(t.path("root/dir_out")).empty());
  std::vector<std::string> names = provider.list(t.root.string());
  CHECK(names == std::vector<std::string>{"in.txt", "link_in.txt"});
  std::vector<std::string> all = provider.list(t.root.string(), false);
  CHECK(all == std::vector<std::string>{"dir_in", "in.txt", "link_in.txt", "sub"});
  // An editor buffer at a link that leads out is not served either.
  provider.set_overlay(t.path("root/link_out.txt"), "buffer");
  CHECK_FALSE(provider.read(t.path("root/link_out.txt")));
  for (const auto& p : opened) CHECK_MESSAGE(path_within(p, t.root.string()), p);
}
