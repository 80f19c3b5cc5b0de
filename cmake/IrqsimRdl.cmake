# Register descriptions: every rtl/<dir>/<block>.rdl (SystemRDL) is compiled by
# scripts/rdl/rdlgen.py, at build time, into IRQSIM_RDL_DIR (<build>/rdl/):
#   <block>_regs_pkg.sv  the SV package the block's RTL decode imports
#   <block>_regs.h       C macros for the harness, fakes and tests (target irqsim_rdl_headers)
#   <block>_regs.md      the register table of the block's README (target irqsim-rdl-readmes)
#   <block>_csr.h        register descriptors of the generic CSR tests (tb/rtl/csr_test.cpp)
#   <block>_waves.txt    wave labels: a GTKWave translate filter file of the block's address port
# The generator runs on the Python of the venv scripts/setup makes (pinned
# systemrdl-compiler): IRQSIM_RDL_PYTHON.
#
# Sets: IRQSIM_RDL_DIR, IRQSIM_RDL_BLOCKS (block names), IRQSIM_RDL_SV_PACKAGES,
# targets irqsim_rdl (all outputs), irqsim_rdl_headers (INTERFACE: the include
# directory, and the generation before whatever links it), irqsim-rdl-readmes.

set(IRQSIM_RDL_PYTHON "${CMAKE_BINARY_DIR}/rdl-venv/bin/python3" CACHE FILEPATH
    "Python with systemrdl-compiler (the venv scripts/setup makes in <build>/rdl-venv)")
execute_process(COMMAND "${IRQSIM_RDL_PYTHON}" -c "import systemrdl"
                RESULT_VARIABLE _rdl_ok OUTPUT_QUIET ERROR_QUIET)
if(NOT _rdl_ok EQUAL 0)
  message(FATAL_ERROR "irqsim: no systemrdl-compiler at IRQSIM_RDL_PYTHON=${IRQSIM_RDL_PYTHON}: "
                      "run BUILD_DIR=${CMAKE_BINARY_DIR} scripts/setup (it makes that venv)")
endif()

