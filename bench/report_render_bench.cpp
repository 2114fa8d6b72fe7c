// ephemera_report_bench: how long the HTML and Markdown reports take to render N findings
// (default 10,000) to a file. The findings are made up but shaped like real ones: spread
// over 200 files, each with a code frame, a fix, and one in two with an evidence chain of
// five links (function -> subnet -> route table -> route -> NAT gateway), a secret to mask
// in every file. Prints wall and CPU seconds and the size of each file; exits 1 when the
// HTML report takes more than --limit seconds of CPU (default 2).
//
// usage: ephemera_report_bench [--findings N] [--limit SECONDS] [--out DIR]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "report/reporter.h"

using namespace eph;
namespace fs = std::filesystem;

namespace {

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// One Terraform file with a function, its network path and a secret in its environment.
std::string module_text(size_t i) {
  std::string n = std::to_string(i);
  return "resource \"aws_lambda_function\" \"fn" + n + "\" {\n"
         "  function_name = \"fn" + n + "\"\n"
         "  environment {\n"
         "    variables = { API_TOKEN = \"tok_live_0123456789abcdef" + n + "\" }\n"
         "  }\n"
         "  vpc_config {\n"
         "    subnet_ids = [aws_subnet.private" + n + ".id]\n"
         "  }\n"
         "}\n"
         "resource \"aws_subnet\" \"private" + n + "\" {\n  cidr_block = \"10.0." + std::to_string(i % 250) + ".0/24\"\n}\n"
         "resource \"aws_route_table\" \"private" + n + "\" {\n"
         "  route {\n    cidr_block     = \"0.0.0.0/0\"\n    nat_gateway_id = aws_nat_gateway.main.id\n  }\n}\n"
         "resource \"aws_nat_gateway\" \"main\" {\n  subnet_id = aws_subnet.public.id\n}\n";
}

Range range_of(const SourceFilePtr& f, std::string_view needle) {
  size_t at = f->text().find(needle);
  return Range{f.get(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

AnalysisResult made_up_result(size_t findings) {
  AnalysisResult r;
  const size_t files = 200;
  for (size_t i = 0; i < files; ++i) {
    auto f = std::make_shared<SourceFile>("services/svc" + std::to_string(i) + "/main.tf", module_text(i));
    r.files.push_back(f);
    std::string token = "tok_live_0123456789abcdef" + std::to_string(i);
    r.secrets.push_back(SecretValue{range_of(f, token), token});
  }
  r.files_analyzed = files;
  const char* rules[] = {"EPH301", "EPH501", "EPH401", "EPH201", "EPH601"};
  const Severity severities[] = {Severity::Critical, Severity::Medium, Severity::High, Severity::Low, Severity::Info};
  for (size_t k = 0; k < findings; ++k) {
    const SourceFilePtr& file = r.files[k % files];
    std::string n = std::to_string(k % files);
    Finding f;
    f.rule_id = rules[k % 5];
    f.severity = severities[k % 5];
    f.range = k % 2 ? range_of(file, "resource \"aws_lambda_function\"") : range_of(file, "API_TOKEN");
    f.message = "finding " + std::to_string(k) + ": the function reaches the internet through NAT gateway "
                "aws_nat_gateway.main; add VPC endpoints for the AWS services it calls";
    f.resource = "aws_lambda_function.fn" + n;
    f.fix = Fix{"add an interface VPC endpoint for sqs", {}};
    if (k % 2 == 0) {
      f.related = {{range_of(file, "resource \"aws_lambda_function\""), "Lambda function aws_lambda_function.fn" + n},
                   {range_of(file, "resource \"aws_subnet\""), "runs in subnet aws_subnet.private" + n},
                   {range_of(file, "resource \"aws_route_table\""), "subnet uses route table aws_route_table.private" + n},
                   {range_of(file, "route {"), "the default route leads to NAT gateway aws_nat_gateway.main"},
                   {range_of(file, "resource \"aws_nat_gateway\""), "NAT gateway aws_nat_gateway.main"}};
    }
    f.fingerprint = std::to_string(k);
    r.findings.push_back(std::move(f));
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  size_t findings = 10000;
  double limit = 2.0;
  fs::path out_dir = fs::temp_directory_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--findings") findings = std::stoul(argv[i + 1]);
    else if (a == "--limit") limit = std::stod(argv[i + 1]);
    else if (a == "--out") out_dir = argv[i + 1];
  }
  AnalysisResult result = made_up_result(findings);
  ReportOptions options;
  options.source_root = ".";
  bool ok = true;
  for (auto [format, name] : {std::pair{ReportFormat::Html, "html"}, std::pair{ReportFormat::Markdown, "md"}}) {
    fs::path path = out_dir / (std::string("ephemera-report-bench.") + name);
    auto wall = std::chrono::steady_clock::now();
    double cpu = cpu_now();
    {
      std::ofstream file(path, std::ios::binary | std::ios::trunc);
      write_report(format, file, result, options);
    }
    double cpu_s = cpu_now() - cpu;
    double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    auto bytes = fs::file_size(path);
    std::printf("%-8s %zu findings: %.3f s CPU, %.3f s wall, %.1f MB -> %s\n", name, findings, cpu_s, wall_s,
                static_cast<double>(bytes) / 1e6, path.c_str());
    if (format == ReportFormat::Html && cpu_s > limit) {
      std::printf("html: over the limit of %.1f s\n", limit);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
