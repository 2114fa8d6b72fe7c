// ephemera_bench: speed and memory of a full scan against a parse-only pass over the same
// files, measured side by side in one run. Reports ratios, not just absolute times.
//
// usage: ephemera_bench [--ephemera BIN] [--out FILE] [--repeat N] PATH...
//        ephemera_bench --scale COPIES --ephemera BIN [--compare OLD_BIN] [--threads N] [--repeat N] CORPUS
//          (scale_bench.h: the corpus copied COPIES times, time and peak memory of each binary)
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <algorithm>
#include <filesystem>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "parse_only.h"
#include "scale_bench.h"
#include "terraform/module_config_cache.h"

extern char** environ;

using namespace eph;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Wall and CPU seconds, each the best of the runs. On a loaded machine wall time mostly measures
// the wait for a core; CPU time of one thread is the stable measure of work, so ratios use it.
struct Timing {
  double wall = 1e30, cpu = 1e30;
  void keep(double w, double c) {
    wall = std::min(wall, w);
    cpu = std::min(cpu, c);
  }
};

// Times `f`, best of `repeat` runs; `setup` runs before each, untimed.
template <typename Setup, typename F>
Timing timed_after(int repeat, Setup&& setup, F&& f) {
  Timing t;
  for (int i = 0; i < repeat; ++i) {
    setup();
    auto start = Clock::now();
    double cpu_start = cpu_now();
    f();
    t.keep(seconds_since(start), cpu_now() - cpu_start);
  }
  return t;
}

template <typename F>
Timing timed(int repeat, F&& f) {
  return timed_after(repeat, [] {}, f);
}

