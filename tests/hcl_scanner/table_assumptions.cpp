#include "table_assumptions.h"

#include <cstring>

namespace eph::test {

namespace {

// The external tokens valid in a state, as a bit set in the grammar's externals order.
unsigned valid_externals(const TSLanguage* language, TSStateId state, const std::vector<TSSymbol>& externals) {
  unsigned mask = 0;
  TSLookaheadIterator* it = ts_lookahead_iterator_new(language, state);
  while (ts_lookahead_iterator_next(it)) {
    TSSymbol symbol = ts_lookahead_iterator_current_symbol(it);
    for (size_t i = 0; i < externals.size(); i++)
      if (externals[i] == symbol) mask |= 1u << i;
  }
  ts_lookahead_iterator_delete(it);
  return mask;
}

}  // namespace

std::vector<std::string> check_table_assumptions(const TSLanguage* language) {
  static const char* names[] = {"quoted_template_start",        "quoted_template_end",
                                "_template_literal_chunk",      "template_interpolation_start",
                                "template_interpolation_end",   "template_directive_start",
                                "template_directive_end",       "heredoc_identifier"};
  std::vector<TSSymbol> externals;
  std::vector<std::string> problems;
  // By name over all symbols: ts_language_symbol_for_name skips hidden ones like the chunk.
  for (const char* name : names) {
    TSSymbol found = 0;
    for (TSSymbol symbol = 1; symbol < ts_language_symbol_count(language) && !found; symbol++)
      if (std::strcmp(ts_language_symbol_name(language, symbol), name) == 0) found = symbol;
    if (found == 0) problems.push_back(std::string("no symbol ") + name);
    externals.push_back(found);
  }
  if (!problems.empty()) return problems;
  const unsigned chunk = 1u << 2, forbidden = (1u << 0) | (1u << 4) | (1u << 6);
  unsigned checked = 0;
  // State 0 is the error-recovery state, where everything is valid and the scanner makes no runs.
  for (TSStateId state = 1; state < ts_language_state_count(language); state++) {
    unsigned mask = valid_externals(language, state, externals);
    if (!(mask & chunk)) continue;
    checked++;
    if (mask & forbidden)
      problems.push_back("state " + std::to_string(state) + ": chunk valid together with a forbidden external token");
    TSStateId next = ts_language_next_state(language, state, externals[2]);
    if (next != 0 && valid_externals(language, next, externals) != mask)
      problems.push_back("state " + std::to_string(state) + ": a chunk leads to state " + std::to_string(next) +
                         " with other valid external tokens");
  }
  if (checked == 0) problems.push_back("no state accepts a literal chunk: the check is not looking at the right table");
  return problems;
}

}  // namespace eph::test
