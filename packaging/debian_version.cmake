# A Debian version from ours: no revision, so no '-' is allowed. What follows the release
# (commits after the tag, the commit, dirty) sorts after it with '+':
#   1.2.3 -> 1.2.3;  1.2.3-4-gabc -> 1.2.3+4.gabc;  0.1.0+gabc.dirty -> 0.1.0+gabc.dirty
function(debian_version version out)
  set(v "${version}")
  if(NOT v MATCHES "\\+" AND v MATCHES "^([^-]*)-(.*)$")
    set(v "${CMAKE_MATCH_1}+${CMAKE_MATCH_2}")
  endif()
  string(REPLACE "-" "." v "${v}")
  set(${out} "${v}" PARENT_SCOPE)
endfunction()
