#include "fuzz_entries.h"

#include <sys/mman.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "core/memory_file_provider.h"
#include "engine/analyzer.h"
#include "engine/config_loader.h"
#include "engine/suppressions.h"
#include "formats/cloudformation_format.h"
#include "formats/terraform_format.h"
#include "formats/terraform_plan_format.h"
#include "lsp/server.h"
#include "lsp/transport.h"

namespace eph::fuzz {
namespace {

// Load with the engine's own dispatch (exceptions become diagnostics), then run every rule.
void load_and_check(const UnitPlan& plan, const FileProvider& files) {
  AnalysisOptions options;
  LoadedUnit unit = load_unit(plan, files, options);
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  check_unit(unit, options.config, findings, errors);
}

}  // namespace

void terraform_module(std::string_view data) {
  MemoryFileProvider files;  // nothing touches the disk
  constexpr std::string_view kSplit = "\n---8<---\n";
  size_t split = data.find(kSplit);
  files.add("m/main.tf", std::string(data.substr(0, split)));
  if (split != std::string_view::npos) files.add("m/child/main.tf", std::string(data.substr(split + kSplit.size())));
  load_and_check(UnitPlan{&terraform_format(), "m", {"m/main.tf"}}, files);
}

void cloudformation_template(std::string_view data) {
  size_t first = data.find_first_not_of(" \t\r\n");
  std::string path = first != std::string_view::npos && data[first] == '{' ? "template.json" : "template.yaml";
  MemoryFileProvider files;  // nothing touches the disk
  files.add(path, std::string(data));
  load_and_check(UnitPlan{&cloudformation_format(), path, {path}}, files);
}

void terraform_plan(std::string_view data) {
  MemoryFileProvider files;  // nothing touches the disk
  files.add("plan.json", std::string(data));
  load_and_check(UnitPlan{&terraform_plan_format(), "plan.json", {"plan.json"}}, files);
}

void config_and_suppressions(std::string_view data) {
  Config config;
  std::vector<ConfigError> errors;
  parse_config(".ephemera.yaml", std::string(data), config, errors);
  Suppression s = parse_ignore_directive(data);
  validate_suppression(s);
}

void lsp_messages(std::string_view data) {
  // The transport reads a file descriptor: an anonymous in-memory file holds the stream.
  int in = memfd_create("lsp-input", 0);
  int out = open("/dev/null", O_WRONLY);
  if (in < 0 || out < 0) {
    if (in >= 0) close(in);
    if (out >= 0) close(out);
    return;
  }
  for (size_t done = 0; done < data.size();) {
    ssize_t n = write(in, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  lseek(in, 0, SEEK_SET);
  {
    lsp::Transport transport(in, out, 1u << 20);
    lsp::ServerOptions options;
    options.analysis = lsp::AnalysisMode::Inline;  // each analysis finishes inside handle(): no thread, no timer
    options.files = lsp::FileAccess::BuffersOnly;  // inputs name arbitrary file:// paths: never read them
    lsp::Server server([](const nlohmann::json& message) { (void)message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); },
                       options);
    std::string body, problem;
    while (!server.exited()) {
      auto status = transport.read(body, problem);
      if (status == lsp::Transport::ReadStatus::Eof) break;
      if (status == lsp::Transport::ReadStatus::Message) server.handle(body);
      else server.framing_error(problem);
    }
    // Inline analyses leave nothing queued; anything else is a scheduler bug worth a crash report.
    if (!server.wait_idle(std::chrono::milliseconds(0))) std::abort();
  }
  close(in);
  close(out);
}

}  // namespace eph::fuzz
