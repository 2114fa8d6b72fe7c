# Release binaries need no shared library beyond the C library: yaml-cpp, libyaml, RE2 and
# jemalloc (the static archives Debian's libyaml-cpp-dev, libyaml-dev, libre2-dev and
# libjemalloc-dev ship), libstdc++ and libgcc are linked in. tree-sitter is
# built here as static libraries anyway. glibc stays shared: a static glibc breaks NSS and
# dlopen. The sanitizer runtimes want the shared C++ runtime, so those builds keep it.
if(EPHEMERA_SANITIZE OR EPHEMERA_FUZZ)
  set(static_runtime_default OFF)
else()
  set(static_runtime_default ON)
endif()
option(EPHEMERA_STATIC_RUNTIME "Link yaml-cpp, libyaml, RE2, jemalloc, libstdc++ and libgcc into ephemera statically"
       ${static_runtime_default})

# RE2 is found with pkg-config (re2.pc, from libre2-dev) in both cases.
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

if(EPHEMERA_STATIC_RUNTIME)
  find_library(YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
  if(NOT YAML_CPP_ARCHIVE)
    message(FATAL_ERROR "libyaml-cpp.a not found (Debian's libyaml-cpp-dev ships it); "
                        "configure with -DEPHEMERA_STATIC_RUNTIME=OFF to link yaml-cpp's shared library")
  endif()
  add_library(ephemera_yaml_cpp STATIC IMPORTED)
  set_target_properties(ephemera_yaml_cpp PROPERTIES
    IMPORTED_LOCATION ${YAML_CPP_ARCHIVE}
    INTERFACE_INCLUDE_DIRECTORIES "$<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>")
  set(EPHEMERA_YAML_CPP ephemera_yaml_cpp)
  find_library(LIBYAML_ARCHIVE NAMES libyaml.a)
  if(NOT LIBYAML_ARCHIVE)
    message(FATAL_ERROR "libyaml.a not found (Debian's libyaml-dev ships it)")
  endif()
  set(EPHEMERA_LIBYAML ${LIBYAML_ARCHIVE})
  # RE2 (custom rules' patterns): Debian's libre2-dev ships its static archive; the 2022
  # RE2 of Debian 12 needs nothing but the C++ runtime and pthreads (no abseil).
  find_library(RE2_ARCHIVE NAMES libre2.a)
  if(NOT RE2_ARCHIVE)
    message(FATAL_ERROR "libre2.a not found (Debian's libre2-dev ships it); "
                        "configure with -DEPHEMERA_STATIC_RUNTIME=OFF to link RE2's shared library")
  endif()
  add_library(ephemera_re2 STATIC IMPORTED)
  set_target_properties(ephemera_re2 PROPERTIES
    IMPORTED_LOCATION ${RE2_ARCHIVE}
    INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES Threads::Threads)
  set(EPHEMERA_RE2 ephemera_re2)
  # Applied to the shipped executable only (cmake/release.cmake): the test programs may keep
  # the shared C++ runtime.
  set(EPHEMERA_STATIC_RUNTIME_LINK_OPTIONS -static-libstdc++ -static-libgcc)
  # jemalloc (Debian's libjemalloc-dev ships libjemalloc.a) replaces glibc's malloc in the
  # shipped executable: a scan builds and frees millions of small value-tree nodes, and glibc's
  # malloc spent a fifth of a large scan's CPU in _int_malloc, consolidation and unlinking
  # (bench/README, "Session 7"). Linked into ephemera only: the test programs and the
  # sanitizer and fuzzing builds keep the C library's malloc (the sanitizers replace it).
  find_library(JEMALLOC_ARCHIVE NAMES libjemalloc.a)
  if(NOT JEMALLOC_ARCHIVE)
    message(FATAL_ERROR "libjemalloc.a not found (Debian's libjemalloc-dev ships it); "
                        "configure with -DEPHEMERA_STATIC_RUNTIME=OFF to keep the C library's malloc")
  endif()
  set(EPHEMERA_MALLOC ${JEMALLOC_ARCHIVE} Threads::Threads ${CMAKE_DL_LIBS})
else()
  set(EPHEMERA_YAML_CPP yaml-cpp)
  set(EPHEMERA_RE2 PkgConfig::RE2)
  find_library(LIBYAML_SHARED NAMES yaml)
  if(NOT LIBYAML_SHARED)
    message(FATAL_ERROR "libyaml not found (Debian's libyaml-dev)")
  endif()
  set(EPHEMERA_LIBYAML ${LIBYAML_SHARED})
  set(EPHEMERA_STATIC_RUNTIME_LINK_OPTIONS)
  set(EPHEMERA_MALLOC)
endif()
