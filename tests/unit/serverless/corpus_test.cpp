// Every Serverless Framework service file of the real-world corpus (serverless/MANIFEST.tsv)
// loads with no parse error and no crash, is recognised as a service (never as a template),
// and is planned as a unit of its own: counted as scanned.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/disk_file_provider.h"
#include "engine/discovery.h"
#include "formats/source_format.h"
#include "serverless/serverless_frontend.h"
#include "unit/corpus_manifest.h"

using namespace eph;

TEST_CASE("serverless corpus: every service loads without parse errors and is scanned") {
  std::filesystem::path corpus = EPHEMERA_CORPUS_DIR;
  if (!std::filesystem::exists(corpus / "serverless" / "MANIFEST.tsv")) {
    MESSAGE("serverless corpus not present: skipped");
    return;
  }
  auto manifest = testing::read_corpus_manifest(corpus / "serverless");
  manifest.erase("path");  // the header line
  std::filesystem::path root = corpus / "serverless";
  DiskFileProvider fs({root.string()});
  size_t services = 0, functions = 0;
  for (const auto& [rel, expect] : manifest) {
    std::string path = (corpus / rel).string();
    CAPTURE(rel);
    auto text = fs.read(path);
    REQUIRE(text);
    CHECK(serverless::service_file_name(path));
    CHECK(serverless::looks_like_service(*text));
    LoadedUnit unit = serverless::load_service(path, fs, {});
    ++services;
    for (const auto& d : unit.diagnostics) CHECK_MESSAGE(d.kind != Diagnostic::Kind::ParseError, d.message);
    for (const auto& r : unit.resources) functions += r.type == "AWS::Serverless::Function";
  }
  MESSAGE(services << " services, " << functions << " functions");
  CHECK(services >= 100);
  CHECK(functions > 100);  // other providers (google, azure, openwhisk...) generate nothing

  // Planned as serverless units, one per file: all of them, and nothing else.
  DiscoveredFiles found = discover_files({root.string()});
  std::vector<UnitPlan> units = plan_units(found, fs, 4 << 20);
  std::set<std::string> planned;
  for (const auto& u : units) {
    REQUIRE(u.format);
    CHECK(u.format->name() == "serverless");
    planned.insert(std::filesystem::relative(u.root, corpus).string());
  }
  for (const auto& [rel, expect] : manifest) CHECK_MESSAGE(planned.count(rel), rel);
}
