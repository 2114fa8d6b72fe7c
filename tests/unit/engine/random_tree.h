#pragma once
// A random tree of files, directories and symbolic links (up, down, out of the root, to
// nothing), seeded so that a failure replays: the input of the property tests of confined
// reads and of discovery.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "symlink_tree.h"

namespace eph::test {

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
          std::filesystem::create_directories(t.path(d));
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
          if (!std::filesystem::exists(t.path(path))) t.write(path, text);
          names.push_back(path);
          break;
        }
        default: {
          std::string l = dir + "/" + name + (pick(2) ? "l" : one_of(files));
          std::error_code ec;
          std::filesystem::create_symlink(link_target(l), t.path(l), ec);
          if (!ec) names.push_back(l);
          break;
        }
      }
    }
  }
};

}  // namespace eph::test
