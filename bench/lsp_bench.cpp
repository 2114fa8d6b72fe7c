// didChange -> publishDiagnostics latency of `ephemera lsp` on a generated 3,000-line
// Terraform module (a realistic serverless mix: functions, roles with policies, queues,
// event source mappings, security groups). Each edit comes after a pause longer than the
// debounce, as a user typing then stopping would; the time is from writing the didChange
// to reading the publishDiagnostics of that version. Reports median, p95 and max.
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

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(k, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ephemera_lsp_bench EPHEMERA_BINARY [EDITS=200] [PAUSE_MS=100] [FILES=1]\n");
    return 2;
  }
  std::string binary = argv[1];
  int edits = argc > 2 ? std::atoi(argv[2]) : 200;
  int pause_ms = argc > 3 ? std::atoi(argv[3]) : 100;
  int file_count = argc > 4 ? std::max(1, std::atoi(argv[4])) : 1;
  if (edits < 1) edits = 1;

  fs::path dir = fs::temp_directory_path() / ("ephemera-lsp-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  GeneratedModule module = generate_module(3000, file_count);
  for (size_t i = 0; i < module.files.size(); ++i) std::ofstream(dir / file_name(i)) << module.files[i];
  // Only the edited file is open, as when a user edits one file of a module.
  const std::string& text = module.files[module.edited_file];
  int edit_line = module.edit_line, edit_column = module.edit_column, line_count = module.lines;
  std::string uri = "file://" + (dir / file_name(module.edited_file)).string();

  std::vector<double> ms;
  size_t fewest = SIZE_MAX, most = 0;  // diagnostics in the file: a reservation of 0 adds a finding
  {
    eph::testing::LspClient client({binary, "lsp"});
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
    for (int v = 2; v < edits + 2; ++v) {
      std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
      json range = {{"start", {{"line", edit_line}, {"character", edit_column}}},
                    {"end", {{"line", edit_line}, {"character", edit_column + 1}}}};
      json change = {{"textDocument", {{"uri", uri}, {"version", v}}},
                     {"contentChanges", json::array({{{"range", range}, {"text", v % 2 ? "5" : "0"}}})}};
      auto start = Clock::now();
      client.notify("textDocument/didChange", change);
      auto published = client.wait_for(
          [&](const json& m) {
            return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
                   m["params"].value("version", 0) == v;
          },
          std::chrono::seconds(60));
      if (!published) {
        std::fprintf(stderr, "no diagnostics for version %d\n", v);
        return 1;
      }
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      size_t diagnostics = (*published)["params"]["diagnostics"].size();
      fewest = std::min(fewest, diagnostics);
      most = std::max(most, diagnostics);
      client.backlog().clear();
    }
    client.request("shutdown", nullptr);
    client.notify("exit", nullptr);
    client.wait_exit();
  }
  fs::remove_all(dir);

  double median = percentile(ms, 0.5), p95 = percentile(ms, 0.95), worst = *std::max_element(ms.begin(), ms.end());
  std::printf("ephemera lsp: didChange -> publishDiagnostics on a generated %d-line Terraform module in %zu file(s)\n",
              line_count, module.files.size());
  std::printf("  edits: %zu (one character, %d ms apart)   diagnostics in the file: %zu to %zu\n", ms.size(),
              pause_ms, fewest, most);
  std::printf("  median %.2f ms   p95 %.2f ms   max %.2f ms   (target: p95 under 20 ms: %s)\n", median, p95, worst,
              p95 < 20.0 ? "met" : "NOT met");
  return 0;
}