// Best of `repeat` runs: the least disturbed measurement on a shared machine.
template <typename F>
double best_of(int repeat, F&& f) {
  double best = 1e30;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    f();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

// Wall time of one `ephemera ARGS...` process, start-up included (`cpu`: its user + system time).
double time_process(const std::string& binary, std::vector<std::string> args, double* cpu = nullptr) {
  args.insert(args.begin(), binary);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  auto start = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  double elapsed = seconds_since(start);
  if (cpu) {
    *cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  posix_spawn_file_actions_destroy(&actions);
  return elapsed;
}

// Passes reads through, remembering the Terraform files the analysis loads beyond the units'
// own files (the child modules a module call reaches): the parse-only pass must parse them too.
class RecordingFileProvider final : public FileProvider {
 public:
  explicit RecordingFileProvider(const FileProvider& inner) : inner_(inner) {}
  std::optional<std::string> read(const std::string& path) const override {
    auto text = inner_.read(path);
    if (text && is_terraform_file(path)) {
      std::lock_guard lock(mutex_);
      read_.insert(path);
    }
    return text;
  }
  std::vector<std::string> list(const std::string& dir, bool files_only) const override {
    return inner_.list(dir, files_only);
  }
  bool is_directory(const std::string& path) const override { return inner_.is_directory(path); }
  std::set<std::string> terraform_files_read() const {
    std::lock_guard lock(mutex_);
    return read_;
  }

 private:
  static bool is_terraform_file(const std::string& path) {
    auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
    return ends(".tf") || ends(".tf.json") || ends(".tfvars");
  }
  const FileProvider& inner_;
  mutable std::mutex mutex_;
  mutable std::set<std::string> read_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::string binary, out_file = "bench/results/latest.json";
  int repeat = 3;
  int scale = 0, threads = 2;
  std::string compare;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scale" && i + 1 < argc) scale = std::max(1, std::atoi(argv[++i]));
    else if (a == "--compare" && i + 1 < argc) compare = argv[++i];
    else if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
    else if (a == "--ephemera" && i + 1 < argc) binary = argv[++i];
    else if (a == "--out" && i + 1 < argc) out_file = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else paths.push_back(a);
  }
  if (paths.empty() || (scale && binary.empty())) {
    std::cerr << "usage: ephemera_bench [--ephemera BIN] [--out FILE] [--repeat N] PATH...\n"
                 "       ephemera_bench --scale COPIES --ephemera BIN [--compare OLD_BIN] [--threads N] [--repeat N] CORPUS\n";
    return 2;
  }
  if (scale) {
    bench::ScaleOptions options{scale, paths.front(), {binary}, threads, repeat};
    if (!compare.empty()) options.binaries.push_back(compare);
    return bench::run_scale_bench(options);
  }

  DiscoveredFiles found = discover_files(paths);
  AnalysisOptions options;
  DiskFileProvider provider(paths, options.config.max_file_bytes);
  std::vector<UnitPlan> units = plan_units(found, provider, options.config.max_file_bytes);
  std::set<std::string> analysed;
  for (const auto& u : units)
    for (const auto& f : u.files) analysed.insert(f);

  options.threads = 1;
  AnalysisResult result;
  std::set<std::string> terraform_files_read;
  auto scan_once = [&] {
    // A fresh provider per scan, set up as `ephemera scan` sets up its own.
    DiskFileProvider disk(paths, options.config.max_file_bytes);
    disk.keep_texts_for_one_more_read(DiskFileProvider::kScanTextBudgetBytes);
    RecordingFileProvider recording(disk);
    DiscoveredFiles again = discover_files(paths);
    result = analyze(plan_units(again, disk, options.config.max_file_bytes), recording, options);
    if (terraform_files_read.empty()) terraform_files_read = recording.terraform_files_read();
  };
  // A first, untimed scan records the files the scan parses (the parse-only pass must parse the
  // same ones) and grows the heap: neither timed pass then pays for first-touching memory that
  // the other found ready, whichever runs first.
  scan_once();
  for (const auto& f : terraform_files_read) analysed.insert(f);
  std::vector<std::string> files(analysed.begin(), analysed.end());

  // Cold scans: parsed Terraform modules are cached for the life of the process
  // (terraform/module_config_cache.h), so the cache is emptied before each run and every module
  // is parsed again. Best of N, like the parse-only pass; also timed below as fresh processes.
  // Both on one thread, so the ratio compares work, not cores.
  Timing cold = timed_after(repeat, [] { terraform::ModuleConfigCache::shared().clear(); }, scan_once);
  bench::ParseOnlyResult parsed;
  Timing parse = timed(repeat, [&] { parsed = bench::parse_only(files); });
  double parse_seconds = parse.wall;

  Timing warm = timed(repeat, scan_once);
  if (!binary.empty()) {
    std::vector<std::string> args = {"scan", "--format", "json", "--no-config", "--threads", "1"};
    args.insert(args.end(), paths.begin(), paths.end());
    for (int i = 0; i < repeat; ++i) {
      double cpu = 0;
      double wall = time_process(binary, args, &cpu);
      cold.keep(wall, cpu);
    }
  }
  double scan_seconds = cold.wall, warm_seconds = warm.wall;
  double cpu_ratio = parse.cpu > 0 ? cold.cpu / parse.cpu : 0;
  double warm_cpu_ratio = parse.cpu > 0 ? warm.cpu / parse.cpu : 0;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.threads = cores;
  double parallel_seconds = best_of(repeat, scan_once);

  // Start-up: one small file, a fresh process each time.
  double single_file_ms = -1, process_floor_ms = -1;
  if (!binary.empty() && !files.empty()) {
    std::string smallest = files.front();
    size_t smallest_size = SIZE_MAX;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::ate | std::ios::binary);
      size_t size = static_cast<size_t>(in.tellg());
      if (size > 200 && size < smallest_size && f.size() > 3 && f.substr(f.size() - 3) == ".tf") {
        smallest = f;
        smallest_size = size;
      }
    }
    std::vector<double> runs, bare;
    for (int i = 0; i < 15; ++i) {
      runs.push_back(time_process(binary, {"scan", "--format", "json", smallest}) * 1000);
      bare.push_back(time_process(binary, {"--version"}) * 1000);
    }
    single_file_ms = median(runs);
    // The same process doing nothing: what exec, the dynamic loader and the machine's load cost
    // alone, so the scan's own share of the single-file time is visible on a busy machine.
    process_floor_ms = median(bare);
  }

  double mb = parsed.bytes / 1e6;
  nlohmann::ordered_json j;
  j["files"] = parsed.files;
  j["bytes"] = parsed.bytes;
  j["units"] = units.size();
  j["findings"] = result.findings.size();
  j["parse_only_seconds"] = parse_seconds;
  j["scan_seconds_1_thread"] = scan_seconds;
  j["warm_rescan_seconds_1_thread"] = warm_seconds;
  j["scan_seconds_all_cores"] = parallel_seconds;
  j["cores"] = cores;
  j["parse_only_cpu_seconds"] = parse.cpu;
  j["scan_cpu_seconds_1_thread"] = cold.cpu;
  j["warm_rescan_cpu_seconds_1_thread"] = warm.cpu;
  j["scan_to_parse_ratio"] = cpu_ratio;  // CPU time: stable on a loaded machine
  j["scan_to_parse_ratio_wall"] = parse_seconds > 0 ? scan_seconds / parse_seconds : 0;
  j["warm_rescan_to_parse_ratio"] = warm_cpu_ratio;
  j["files_per_second"] = parallel_seconds > 0 ? parsed.files / parallel_seconds : 0;
  j["mb_per_second"] = parallel_seconds > 0 ? mb / parallel_seconds : 0;
  j["single_file_scan_ms"] = single_file_ms;
  j["process_floor_ms"] = process_floor_ms;
  j["peak_rss_mib"] = peak_rss_kib() / 1024.0;
  std::filesystem::create_directories(std::filesystem::path(out_file).parent_path());
  std::ofstream(out_file) << j.dump(2) << "\n";

  std::printf("%-34s %12s\n", "measure", "value");
  std::printf("%-34s %12zu\n", "files", parsed.files);
  std::printf("%-34s %12.2f\n", "MB", mb);
  std::printf("%-34s %12zu\n", "findings", result.findings.size());
  std::printf("%-34s %12.3f  (CPU %.3f)\n", "parse only, 1 thread (s)", parse_seconds, parse.cpu);
  std::printf("%-34s %12.3f  (CPU %.3f)\n", "full scan, 1 thread (s)", scan_seconds, cold.cpu);
  std::printf("%-34s %12.3f  (CPU %.3f)\n", "warm re-scan, 1 thread (s)", warm_seconds, warm.cpu);
  std::printf("%-34s %12.3f\n", ("warm re-scan, " + std::to_string(cores) + " threads (s)").c_str(), parallel_seconds);
  std::printf("%-34s %12.2fx  (target <= 1.5x; CPU time; wall %.2fx)\n", "full scan / parse only", cpu_ratio,
              parse_seconds > 0 ? scan_seconds / parse_seconds : 0);
  std::printf("%-34s %12.2fx  (CPU time)\n", "warm re-scan / parse only", warm_cpu_ratio);
  std::printf("%-34s %12.0f\n", "files/s (all cores, warm)", parallel_seconds > 0 ? parsed.files / parallel_seconds : 0);
  std::printf("%-34s %12.2f\n", "MB/s (all cores, warm)", parallel_seconds > 0 ? mb / parallel_seconds : 0);
  if (single_file_ms >= 0) {
    std::printf("%-34s %12.1f  (target < 10 ms)\n", "one small file, process (ms)", single_file_ms);
    std::printf("%-34s %12.1f\n", "same process, --version only (ms)", process_floor_ms);
  }
  std::printf("%-34s %12.1f\n", "peak RSS (MiB)", peak_rss_kib() / 1024.0);
  std::printf("results written to %s\n", out_file.c_str());
  return 0;
}
