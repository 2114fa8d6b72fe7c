# make deb: CPack's DEB generator (configured in cmake/release.cmake), then the package is
# copied to OUT_DIR. usage: cmake -DBUILD_DIR=... -DOUT_DIR=... -DCPACK=cpack -P deb.cmake
set(packages "${BUILD_DIR}/cpack")
file(GLOB old "${packages}/*.deb")
if(old)
  file(REMOVE ${old})
endif()
execute_process(COMMAND "${CPACK}" --config "${BUILD_DIR}/CPackConfig.cmake" -B "${packages}"
                WORKING_DIRECTORY "${BUILD_DIR}" OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
file(GLOB made "${packages}/*.deb")
list(LENGTH made count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "deb: expected one package in ${packages}, found: ${made}")
endif()
file(MAKE_DIRECTORY "${OUT_DIR}")
file(COPY ${made} DESTINATION "${OUT_DIR}")
get_filename_component(deb_name "${made}" NAME)
message(STATUS "deb: ${OUT_DIR}/${deb_name}")
