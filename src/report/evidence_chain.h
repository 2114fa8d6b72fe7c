#pragma once
// A finding's evidence chain as a drawing: the finding's own resource, and each related
// location the rule gave. A node is a place with the kind of resource written there and
// file:line; links into one resource block (or, outside blocks, one line) are one node. The edge into a node says how it
// relates, read from the link's message ("runs in", "routes through", "invokes",
// "grants"...): a network path (function -> subnet -> route table -> NAT gateway) goes on
// from the link before it, any other link hangs off the finding. Findings without related
// locations have no chain.
#include <optional>

#include "core/finding.h"
#include "report/diagram.h"
#include "report/secret_mask.h"
#include "report/source_root.h"

namespace eph {

// Positions are relative to `root` when inside it (report/source_root.h).
std::optional<Diagram> evidence_chain(const Finding& finding, const SecretMask& mask, const SourceRoot& root);

// The relation an evidence link's message describes ("runs in subnet ..." -> "runs in").
std::string relation_of(std::string_view message);

// "file:line" of a range, the way the reports show positions in drawings.
std::string file_line(const Range& range, const SourceRoot& root);

}  // namespace eph
