#pragma once
// One small pool for the engine's two parallel phases (planning's reads, the analysis of
// units): items handed out one at a time in order, the calling thread among the workers.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace eph {

// Calls each(i) for every i in [0, count) on up to `threads` threads (0: one per core), no more
// threads than one per `items_per_thread` items. `each` returns false to stop the thread that
// called it (cancellation); the others stop at their next item only if they are told too.
inline void parallel_for(size_t count, unsigned threads, size_t items_per_thread,
                         const std::function<bool(size_t)>& each) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(count / std::max<size_t>(items_per_thread, 1), 1)));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++)
      if (!each(i)) return;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace eph
