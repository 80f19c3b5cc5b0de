# Included by tb/CMakeLists.txt: builds the libFuzzer targets of tb/fuzz (a
# separate clang project, see tb/fuzz/CMakeLists.txt) into ${build}/fuzz as part
# of the main build, and registers their ctests (label "fuzz").
#
# Option IRQSIM_FUZZ: ON by default when clang (clang-14 from Debian) can link
# -fsanitize=fuzzer (the libclang_rt.fuzzer runtime, package libclang-rt-14-dev).
include_guard(GLOBAL)
include(ExternalProject)

find_program(IRQSIM_FUZZ_CC NAMES clang-14 clang)
find_program(IRQSIM_FUZZ_CXX NAMES clang++-14 clang++)
# probed again while it fails, so installing clang later needs no fresh build tree
if(NOT IRQSIM_FUZZ_WORKS)
  set(_works OFF)
  if(IRQSIM_FUZZ_CC AND IRQSIM_FUZZ_CXX)
    # the runtime is a separate package: link a trivial target to know
    set(_probe "${CMAKE_BINARY_DIR}/CMakeFiles/irqsim_fuzz_probe.cpp")
    file(WRITE "${_probe}" "extern \"C\" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n")
    execute_process(COMMAND "${IRQSIM_FUZZ_CXX}" -fsanitize=fuzzer,address,undefined "${_probe}"
                            -o "${CMAKE_BINARY_DIR}/CMakeFiles/irqsim_fuzz_probe"
                    RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
    if(_rc EQUAL 0)
      set(_works ON)
    endif()
  endif()
  set(IRQSIM_FUZZ_WORKS ${_works} CACHE INTERNAL "clang links -fsanitize=fuzzer")
endif()
# (not by default in a parent project that add_subdirectory()s irqsim)
set(_fuzz_default ${IRQSIM_FUZZ_WORKS})
if(NOT PROJECT_IS_TOP_LEVEL)
  set(_fuzz_default OFF)
endif()
option(IRQSIM_FUZZ "Build the libFuzzer targets (tb/fuzz, clang) and run them briefly in ctest" ${_fuzz_default})
if(NOT IRQSIM_FUZZ)
  return()
endif()
if(NOT IRQSIM_FUZZ_WORKS)
  message(FATAL_ERROR "IRQSIM_FUZZ: clang cannot link -fsanitize=fuzzer (Debian: apt-get install clang-14 "
                      "libclang-rt-14-dev, or run scripts/setup)")
endif()

set(IRQSIM_FUZZ_DIR "${CMAKE_BINARY_DIR}/fuzz")
# IRQSIM_RDL_DIR: the register headers generated from rtl/*/*.rdl (tb/unit's fakes include them)
set(_fuzz_args -DCMAKE_C_COMPILER=${IRQSIM_FUZZ_CC} -DCMAKE_CXX_COMPILER=${IRQSIM_FUZZ_CXX}
               -DIRQSIM_RDL_DIR=${IRQSIM_RDL_DIR})
if(CMAKE_CXX_COMPILER_LAUNCHER)
  list(APPEND _fuzz_args -DCMAKE_C_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
                         -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER})
endif()
# BUILD_ALWAYS: the sub-build tracks its own sources (a no-op make when nothing changed)
ExternalProject_Add(irqsim_fuzz
                    SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}"
                    BINARY_DIR "${IRQSIM_FUZZ_DIR}"
                    CMAKE_ARGS ${_fuzz_args}
                    INSTALL_COMMAND ""
                    BUILD_ALWAYS ON
                    DEPENDS irqsim_rdl
                    USES_TERMINAL_BUILD OFF)

if(NOT BUILD_TESTING)
  return()
endif()
# run-fuzz.sh under the ASLR workaround of the sanitizer tests (cmake/sanitizer-run.sh)
set(_run ${IRQSIM_SANITIZER_RUN} sh "${CMAKE_CURRENT_LIST_DIR}/run-fuzz.sh")
# A short run per target, fresh corpus from the seeds; any crash, leak or
# -timeout (a hang) fails.  Budget: ~70 s of CPU in total (longer runs: scripts/fuzz).
add_test(NAME fuzz.dt COMMAND ${_run} "${IRQSIM_FUZZ_DIR}/fuzz_dt" 30 "${IRQSIM_FUZZ_DIR}/ctest/fuzz_dt" fresh
                              "${IRQSIM_FUZZ_DIR}/seeds/fuzz_dt")
add_test(NAME fuzz.report COMMAND ${_run} "${IRQSIM_FUZZ_DIR}/fuzz_report" 20 "${IRQSIM_FUZZ_DIR}/ctest/fuzz_report" fresh)
add_test(NAME fuzz.cli COMMAND ${_run} "${IRQSIM_FUZZ_DIR}/fuzz_cli" 20 "${IRQSIM_FUZZ_DIR}/ctest/fuzz_cli" fresh
                               "${CMAKE_CURRENT_LIST_DIR}/seeds/fuzz_cli")
set(_fuzz_tests fuzz.dt fuzz.report fuzz.cli)
# Every reproducer ever found, replayed once (must pass: crash, leak, hang fail).
# regressions/fuzz_dt-known/ holds the driver/of tree-walker hangs of issue 15.
foreach(dir fuzz_dt fuzz_dt-known fuzz_report fuzz_cli)
  file(GLOB _inputs CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/regressions/${dir}/*")
  list(FILTER _inputs EXCLUDE REGEX "/README[^/]*$|\\.dts$")
  string(REGEX REPLACE "-.*" "" _target "${dir}")
  if(_inputs AND (NOT _target STREQUAL "fuzz_cli" OR "fuzz.cli" IN_LIST _fuzz_tests))
    string(REPLACE "fuzz_" "fuzz.regressions." _name "${dir}")
    add_test(NAME ${_name} COMMAND ${_run} "${IRQSIM_FUZZ_DIR}/${_target}" replay ${_inputs})
    list(APPEND _fuzz_tests ${_name})
  endif()
endforeach()
set_tests_properties(${_fuzz_tests} PROPERTIES LABELS fuzz TIMEOUT 300)
