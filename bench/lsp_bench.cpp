// didChange -> publishDiagnostics latency of `ephemera lsp` on a generated 3,000-line
// Terraform module (a realistic serverless mix: functions, roles with policies, queues,
// event source mappings, security groups), in two ways of typing:
// - paused: each edit comes after a pause longer than any debounce, as a user typing then
//   stopping would; the time is from writing the didChange to reading the publishDiagnostics
//   of that version;
// - burst: bursts of keystrokes 40 ms apart (each follows the previous one within the
//   debounce), then a pause; the time is from the burst's last keystroke to the
//   publishDiagnostics of its version.
// Reports median, p95 and max of each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "lsp/lsp_client.h"

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// One service: a function with its role, policy, queue trigger and security group (~50 lines).
std::string service_block(int i) {
  std::string n = std::to_string(i);
  return "resource \"aws_iam_role\" \"svc" + n + "\" {\n"
         "  name = \"svc" + n + "-${var.env}\"\n"
         "  assume_role_policy = jsonencode({\n"
         "    Version = \"2012-10-17\"\n"
         "    Statement = [{ Effect = \"Allow\", Action = \"sts:AssumeRole\", Principal = { Service = \"lambda.amazonaws.com\" } }]\n"
         "  })\n"
         "}\n\n"
         "resource \"aws_iam_role_policy\" \"svc" + n + "\" {\n"
         "  role = aws_iam_role.svc" + n + ".id\n"
         "  policy = jsonencode({\n"
         "    Version = \"2012-10-17\"\n"
         "    Statement = [{ Effect = \"Allow\", Action = [\"sqs:ReceiveMessage\", \"sqs:DeleteMessage\"], Resource = aws_sqs_queue.svc" + n + ".arn }]\n"
         "  })\n"
         "}\n\n"
         "resource \"aws_sqs_queue\" \"svc" + n + "\" {\n"
         "  name                       = \"svc" + n + "-${var.env}\"\n"
         "  visibility_timeout_seconds = 60\n"
         "}\n\n"
         "resource \"aws_security_group\" \"svc" + n + "\" {\n"
         "  name   = \"svc" + n + "\"\n"
         "  vpc_id = var.vpc_id\n"
         "  egress {\n"
         "    from_port   = 443\n"
         "    to_port     = 443\n"
         "    protocol    = \"tcp\"\n"
         "    cidr_blocks = [\"10.0.0.0/16\"]\n"
         "  }\n"
         "}\n\n"
         "resource \"aws_lambda_function\" \"svc" + n + "\" {\n"
         "  function_name                  = \"svc" + n + "-${var.env}\"\n"
         "  role                           = aws_iam_role.svc" + n + ".arn\n"
         "  runtime                        = \"python3.12\"\n"
         "  handler                        = \"app.handler\"\n"
         "  filename                       = \"build/svc" + n + ".zip\"\n"
         "  timeout                        = 30\n"
         "  reserved_concurrent_executions = 5\n"
         "  vpc_config {\n"
         "    subnet_ids         = var.subnet_ids\n"
         "    security_group_ids = [aws_security_group.svc" + n + ".id]\n"
         "  }\n"
         "  environment {\n"
         "    variables = { QUEUE_URL = aws_sqs_queue.svc" + n + ".url, STAGE = var.env }\n"
         "  }\n"
         "}\n\n"
         "resource \"aws_lambda_event_source_mapping\" \"svc" + n + "\" {\n"
         "  event_source_arn = aws_sqs_queue.svc" + n + ".arn\n"
         "  function_name    = aws_lambda_function.svc" + n + ".arn\n"
         "  batch_size       = 10\n"
         "}\n\n";
}

// The generated module, split into `file_count` files of whole services (variables in the
// first), with the edited line in the middle file.
struct GeneratedModule {
  std::vector<std::string> files;  // main.tf, services_1.tf, ...
  size_t edited_file = 0;
  int edit_line = -1, edit_column = 0;
  int lines = 0;
};

