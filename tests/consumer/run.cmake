# ctest install_consumer: installs this build into a fresh prefix, then
# configures, builds and runs tests/consumer against it with find_package,
# and checks the installed binary, man page and completion.
# usage: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... [-DEXTRA_FLAGS=...] -P run.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(f bin/mdrisk include/mdrisk/linter.hpp include/mdrisk/discover.hpp share/man/man1/mdrisk.1.gz
          share/bash-completion/completions/mdrisk share/zsh/vendor-completions/_mdrisk
          share/fish/vendor_completions.d/mdrisk.fish share/doc/mdrisk/copyright)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB config "${prefix}/lib*/cmake/mdrisk/mdriskConfig.cmake")
if(NOT config)
  message(FATAL_ERROR "no mdriskConfig.cmake under ${prefix}")
endif()
run("${prefix}/bin/mdrisk" --version)
message(STATUS "installed: ${last_output}")

set(flags)
if(EXTRA_FLAGS)
  set(flags "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
endif()
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/consumer" -B "${WORK_DIR}/build" -G Ninja
    "-DCMAKE_PREFIX_PATH=${prefix}" ${flags})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer")
message(STATUS "consumer: ${last_output}")

# As a subproject, mdrisk adds its library and binary and nothing else: no
# tests, no install rules, no build type forced on the including project.
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/consumer/subproject" -B "${WORK_DIR}/subproject" -G Ninja
    "-DMDRISK_SOURCE_DIR=${SOURCE_DIR}")
message(STATUS "subproject: ${last_output}")
file(REMOVE_RECURSE "${WORK_DIR}")
