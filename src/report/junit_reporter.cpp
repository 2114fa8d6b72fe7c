// JUnit XML for CI systems that show test reports: one testsuite per file, one failing
// testcase per finding (suppressed findings, with --show-suppressed, as skipped testcases).
#include <map>

#include "report/reporter.h"
#include "report/secret_mask.h"

namespace eph {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
        else out += static_cast<char>(c);
    }
  }
  return out;
}

void write_case(std::ostream& out, const Finding& f, const SecretMask& mask) {
  Location loc = to_location(f.range);
  std::string name = f.rule_id + (f.resource.empty() ? "" : " " + f.resource) + " at line " + std::to_string(loc.line);
  out << "    <testcase name=\"" << xml_escape(name) << "\" classname=\"" << xml_escape(loc.file) << "\" file=\""
      << xml_escape(loc.file) << "\" line=\"" << loc.line << "\">\n";
  if (f.suppressed) {
    out << "      <skipped message=\"" << xml_escape("suppressed: " + f.suppression) << "\"/>\n";
  } else {
    out << "      <failure type=\"" << xml_escape(f.rule_id) << "\" message=\"" << xml_escape(mask.text(f.message)) << "\">"
        << xml_escape(loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": " +
                      std::string(to_string(f.severity)) + " " + f.rule_id + " " + mask.text(f.message));
    for (const auto& r : f.related) {
      Location rl = to_location(r.range);
      out << "\n" << xml_escape("  note: " + rl.file + ":" + std::to_string(rl.line) + ":" + std::to_string(rl.column) + ": " + mask.text(r.message));
    }
    out << "</failure>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

void write_junit_report(std::ostream& out, const AnalysisResult& result, const ReportOptions& options) {
  const SecretMask mask(result, options.show_secrets);
  // Findings come in file order: a first pass counts each file's, the second writes them.
  struct FileCount {
    std::string path;
    size_t tests = 0, failures = 0;
  };
  std::vector<FileCount> files;
  size_t tests = 0, failures = 0, skipped = 0;
  auto path_of = [](const Finding& f) { return f.range.file ? f.range.file->path() : std::string(); };
  for_each_finding(result, [&](const Finding& f) {
    if (f.suppressed && !options.show_suppressed) return;
    std::string path = path_of(f);
    if (files.empty() || files.back().path != path) files.push_back(FileCount{std::move(path)});
    ++files.back().tests;
    files.back().failures += f.suppressed ? 0 : 1;
    ++tests;
    ++(f.suppressed ? skipped : failures);
  });
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  size_t total = tests + result.errors.size() + (tests == 0 && result.errors.empty() ? 1 : 0);
  out << "<testsuites name=\"ephemera\" tests=\"" << total << "\" failures=\"" << failures << "\" errors=\""
      << result.errors.size() << "\" skipped=\"" << skipped << "\">\n";
  size_t file = 0, written = 0;  // the file being written, and how many of its findings are
  for_each_finding(result, [&](const Finding& f) {
    if (f.suppressed && !options.show_suppressed) return;
    const FileCount& count = files[file];
    if (written == 0)
      out << "  <testsuite name=\"" << xml_escape(count.path) << "\" tests=\"" << count.tests << "\" failures=\""
          << count.failures << "\" errors=\"0\" skipped=\"" << count.tests - count.failures << "\">\n";
    write_case(out, f, mask);
    if (++written == count.tests) {
      out << "  </testsuite>\n";
      ++file;
      written = 0;
    }
  });
  if (!result.errors.empty()) {
    out << "  <testsuite name=\"ephemera errors\" tests=\"" << result.errors.size() << "\" failures=\"0\" errors=\""
        << result.errors.size() << "\" skipped=\"0\">\n";
    for (const auto& e : result.errors) {
      out << "    <testcase name=\"" << xml_escape(e.path) << "\" classname=\"ephemera\">\n"
          << "      <error message=\"" << xml_escape(mask.text(e.message)) << "\"/>\n"
          << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  if (total == 1 && tests == 0 && result.errors.empty()) {
    // A report with no testcase reads as "nothing ran" to most CI systems.
    out << "  <testsuite name=\"ephemera\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        << "    <testcase name=\"" << result.files_analyzed << " files analysed, no findings\" classname=\"ephemera\"/>\n"
        << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace eph
