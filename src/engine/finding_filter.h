#pragma once
// Keeps only the findings that concern a set of files (the files of a commit, for the
// pre-commit hook): a finding located in one of them, or whose evidence chain passes
// through one of them. The whole module or template is still analysed, so graph findings
// caused by a changed file elsewhere are kept too.
#include <string>
#include <vector>

#include "engine/analyzer.h"

namespace eph {

void keep_findings_touching(AnalysisResult& result, const std::vector<std::string>& files);

}  // namespace eph
