// No secret value reaches a report: every format over the EPH301 and EPH302 fixtures and
// the scenarios in tests/data/secrets, searched for every secret value the fixtures hold.
// The values are read from the fixtures themselves (the lines their expectations mark),
// and the same search finds every one of them when the user asks for --show-secrets, so
// these tests fail when a value leaks and when the extraction misses one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "engine/fixture_expectations.h"
#include "report/reporter.h"
#include "report/secret_mask.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

const fs::path kSource = EPHEMERA_SOURCE_DIR;

// Values that come from a sensitive source (a sensitive variable's tfvars value, a NoEcho
// default, a SecureString literal): the expectation sits where the environment uses them,
// so they are listed here.
const std::vector<std::string> kSensitiveValues = {"changeme", "stored-encrypted", "whsec-plain-7Kq2Lx9",
                                                   "nE7#vQ2-echo-pw"};

std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

size_t indent_of(const std::string& s) { return s.find_first_not_of(' '); }

// A secret as it may appear in a report: as written in the file (escapes and all, as code
// frames and snippets show it) and as its value (as messages would).
using Secret = std::vector<std::string>;

// The secret written on line `n` (1-based): the value after the line's last `=` or `:`,
// or the lines of the heredoc or block scalar that starts there (the PEM armour lines are
// not secret and stay out).
std::vector<Secret> secrets_on(const std::vector<std::string>& lines, unsigned n) {
  std::string line = lines.at(n - 1);
  if (size_t c = line.find("# expect:"); c != std::string::npos) line = line.substr(0, c);
  line = trim(line);
  size_t eq = line.rfind(" = "), colon = line.rfind(": ");
  size_t sep = eq == std::string::npos ? colon : colon == std::string::npos ? eq : std::max(eq, colon);
  REQUIRE_MESSAGE(sep != std::string::npos, "no value on line " << n << ": " << line);
  std::string value = trim(line.substr(sep + 2));
  std::vector<Secret> out;
  auto body_lines = [&](const std::function<bool(const std::string&)>& ends) {
    for (size_t i = n; i < lines.size() && !ends(lines[i]); ++i) {
      std::string piece = trim(lines[i]);
      if (!piece.empty() && piece.rfind("-----", 0) != 0) out.push_back({piece});
    }
  };
  if (value.rfind("<<", 0) == 0) {
    std::string marker = value.substr(value[2] == '-' ? 3 : 2);
    body_lines([&](const std::string& l) { return trim(l) == marker; });
  } else if (value == "|" || value == ">" || value == "|-" || value == ">-") {
    size_t key_indent = indent_of(lines.at(n - 1));
    body_lines([&](const std::string& l) { return !trim(l).empty() && indent_of(l) <= key_indent; });
  } else {
    if (!value.empty() && value.back() == ',') value.pop_back();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      std::string written = value.substr(1, value.size() - 2), unescaped;
      for (size_t i = 0; i < written.size(); ++i) {
        if (written[i] == '\\' && i + 1 < written.size()) ++i;
        unescaped += written[i];
      }
      out.push_back(written == unescaped ? Secret{written} : Secret{written, unescaped});
    } else {
      while (!value.empty() && value.back() == '}') value.pop_back();  // a YAML flow mapping
      out.push_back({value});
    }
  }
  REQUIRE_MESSAGE(!out.empty(), "no secret found on line " << n);
  return out;
}

bool is_fixture(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".tf" || ext == ".tfvars" || ext == ".yaml" || ext == ".json";
}

