# irqsim_embed_dts(<target> <dts> <symbol>)
#   Compiles <dts> with dtc at build time and links a generated C++ file that
#   holds the blob as `extern const unsigned char <symbol>[]` and
#   `extern const unsigned long <symbol>_size` into <target>.
#   The .dtb itself is left in the build tree as ${CMAKE_BINARY_DIR}/<name>.dtb.
find_program(IRQSIM_DTC dtc REQUIRED)

function(irqsim_embed_dts target dts symbol)
  get_filename_component(name "${dts}" NAME_WE)
  set(dtb "${CMAKE_BINARY_DIR}/${name}.dtb")
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${dtb}"
    COMMAND ${IRQSIM_DTC} -q -I dts -O dtb -o "${dtb}" "${dts}"
    DEPENDS "${dts}"
    COMMENT "dtc ${name}.dts"
    VERBATIM)
  add_custom_command(
    OUTPUT "${gen}"
    COMMAND ${CMAKE_COMMAND} -DIN=${dtb} -DOUT=${gen} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    DEPENDS "${dtb}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake"
    COMMENT "embed ${name}.dtb"
    VERBATIM)
  target_sources(${target} PRIVATE "${gen}")
endfunction()
