# irqsim_add_driver(SOURCES <c files...>)
#   Compile driver sources from anywhere (absolute, or relative to the calling
#   CMakeLists.txt) into every driver library (irqdrv and its sanitizer twins),
#   with the driver rules: C11, driver/include, -Wall -Wextra -Werror, less the
#   three -Wextra warnings kernel builds do not enable (sign-compare,
#   unused-parameter, missing-field-initializers), so a kernel driver compiles
#   as it is.  The
#   libraries are linked whole-archive (irqsim_add_driver_lib), so the
#   constructors that register the driver (module_platform_driver,
#   IRQCHIP_DECLARE, IRQCHIP_PLATFORM_DRIVER_END) reach irqsim, the e2e and the
#   unit test executables.  Call it after the driver libraries exist (from
#   tb/ or later, or through -DIRQSIM_EXTRA_DRIVERS=a.c;b.c).
function(irqsim_add_driver)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "irqsim_add_driver: no SOURCES")
  endif()
  get_property(archives GLOBAL PROPERTY IRQSIM_DRIVER_ARCHIVES)
  if(NOT archives)
    message(FATAL_ERROR "irqsim_add_driver: called before the driver libraries were created")
  endif()
  set(files)
  foreach(src ${ARG_SOURCES})
    get_filename_component(abs "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${abs}")
      message(FATAL_ERROR "irqsim_add_driver: ${src}: no such file")
    endif()
    list(APPEND files "${abs}")
  endforeach()
  foreach(lib ${archives})
    target_sources(${lib} PRIVATE ${files})
  endforeach()
  set_source_files_properties(${files} TARGET_DIRECTORY ${archives} PROPERTIES
                              COMPILE_OPTIONS "-Wno-sign-compare;-Wno-unused-parameter;-Wno-missing-field-initializers")
  message(STATUS "irqsim: extra driver(s): ${files}")
endfunction()