GeneratedModule generate_module(int target_lines, int file_count) {
  std::vector<std::string> services;
  int lines = 12;
  while (lines < target_lines) {
    services.push_back(service_block(static_cast<int>(services.size())));
    lines += static_cast<int>(std::count(services.back().begin(), services.back().end(), '\n'));
  }
  GeneratedModule m;
  m.lines = lines;
  m.files.assign(static_cast<size_t>(std::max(1, file_count)), "");
  m.files[0] =
      "variable \"env\" {\n  default = \"prod\"\n}\n\n"
      "variable \"vpc_id\" {\n  default = \"vpc-0123456789abcdef0\"\n}\n\n"
      "variable \"subnet_ids\" {\n  default = [\"subnet-0123456789abcdef0\"]\n}\n\n";
  size_t per_file = (services.size() + m.files.size() - 1) / m.files.size();
  size_t edited_service = services.size() / 2;
  for (size_t i = 0; i < services.size(); ++i) {
    std::string& file = m.files[std::min(i / per_file, m.files.size() - 1)];
    if (i == edited_service) {
      // The edit toggles the reserved concurrency of the function in the middle of the module.
      size_t at = services[i].find("reserved_concurrent_executions = 5");
      m.edited_file = std::min(i / per_file, m.files.size() - 1);
      m.edit_line = static_cast<int>(std::count(file.begin(), file.end(), '\n') +
                                     std::count(services[i].begin(), services[i].begin() + static_cast<long>(at), '\n'));
      m.edit_column = static_cast<int>(std::string("  reserved_concurrent_executions = ").size());
    }
    file += services[i];
  }
  return m;
}

std::string file_name(size_t i) { return i == 0 ? "main.tf" : "services_" + std::to_string(i) + ".tf"; }

struct Samples {
  std::vector<double> ms;
  size_t fewest = SIZE_MAX, most = 0;  // diagnostics in the file: a reservation of 0 adds a finding
};

