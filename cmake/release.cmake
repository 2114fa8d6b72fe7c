# Releases: the version, install rules (cmake --install), `make dist` (a tarball of the
# installed tree) and `make deb` (CPack). See the README's Install section.

# --- the version: `git describe` at every build, compiled from one generated file ---
set(EPHEMERA_VERSION_CPP ${CMAKE_BINARY_DIR}/generated/version.cpp)
set(EPHEMERA_VERSION_FILE ${CMAKE_BINARY_DIR}/version.txt)
add_custom_target(ephemera_version_stamp
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DFALLBACK=${PROJECT_VERSION}
          -DOUT_CPP=${EPHEMERA_VERSION_CPP} -DOUT_TXT=${EPHEMERA_VERSION_FILE}
          -P ${CMAKE_SOURCE_DIR}/cmake/version.cmake
  BYPRODUCTS ${EPHEMERA_VERSION_CPP} ${EPHEMERA_VERSION_FILE}
  VERBATIM)
add_library(ephemera_version STATIC ${EPHEMERA_VERSION_CPP})
target_include_directories(ephemera_version PRIVATE ${CMAKE_SOURCE_DIR}/src)
add_dependencies(ephemera_version ephemera_version_stamp)
target_link_libraries(layer_core PUBLIC ephemera_version)  # core/version.h

target_link_options(ephemera PRIVATE ${EPHEMERA_STATIC_RUNTIME_LINK_OPTIONS})
target_link_libraries(ephemera PRIVATE ${EPHEMERA_MALLOC})  # jemalloc: cmake/static_runtime.cmake

# --- what `cmake --install`, the tarball and the Debian package hold ---
include(GNUInstallDirs)
set(PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)
install(TARGETS ephemera RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PACKAGING_DIR}/ephemera.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PACKAGING_DIR}/completions/ephemera.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ephemera)
# zsh searches share/zsh/site-functions under /usr/local (and most prefixes); distribution
# packages (a prefix ending in /usr, as CPack's staging one does) use share/zsh/vendor-completions.
# Decided at install time, when the prefix is known.
install(CODE "
  if(CMAKE_INSTALL_PREFIX MATCHES \"/usr$\")
    set(zsh_completions vendor-completions)
  else()
    set(zsh_completions site-functions)
  endif()
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/\${zsh_completions}\"
       TYPE FILE FILES \"${PACKAGING_DIR}/completions/_ephemera\")")
install(FILES ${PACKAGING_DIR}/completions/ephemera.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/CHANGELOG.md ${CMAKE_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- make dist: dist/ephemera-VERSION-linux-ARCH.tar.gz, the installed tree under one folder ---
set(EPHEMERA_DIST_DIR ${CMAKE_SOURCE_DIR}/dist CACHE PATH "Where make dist and make deb write packages")
string(TOLOWER "${CMAKE_SYSTEM_NAME}" dist_system)
# The same commands run as the dist/* tests' fixtures (tests/dist/CMakeLists.txt).
set(EPHEMERA_DIST_COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DVERSION_FILE=${EPHEMERA_VERSION_FILE}
    -DPLATFORM=${dist_system}-${CMAKE_SYSTEM_PROCESSOR} -DOUT_DIR=${EPHEMERA_DIST_DIR} -P ${PACKAGING_DIR}/dist.cmake)
add_custom_target(dist COMMAND ${EPHEMERA_DIST_COMMAND} DEPENDS ephemera VERBATIM)

# --- make deb: CPack's DEB generator over the same install rules ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ephemera)
set(CPACK_PACKAGE_VENDOR "The ephemera developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static analyzer for serverless infrastructure-as-code")
set(CPACK_PACKAGE_DESCRIPTION
    "ephemera reads Terraform, CloudFormation and AWS SAM, builds one resource graph and flags\n"
    "designs that break when functions have no fixed address: IP allow-lists instead of\n"
    "identity, secrets in environment variables, functions without concurrency ceilings,\n"
    "unauthenticated entry points. It runs as a CLI and CI gate (text, JSON, SARIF, JUnit,\n"
    "GitHub annotations), as a pre-commit hook and as a language server.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_HOMEPAGE_URL "${EPHEMERA_REPOSITORY_URL}")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/cpack)
set(EPHEMERA_DEB_MAINTAINER "The ephemera developers <ephemera-iac@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${EPHEMERA_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps (libc6 only, see static_runtime.cmake)
# The version is read at packaging time from version.txt (a commit needs no re-configure).
set(EPHEMERA_VERSION_FILE_FOR_CPACK ${EPHEMERA_VERSION_FILE})
configure_file(${PACKAGING_DIR}/cpack_project_config.cmake.in ${CMAKE_BINARY_DIR}/CPackProjectConfig.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_BINARY_DIR}/CPackProjectConfig.cmake)
include(CPack)
set(EPHEMERA_DEB_COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DOUT_DIR=${EPHEMERA_DIST_DIR}
    -DCPACK=${CMAKE_CPACK_COMMAND} -P ${PACKAGING_DIR}/deb.cmake)
add_custom_target(deb COMMAND ${EPHEMERA_DEB_COMMAND} DEPENDS ephemera VERBATIM)