// Every fixture that holds secrets, each scanned as its own path (as the fixture harness does).
std::vector<fs::path> secret_fixtures() {
  std::vector<fs::path> out;
  for (const char* folder : {"rules/EPH301-secret-in-env-var", "rules/EPH302-secret-resolved-into-env"}) {
    for (const auto& e : fs::directory_iterator(kSource / folder)) {
      std::string name = e.path().filename().string();
      if (e.is_directory() || (name.rfind("fail.", 0) == 0 && is_fixture(e.path()))) out.push_back(e.path());
    }
  }
  for (const char* scenario : {"tests/data/secrets/tfvars", "tests/data/secrets/cloudformation"})
    out.push_back(kSource / scenario);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Secret> secret_values() {
  std::vector<Secret> values;
  for (const auto& v : kSensitiveValues) values.push_back({v});
  for (const fs::path& fixture : secret_fixtures()) {
    std::vector<fs::path> files;
    if (fs::is_directory(fixture)) {
      for (const auto& e : fs::recursive_directory_iterator(fixture))
        if (e.is_regular_file() && is_fixture(e.path())) files.push_back(e.path());
    } else {
      files.push_back(fixture);
    }
    for (const fs::path& file : files) {
      std::vector<fixtures::Expectation> expected;
      fs::path sidecar = file.string() + ".expect";
      if (fs::exists(sidecar)) {
        std::string error;
        expected = fixtures::parse_sidecar_expectations(file.string(), read_file(sidecar), error);
        REQUIRE(error.empty());
      } else {
        expected = fixtures::parse_inline_expectations(file.string(), read_file(file));
      }
      std::vector<std::string> lines = read_lines(file);
      for (const auto& e : expected)
        if (e.rule == "EPH301")
          for (auto& v : secrets_on(lines, e.line)) values.push_back(std::move(v));
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

// One result for all fixtures, each analysed on its own as the fixture harness does.
AnalysisResult scan_fixtures() {
  AnalysisResult all;
  for (const fs::path& p : secret_fixtures()) {
    AnalysisOptions options;
    options.threads = 1;
    DiskFileProvider provider({fs::is_directory(p) ? p.string() : p.parent_path().string()}, options.config.max_file_bytes);
    DiscoveredFiles found = discover_files({p.string()});
    AnalysisResult one = analyze(plan_units(found, provider, options.config.max_file_bytes), provider, options);
    std::move(one.findings.begin(), one.findings.end(), std::back_inserter(all.findings));
    std::move(one.files.begin(), one.files.end(), std::back_inserter(all.files));
    std::move(one.errors.begin(), one.errors.end(), std::back_inserter(all.errors));
    std::move(one.secrets.begin(), one.secrets.end(), std::back_inserter(all.secrets));
    all.files_analyzed += one.files_analyzed;
    all.suppressed += one.suppressed;
  }
  return all;
}

// Everything a reader of the report sees, escapes undone: JSON strings decoded, XML entities
// and GitHub's %-escapes replaced. SARIF's rule documentation (tool.driver) is the tool's
// own text, not the scanned files', and is left out.
std::string readable(ReportFormat format, const std::string& out) {
  if (format == ReportFormat::Json || format == ReportFormat::Sarif || format == ReportFormat::Gitlab) {
    nlohmann::json doc = nlohmann::json::parse(out);
    if (format == ReportFormat::Sarif) doc["runs"][0]["tool"].erase("driver");
    std::string strings;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
      if (j.is_string()) strings += j.get<std::string>() + "\n";
      if (j.is_structured())
        for (const auto& item : j) walk(item);
    };
    walk(doc);
    return strings;
  }
  std::string s = out;
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  };
  if (format == ReportFormat::Junit) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
      replace_all(from, to);
  }
  if (format == ReportFormat::Github) {
    for (auto [from, to] : {std::pair{"%0A", "\n"}, {"%0D", "\r"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}})
      replace_all(from, to);
  }
  return s;
}

std::string render(const AnalysisResult& result, ReportFormat format, bool show_secrets) {
  ReportOptions options;
  options.version = "0.0.0-test";
  options.show_suppressed = true;
  options.show_secrets = show_secrets;
  std::ostringstream out;
  write_report(format, out, result, options);
  return readable(format, out.str());
}

void check_masked(ReportFormat format) {
  static const AnalysisResult result = scan_fixtures();
  static const std::vector<Secret> values = secret_values();
  REQUIRE(values.size() >= 30);
  CHECK(result.errors.empty());
  std::string shown = render(result, format, false);
  if (format == ReportFormat::Text || format == ReportFormat::Sarif)  // the formats that show source text
    CHECK(shown.find("\u2026(") != std::string::npos);
  for (const Secret& secret : values)
    for (const std::string& spelling : secret)
      CHECK_MESSAGE(shown.find(spelling) == std::string::npos, "leaked: " << spelling);
}

}  // namespace

TEST_SUITE("secrets-masked") {
  TEST_CASE("secrets masked: text") { check_masked(ReportFormat::Text); }
  TEST_CASE("secrets masked: json") { check_masked(ReportFormat::Json); }
  TEST_CASE("secrets masked: sarif") { check_masked(ReportFormat::Sarif); }
  TEST_CASE("secrets masked: junit") { check_masked(ReportFormat::Junit); }
  TEST_CASE("secrets masked: github") { check_masked(ReportFormat::Github); }
  TEST_CASE("secrets masked: gitlab") { check_masked(ReportFormat::Gitlab); }

  TEST_CASE("secrets shown with show_secrets: every value the fixtures hold appears in SARIF") {
    // SARIF shows the most source text (snippets of findings and related locations): every
    // value must be there, or the extraction above is wrong and the masking tests prove nothing.
    AnalysisResult result = scan_fixtures();
    std::string shown = render(result, ReportFormat::Sarif, true);
    for (const Secret& secret : secret_values()) {
      bool found = std::any_of(secret.begin(), secret.end(), [&](const auto& s) { return shown.find(s) != std::string::npos; });
      CHECK_MESSAGE(found, "not in the report: " << secret.front());
    }
    CHECK(shown.find("\u2026(") == std::string::npos);
  }
}

