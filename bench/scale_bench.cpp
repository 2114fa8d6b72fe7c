#include "scale_bench.h"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

extern char** environ;

namespace fs = std::filesystem;

namespace eph::bench {
namespace {

struct Run {
  double seconds = 0;
  long peak_kib = 0;
  int status = -1;
};

// One `BINARY scan TREE` process: wall time, its peak resident memory and exit status.
Run scan_process(const std::string& binary, const std::string& tree, int threads) {
  std::vector<std::string> args = {binary, "scan", tree, "--format", "json", "--no-config", "--threads",
                                   std::to_string(threads)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  Run run;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peak_kib = usage.ru_maxrss;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  return run;
}

// The corpus copied `copies` times under `tree` (copy-0001, ...), its .git left out.
size_t build_tree(const fs::path& corpus, const fs::path& tree, int copies) {
  size_t files = 0;
  for (int i = 1; i <= copies; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "copy-%04d", i);
    fs::path target = tree / name;
    for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator(); ++it) {
      if (it->path().filename() == ".git") {
        it.disable_recursion_pending();
        continue;
      }
      fs::path to = target / fs::relative(it->path(), corpus);
      if (it->is_directory()) {
        fs::create_directories(to);
      } else if (it->is_regular_file()) {
        fs::create_directories(to.parent_path());
        fs::copy_file(it->path(), to);
        ++files;
      }
    }
  }
  return files;
}

}  // namespace

int run_scale_bench(const ScaleOptions& options) {
  if (!fs::is_directory(options.corpus)) {
    std::fprintf(stderr, "ephemera_bench --scale: no corpus at %s\n", options.corpus.c_str());
    return 2;
  }
  fs::path tree = fs::temp_directory_path() / ("ephemera-scale-" + std::to_string(getpid()));
  std::fprintf(stderr, "building %d copies of %s in %s...\n", options.copies, options.corpus.c_str(), tree.c_str());
  size_t files = build_tree(options.corpus, tree, options.copies);
  std::printf("scale: %s copied %d times: %zu files, scanned with --threads %d (best of %d)\n",
              options.corpus.c_str(), options.copies, files, options.threads, options.repeat);
  std::printf("%-60s %10s %12s %6s\n", "binary", "wall (s)", "peak (MiB)", "exit");
  int worst = 0;
  for (const auto& binary : options.binaries) {
    Run best;
    best.seconds = 1e30;
    for (int r = 0; r < options.repeat; ++r) {
      Run run = scan_process(binary, tree.string(), options.threads);
      if (run.status < 0 || run.status > 1) worst = 1;
      if (run.seconds < best.seconds) best.seconds = run.seconds, best.status = run.status;
      best.peak_kib = std::max(best.peak_kib, run.peak_kib);
    }
    std::printf("%-60s %10.1f %12.1f %6d\n", binary.c_str(), best.seconds, static_cast<double>(best.peak_kib) / 1024.0,
                best.status);
    std::fflush(stdout);
  }
  std::error_code ec;
  fs::remove_all(tree, ec);
  return worst;
}

}  // namespace eph::bench
