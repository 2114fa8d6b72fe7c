# make dist: installs the build into ephemera-VERSION-PLATFORM/ (cmake --install, stripped)
# and packs that folder into OUT_DIR/ephemera-VERSION-PLATFORM.tar.gz, with a .sha256 beside it
# (the GitHub action checks it). Unpacked into a prefix it is an installation:
#   tar -xzf ephemera-VERSION-PLATFORM.tar.gz -C /usr/local --strip-components=1
# usage: cmake -DBUILD_DIR=... -DVERSION_FILE=... -DPLATFORM=linux-x86_64 -DOUT_DIR=... -P dist.cmake
file(STRINGS "${VERSION_FILE}" version LIMIT_COUNT 1)
set(name "ephemera-${version}-${PLATFORM}")
set(stage "${BUILD_DIR}/dist-stage")
file(REMOVE_RECURSE "${stage}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${stage}/${name}" --strip
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
file(MAKE_DIRECTORY "${OUT_DIR}")
set(tarball "${OUT_DIR}/${name}.tar.gz")
execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf "${tarball}" --format=gnutar "${name}"
                WORKING_DIRECTORY "${stage}" COMMAND_ERROR_IS_FATAL ANY)
file(SHA256 "${tarball}" sum)
file(WRITE "${tarball}.sha256" "${sum}  ${name}.tar.gz\n")
file(REMOVE_RECURSE "${stage}")
message(STATUS "dist: ${tarball}")
