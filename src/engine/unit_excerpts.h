#pragma once
// What a scan keeps of a unit once it is analysed: its findings and secrets, pointing into
// excerpts of the files they name (SourceFile::excerpt) instead of the whole files. The
// unit's parsed trees, values and source texts are released then; a report reads from the
// excerpts exactly what it would have read from the whole files (positions, code frames,
// SARIF snippets, masked secrets, fingerprints, the resource blocks of evidence chains).
#include <vector>

#include "core/finding.h"

namespace eph {

// Repoints every range of `findings` (their own, related, fix edits and secrets) and of
// `secrets` at excerpts of `files`, and returns the excerpts. Ranges into files not among
// `files` are left as they are.
std::vector<SourceFilePtr> excerpt_unit_files(const std::vector<SourceFilePtr>& files, std::vector<Finding>& findings,
                                              std::vector<SecretValue>& secrets);

}  // namespace eph