TEST_CASE("secret labels: a short prefix only for long values, and the length") {
  CHECK(SecretMask::label("sk_live_4eC39HqLyjWDarjtT1zdp7dc") == "sk_l\u2026(32 chars)");
  CHECK(SecretMask::label("hunter2-prod-7f3") == "hunt\u2026(16 chars)");
  CHECK(SecretMask::label("hunter2-prod-7f") == "\u2026(15 chars)");
  CHECK(SecretMask::label("changeme") == "\u2026(8 chars)");
  CHECK(SecretMask::label("x") == "\u2026(1 char)");
  // No prefix that would show blanks or line breaks; code points, not bytes.
  CHECK(SecretMask::label("\n-----BEGIN RSA PRIVATE KEY-----") == "\u2026(32 chars)");
  CHECK(SecretMask::label("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9") ==
        "\u00e9\u00e9\u00e9\u00e9\u2026(16 chars)");
}

TEST_CASE("secret mask: by position, by value, and across lines") {
  auto file = std::make_shared<SourceFile>("main.tf",
                                           "a = \"tok_9Xk2Lm7Qp4Rz\" # and again tok_9Xk2Lm7Qp4Rz\n"
                                           "key = <<EOT\nLINE-ONE-SECRET\nLINE-TWO-SECRET\nEOT\n");
  auto at = [&](std::string_view s) {
    auto b = static_cast<uint32_t>(file->text().find(s));
    return Range{file.get(), b, b + static_cast<uint32_t>(s.size())};
  };
  Range key = at("LINE-ONE-SECRET\nLINE-TWO-SECRET");
  SecretMask mask({SecretValue{at("tok_9Xk2Lm7Qp4Rz"), "tok_9Xk2Lm7Qp4Rz"},
                   SecretValue{key, "LINE-ONE-SECRET\nLINE-TWO-SECRET\n"}},
                  false);
  CHECK(mask.source(Range{file.get(), 0, static_cast<uint32_t>(file->line_text(1).size())}) ==
        "a = \"tok_\u2026(16 chars)\" # and again tok_\u2026(16 chars)");
  // A snippet holding the whole heredoc shows one label; a line inside it shows an ellipsis.
  CHECK(mask.source(at("<<EOT\nLINE-ONE-SECRET\nLINE-TWO-SECRET\nEOT")) == "<<EOT\nLINE\u2026(32 chars)\nEOT");
  CHECK(mask.source(at("LINE-TWO-SECRET")) == "\u2026");
  CHECK(mask.text("value tok_9Xk2Lm7Qp4Rz.") == "value tok_\u2026(16 chars).");
  SecretMask reveal({SecretValue{at("tok_9Xk2Lm7Qp4Rz"), "tok_9Xk2Lm7Qp4Rz"}}, true);
  CHECK(reveal.text("value tok_9Xk2Lm7Qp4Rz.") == "value tok_9Xk2Lm7Qp4Rz.");
}

TEST_CASE("text code frames: the secret masked, the carets under the masked text") {
  auto file = std::make_shared<SourceFile>("main.tf", "  TOKEN = \"ghp_0123456789abcdefghijABCDEFGHIJ012345\" }\n");
  auto at = [&](std::string_view s) {
    auto b = static_cast<uint32_t>(file->text().find(s));
    return Range{file.get(), b, b + static_cast<uint32_t>(s.size())};
  };
  AnalysisResult r;
  r.files = {file};
  r.secrets = {SecretValue{at("ghp_0123456789abcdefghijABCDEFGHIJ012345"), "ghp_0123456789abcdefghijABCDEFGHIJ012345"}};
  Finding secret;
  secret.rule_id = "EPH301";
  secret.range = at("\"ghp_0123456789abcdefghijABCDEFGHIJ012345\"");
  secret.message = "a GitHub token";
  Finding other;  // another rule whose frame shows the line: the carets after the secret still line up
  other.rule_id = "EPH401";
  other.range = at("}");
  other.message = "something else";
  r.findings = {secret, other};
  std::ostringstream out;
  write_text_report(out, r, ReportOptions{});
  const std::string line = " 1 |   TOKEN = \"ghp_\u2026(40 chars)\" }\n";
  INFO(out.str());
  CHECK(out.str().find("ghp_0123456789") == std::string::npos);
  // The quoted literal is 17 characters once masked; the `}` after it is the 29th.
  CHECK(out.str().find(line + "   | " + std::string(10, ' ') + "^" + std::string(16, '~') + "\n") != std::string::npos);
  CHECK(out.str().find(line + "   | " + std::string(28, ' ') + "^\n") != std::string::npos);
}