// Sends `keystrokes` one-character edits `gap_ms` apart (versions from `version` on) and
// returns the time from the last one to the publishDiagnostics of its version (-1: none).
double type_keystrokes(eph::testing::LspClient& client, const std::string& uri, int& version, int keystrokes,
                       int gap_ms, int edit_line, int edit_column, Samples& samples) {
  Clock::time_point last_sent;
  for (int k = 0; k < keystrokes; ++k) {
    if (k) std::this_thread::sleep_for(std::chrono::milliseconds(gap_ms));
    int v = ++version;
    json range = {{"start", {{"line", edit_line}, {"character", edit_column}}},
                  {"end", {{"line", edit_line}, {"character", edit_column + 1}}}};
    json change = {{"textDocument", {{"uri", uri}, {"version", v}}},
                   {"contentChanges", json::array({{{"range", range}, {"text", v % 2 ? "5" : "0"}}})}};
    last_sent = Clock::now();
    client.notify("textDocument/didChange", change);
  }
  int last = version;
  auto published = client.wait_for(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
               m["params"].value("version", 0) == last;
      },
      std::chrono::seconds(60));
  if (!published) return -1;
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - last_sent).count();
  size_t diagnostics = (*published)["params"]["diagnostics"].size();
  samples.fewest = std::min(samples.fewest, diagnostics);
  samples.most = std::max(samples.most, diagnostics);
  samples.ms.push_back(ms);
  client.backlog().clear();
  return ms;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(k, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: ephemera_lsp_bench EPHEMERA_BINARY [EDITS=200] [PAUSE_MS=100] [FILES=1] [BURSTS=60] [BURST_KEYS=5]"
                 " [DEBOUNCE_MS]\n"
                 "  DEBOUNCE_MS: start the server with --debounce-ms DEBOUNCE_MS (75 was the fixed default before\n"
                 "  the adaptive one); without it, the server's default\n");
    return 2;
  }
  std::string binary = argv[1];
  int edits = argc > 2 ? std::atoi(argv[2]) : 200;
  int pause_ms = argc > 3 ? std::atoi(argv[3]) : 100;
  int file_count = argc > 4 ? std::max(1, std::atoi(argv[4])) : 1;
  int bursts = argc > 5 ? std::max(0, std::atoi(argv[5])) : 60;
  int burst_keys = argc > 6 ? std::max(2, std::atoi(argv[6])) : 5;
  std::string debounce = argc > 7 ? argv[7] : "";
  constexpr int kBurstGapMs = 40, kBurstPauseMs = 300;
  if (edits < 1) edits = 1;

  fs::path dir = fs::temp_directory_path() / ("ephemera-lsp-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  GeneratedModule module = generate_module(3000, file_count);
  for (size_t i = 0; i < module.files.size(); ++i) std::ofstream(dir / file_name(i)) << module.files[i];
  // Only the edited file is open, as when a user edits one file of a module.
  const std::string& text = module.files[module.edited_file];
  int edit_line = module.edit_line, edit_column = module.edit_column, line_count = module.lines;
  std::string uri = "file://" + (dir / file_name(module.edited_file)).string();

  Samples paused, burst;
  {
    std::vector<std::string> server = {binary, "lsp"};
    if (!debounce.empty()) server.insert(server.end(), {"--debounce-ms", debounce});
    eph::testing::LspClient client(server);
    int id = client.request("initialize", {{"processId", nullptr},
                                           {"rootUri", "file://" + dir.string()},
                                           {"capabilities", json::object()}});
    if (!client.response(id)) {
      std::fprintf(stderr, "no answer to initialize\n");
      return 1;
    }
    client.notify("initialized", json::object());
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", 1}, {"text", text}}}});
    if (!client.diagnostics(uri, std::chrono::seconds(60))) {
      std::fprintf(stderr, "no diagnostics after didOpen\n");
      return 1;
    }
    int version = 1;
    for (int e = 0; e < edits; ++e) {
      std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
      if (type_keystrokes(client, uri, version, 1, 0, edit_line, edit_column, paused) < 0) {
        std::fprintf(stderr, "no diagnostics for version %d\n", version);
        return 1;
      }
    }
    for (int b = 0; b < bursts; ++b) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kBurstPauseMs));
      if (type_keystrokes(client, uri, version, burst_keys, kBurstGapMs, edit_line, edit_column, burst) < 0) {
        std::fprintf(stderr, "no diagnostics for version %d\n", version);
        return 1;
      }
    }
    client.request("shutdown", nullptr);
    client.notify("exit", nullptr);
    client.wait_exit();
  }
  fs::remove_all(dir);

  std::printf("ephemera lsp%s: didChange -> publishDiagnostics on a generated %d-line Terraform module in %zu file(s)\n",
              debounce.empty() ? "" : (" --debounce-ms " + debounce).c_str(), line_count, module.files.size());
  auto report = [](const char* what, const Samples& s) {
    if (s.ms.empty()) return;
    double median = percentile(s.ms, 0.5), p95 = percentile(s.ms, 0.95), worst = *std::max_element(s.ms.begin(), s.ms.end());
    std::printf("  %s\n    median %.2f ms   p95 %.2f ms   max %.2f ms   diagnostics in the file: %zu to %zu"
                "   (target: p95 under 20 ms: %s)\n",
                what, median, p95, worst, s.fewest, s.most, p95 < 20.0 ? "met" : "NOT met");
  };
  std::string paused_title = "paused: " + std::to_string(paused.ms.size()) + " edits, one character, " +
                             std::to_string(pause_ms) + " ms apart";
  std::string burst_title = "burst: " + std::to_string(burst.ms.size()) + " bursts of " + std::to_string(burst_keys) +
                            " keystrokes " + std::to_string(kBurstGapMs) + " ms apart (from the last keystroke)";
  report(paused_title.c_str(), paused);
  report(burst_title.c_str(), burst);
  return 0;
}