set(IRQSIM_RDL_DIR "${CMAKE_BINARY_DIR}/rdl")
set(_rdl_gen "${PROJECT_SOURCE_DIR}/scripts/rdl/rdlgen.py")
set(_rdl_udp "${PROJECT_SOURCE_DIR}/scripts/rdl/irqsim_udp.rdl")
file(GLOB IRQSIM_RDL_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/rtl/*/*.rdl")
list(SORT IRQSIM_RDL_FILES)
set(IRQSIM_RDL_BLOCKS)
set(IRQSIM_RDL_SV_PACKAGES)
set(_rdl_outputs)
set(_rdl_mds)
foreach(rdl ${IRQSIM_RDL_FILES})
  get_filename_component(block "${rdl}" NAME_WE)
  file(RELATIVE_PATH _rel "${PROJECT_SOURCE_DIR}" "${rdl}")
  set(_outs "${IRQSIM_RDL_DIR}/${block}_regs_pkg.sv" "${IRQSIM_RDL_DIR}/${block}_regs.h"
            "${IRQSIM_RDL_DIR}/${block}_regs.md" "${IRQSIM_RDL_DIR}/${block}_csr.h"
            "${IRQSIM_RDL_DIR}/${block}_waves.txt")
  # verilate() (sim/) runs Verilator at configure time and needs the packages then:
  # a fresh build tree generates them once here; edits regenerate at build time.
  if(NOT EXISTS "${IRQSIM_RDL_DIR}/${block}_regs_pkg.sv")
    execute_process(COMMAND "${IRQSIM_RDL_PYTHON}" "${_rdl_gen}" --udp "${_rdl_udp}" --out "${IRQSIM_RDL_DIR}"
                            --src-name "${_rel}" "${rdl}"
                    RESULT_VARIABLE _rdl_rc)
    if(NOT _rdl_rc EQUAL 0)
      message(FATAL_ERROR "irqsim: scripts/rdl/rdlgen.py failed on ${_rel}")
    endif()
  endif()
  # The outputs are rewritten only when their text changes (byproducts: Ninja
  # re-stats them), so a comment edit in a .rdl re-verilates nothing.
  add_custom_command(OUTPUT "${IRQSIM_RDL_DIR}/${block}.stamp"
                     BYPRODUCTS ${_outs}
                     COMMAND "${IRQSIM_RDL_PYTHON}" "${_rdl_gen}" --udp "${_rdl_udp}" --out "${IRQSIM_RDL_DIR}"
                             --src-name "${_rel}" "${rdl}"
                     COMMAND ${CMAKE_COMMAND} -E touch "${IRQSIM_RDL_DIR}/${block}.stamp"
                     DEPENDS "${rdl}" "${_rdl_gen}" "${_rdl_udp}"
                     COMMENT "rdlgen: ${_rel}" VERBATIM)
  list(APPEND IRQSIM_RDL_BLOCKS ${block})
  list(APPEND IRQSIM_RDL_SV_PACKAGES "${IRQSIM_RDL_DIR}/${block}_regs_pkg.sv")
  list(APPEND _rdl_outputs "${IRQSIM_RDL_DIR}/${block}.stamp")
endforeach()
add_custom_target(irqsim_rdl ALL DEPENDS ${_rdl_outputs})
add_library(irqsim_rdl_headers INTERFACE)
target_include_directories(irqsim_rdl_headers INTERFACE "$<BUILD_INTERFACE:${IRQSIM_RDL_DIR}>")
add_dependencies(irqsim_rdl_headers irqsim_rdl)

# The READMEs' generated regions (scripts/rdl/readme.py): this target rewrites them,
# the ctest rdl.readmes fails when one is out of date.
file(GLOB IRQSIM_RDL_READMES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/rtl/*/README.md")
list(SORT IRQSIM_RDL_READMES)
add_custom_target(irqsim-rdl-readmes
                  COMMAND "${IRQSIM_RDL_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/rdl/readme.py" --write
                          --gen "${IRQSIM_RDL_DIR}" ${IRQSIM_RDL_READMES}
                  DEPENDS irqsim_rdl VERBATIM)
if(BUILD_TESTING)
  add_test(NAME rdl.readmes
           COMMAND "${IRQSIM_RDL_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/rdl/readme.py" --check
                   --gen "${IRQSIM_RDL_DIR}" ${IRQSIM_RDL_READMES})
  set_tests_properties(rdl.readmes PROPERTIES LABELS "rdl;doc" TIMEOUT 60)
  # a described block's RTL decodes with its package, not with offsets written by hand
  add_test(NAME rdl.rtl_literals COMMAND sh "${PROJECT_SOURCE_DIR}/scripts/rdl/check-rtl-literals.sh")
  set_tests_properties(rdl.rtl_literals PROPERTIES LABELS "rdl" TIMEOUT 60)
  # no block base of the default SoC written by hand: rtl/soc/irqsim_soc_map.rdl is the one place
  find_package(Python3 COMPONENTS Interpreter)
  add_test(NAME rdl.map_literals COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/scripts/rdl/check-map-literals.py")
  set_tests_properties(rdl.map_literals PROPERTIES LABELS "rdl" TIMEOUT 60)
  # no register offset or array stride written by hand in sim/ and tb/ (C, C++, SV, Python);
  # the generated headers name each finding's described macro and the register names it knows
  add_test(NAME rdl.offset_literals
           COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/scripts/rdl/check-offset-literals.py"
                   --gen "${IRQSIM_RDL_DIR}")
  add_test(NAME rdl.offset_literals_selftest
           COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/scripts/rdl/check-offset-literals.py" --self-test)
  set_tests_properties(rdl.offset_literals rdl.offset_literals_selftest PROPERTIES LABELS "rdl" TIMEOUT 60)
endif()
