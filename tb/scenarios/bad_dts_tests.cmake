# Included by tb/scenarios/CMakeLists.txt (needs the irqsim target).
# Bad device trees: each a textual edit (from -> to, optionally a second one) of
# the default .dts, written at configure time; irqsim must exit 2 with one line
# naming node and property (tb/session/tree_check_test.cpp has the full table).
set(IRQSIM_BAD_DTS_DIR "${CMAKE_CURRENT_BINARY_DIR}/bad_dts")
file(MAKE_DIRECTORY "${IRQSIM_BAD_DTS_DIR}")
function(irqsim_bad_dts_test name sub expect from to from2 to2)
  file(READ "${PROJECT_SOURCE_DIR}/rtl/soc/irqsim_soc.dts" text)
  string(FIND "${text}" "${from}" at)
  if(at LESS 0)
    message(FATAL_ERROR "cli.dts.${name}: the default .dts has no '${from}'")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
  if(NOT from2 STREQUAL "")
    string(REPLACE "${from2}" "${to2}" text "${text}")
  endif()
  file(WRITE "${IRQSIM_BAD_DTS_DIR}/${name}.dts" "${text}")
  add_test(NAME cli.dts.${name}
           COMMAND ${CMAKE_COMMAND} -DIRQSIM=$<TARGET_FILE:irqsim> -DSUB=${sub}
                   -DDTS=${IRQSIM_BAD_DTS_DIR}/${name}.dts "-DEXPECT=${expect}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_bad_dts.cmake)
  # the loops once hung irqsim: a regression must fail, not hang
  set_tests_properties(cli.dts.${name} PROPERTIES TIMEOUT 60 LABELS "cli;contract")
endfunction()
irqsim_bad_dts_test(parent_self run "irqsim: device tree /soc/irqsim,lines: interrupt-parent: chain loops"
                    "irqsim,lines {" "lines: irqsim,lines { interrupt-parent = <&lines>;" "" "")
irqsim_bad_dts_test(parent_loop topology "irqsim: device tree /soc/irqsim,lines: interrupt-parent: chain loops"
                    "irqsim,lines {"
                    "a: node-a { interrupt-parent = <&b>; }; b: node-b { interrupt-parent = <&a>; }; irqsim,lines { interrupt-parent = <&a>;"
                    "" "")
irqsim_bad_dts_test(root_parent_no_cells run "interrupt-controller@8000000: #interrupt-cells:"
                    "\t\t#interrupt-cells = <3>;\n" "" "\t\tinterrupt-controller;\n\t\treg" "\t\treg")
irqsim_bad_dts_test(cells_huge run "interrupt-controller@8000000: #interrupt-cells: 4294967295 out of range"
                    "#interrupt-cells = <3>" "#interrupt-cells = <0xffffffff>" "" "")
irqsim_bad_dts_test(lpi_id_bits_string run "interrupt-controller@8000000: irqsim,lpi-id-bits: must be 1 u32 cell"
                    "mbi-ranges = <96 32>" "mbi-ranges = <96 32>; irqsim,lpi-id-bits = \"16\"" "" "")
irqsim_bad_dts_test(mbi_over_lines run "mbi-ranges: GIC INTID 32 is already used by /soc/irqsim,lines"
                    "mbi-ranges = <96 32>" "mbi-ranges = <32 32>" "" "")
irqsim_bad_dts_test(inta_no_cfg run "msi-controller@a100000: reg: no CFG region"
                    ", <0x0 0x0a300000 0x0 0x20>" "" "" "")
irqsim_bad_dts_test(ims_kind_bogus run "ims@a600000: irqsim,msi-parent-kind: \"bogus\""
                    "irqsim,msi-parent-kind = \"mbi\"" "irqsim,msi-parent-kind = \"bogus\"" "" "")
irqsim_bad_dts_test(three_cpus run "/cpus: cpu nodes: 3 application cpu nodes but irqsim,cpus is 4"
                    "\t\tcpu@3 {\n\t\t\tdevice_type = \"cpu\";\n\t\t\tcompatible = \"arm,armv8\";\n\t\t\treg = <0x3>;\n\t\t};\n"
                    "" "" "")
# a FIFO as --dts is refused at once (dtc would block on it forever)
add_test(NAME cli.dts.fifo
         COMMAND ${CMAKE_COMMAND} -DIRQSIM=$<TARGET_FILE:irqsim> -DSUB=run -DMODE=fifo
                 -DDTS=${IRQSIM_BAD_DTS_DIR}/fifo.dts "-DEXPECT=not a regular file"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_bad_dts.cmake)
# a path that is shell text is only a path: dtc runs without a shell
file(MAKE_DIRECTORY "${IRQSIM_BAD_DTS_DIR}/inject")
configure_file("${PROJECT_SOURCE_DIR}/rtl/soc/irqsim_soc.dts" "${IRQSIM_BAD_DTS_DIR}/inject/x'$(touch INJECTED)'.dts"
               COPYONLY)
add_test(NAME cli.dts.injection
         COMMAND ${CMAKE_COMMAND} -DIRQSIM=$<TARGET_FILE:irqsim> -DSUB=run -DMODE=injection
                 "-DDTS=${IRQSIM_BAD_DTS_DIR}/inject/x'$(touch INJECTED)'.dts"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_bad_dts.cmake)
set_tests_properties(cli.dts.fifo cli.dts.injection PROPERTIES TIMEOUT 60 LABELS "cli;contract")
