#pragma once
// What each fuzz target does with one input, shared by the libFuzzer targets (tests/fuzz)
// and by the regression test that replays the crashes they found (tests/regressions).
#include <string_view>

namespace eph::fuzz {

void terraform_module(std::string_view data);         // main.tf (and a child module after a "---8<---" line)
void cloudformation_template(std::string_view data);  // a YAML or JSON template, then every rule
void terraform_plan(std::string_view data);           // `terraform show -json` output, then every rule
void config_and_suppressions(std::string_view data);  // .ephemera.yaml and an ignore directive
void lsp_messages(std::string_view data);             // a client's byte stream into the LSP server (inline, buffers only)

}  // namespace eph::fuzz
