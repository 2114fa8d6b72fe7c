# Release binaries need no shared library beyond the C library: yaml-cpp and libyaml (the
# static archives Debian's libyaml-cpp-dev and libyaml-dev ship), libstdc++ and libgcc are
# linked in. tree-sitter is
# built here as static libraries anyway. glibc stays shared: a static glibc breaks NSS and
# dlopen. The sanitizer runtimes want the shared C++ runtime, so those builds keep it.
if(EPHEMERA_SANITIZE OR EPHEMERA_FUZZ)
  set(static_runtime_default OFF)
else()
  set(static_runtime_default ON)
endif()
option(EPHEMERA_STATIC_RUNTIME "Link yaml-cpp, libyaml, libstdc++ and libgcc into ephemera statically"
       ${static_runtime_default})

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
  # Applied to the shipped executable only (cmake/release.cmake): the test programs may keep
  # the shared C++ runtime.
  set(EPHEMERA_STATIC_RUNTIME_LINK_OPTIONS -static-libstdc++ -static-libgcc)
else()
  set(EPHEMERA_YAML_CPP yaml-cpp)
  find_library(LIBYAML_SHARED NAMES yaml)
  if(NOT LIBYAML_SHARED)
    message(FATAL_ERROR "libyaml not found (Debian's libyaml-dev)")
  endif()
  set(EPHEMERA_LIBYAML ${LIBYAML_SHARED})
  set(EPHEMERA_STATIC_RUNTIME_LINK_OPTIONS)
endif()
