// "Did you mean": typos of one or two letters are suggested, unrelated words are not.
#include <doctest/doctest.h>

#include "core/spelling.h"

using namespace eph;

TEST_CASE("spelling distance counts edits, transpositions as one, ignoring case") {
  CHECK(spelling_distance("fail-on", "fail-on") == 0);
  CHECK(spelling_distance("fial-on", "fail-on") == 1);  // transposition
  CHECK(spelling_distance("acount-limit", "account-limit") == 1);
  CHECK(spelling_distance("EPH301", "eph301") == 0);
  CHECK(spelling_distance("", "abc") == 3);
}

TEST_CASE("did you mean") {
  const std::vector<std::string> flags = {"--fail-on", "--format", "--soft-fail", "--severity"};
  CHECK(did_you_mean("--fial-on", flags) == "; did you mean --fail-on?");
  CHECK(did_you_mean("--softfail", flags) == "; did you mean --soft-fail?");
  CHECK(did_you_mean("--frmat", flags) == "; did you mean --format?");
  CHECK(did_you_mean("--banana", flags).empty());
  CHECK(did_you_mean("x", flags).empty());
}
