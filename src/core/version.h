#pragma once
// The release version (git describe, or the CMake project version outside git), defined in a
// generated file so that a new commit recompiles that one file only (cmake/version.cmake).

namespace eph {

const char* version();

}  // namespace eph
