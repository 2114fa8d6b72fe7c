#pragma once
// Large JSON reports are written an element at a time, as nlohmann's dump(2) of the whole
// document would print them: a scan of a large tree never holds its report as one tree.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace eph {

// `j` printed as dump() would (`indent` -1: on one line), invalid UTF-8 replaced.
std::string json_dumped(const nlohmann::ordered_json& j, int indent = -1);

// `j` printed as an element nested `depth` levels deep in a document indented by 2.
void write_nested_json(std::ostream& out, const nlohmann::ordered_json& j, size_t depth);

}  // namespace eph
