# Sanitizer flavours shared by the driver library and the test executables.
#
#   irqsim_sanitizer_flags(<OUT_VAR> <none|asan|tsan>)
#       compile+link flags of a flavour ("asan" = AddressSanitizer + UBSan).
#   irqsim_add_driver_lib(<name> [SANITIZE <none|asan|tsan>] SOURCES ...)
#       the C11 driver library (static) built with that flavour.
#   irqsim_sanitize_target(<target> <none|asan|tsan>)
#       apply a flavour to any target (compile + link) and make its tests run
#       through cmake/sanitizer-run.sh (see that file for the ASLR workaround).
#   irqsim_sanitizer_env(<OUT_VAR> <none|asan|tsan>)
#       ENVIRONMENT test property list for that flavour.

include_guard(GLOBAL)

set(IRQSIM_ASAN_FLAGS
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
set(IRQSIM_TSAN_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
# Checking builds: readable stacks (-g -O1, placed after the build type's -O3) and
# assert() kept alive even in Release (-UNDEBUG). Compile-only; not for the linker.
set(IRQSIM_SANITIZER_EXTRA_COMPILE_FLAGS -g -O1 -UNDEBUG)

# The wrapper is copied into the build tree so its exec bit never depends on git.
set(IRQSIM_SANITIZER_RUN "${CMAKE_BINARY_DIR}/cmake/sanitizer-run.sh")
configure_file("${CMAKE_CURRENT_LIST_DIR}/sanitizer-run.sh" "${IRQSIM_SANITIZER_RUN}"
               COPYONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                                GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

function(irqsim_sanitizer_flags out flavour)
  if(flavour STREQUAL "asan")
    set(${out} ${IRQSIM_ASAN_FLAGS} PARENT_SCOPE)
  elseif(flavour STREQUAL "tsan")
    set(${out} ${IRQSIM_TSAN_FLAGS} PARENT_SCOPE)
  elseif(flavour STREQUAL "none" OR flavour STREQUAL "")
    set(${out} "" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "unknown sanitizer flavour '${flavour}' (none|asan|tsan)")
  endif()
endfunction()

function(irqsim_sanitizer_env out flavour)
  if(flavour STREQUAL "asan")
    set(${out}
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        PARENT_SCOPE)
  elseif(flavour STREQUAL "tsan")
    set(${out} "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

function(irqsim_sanitize_target target flavour)
  irqsim_sanitizer_flags(flags "${flavour}")
  if(flags)
    target_compile_options(${target} PRIVATE ${flags} ${IRQSIM_SANITIZER_EXTRA_COMPILE_FLAGS})
    target_link_options(${target} PRIVATE ${flags})
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      # Used by gtest_discover_tests() for discovery and for each test command.
      set_target_properties(${target} PROPERTIES CROSSCOMPILING_EMULATOR "${IRQSIM_SANITIZER_RUN}")
    endif()
  endif()
endfunction()

# irqsim_add_driver_lib(<name> [SANITIZE asan|tsan] SOURCES <c files...>)
#   <name>_archive: the driver sources as a static library (C11, -Wall -Wextra
#   -Werror, driver/include); <name>: what consumers link, the archive whole
#   (--whole-archive).  Drivers register themselves from constructors
#   (module_platform_driver, IRQCHIP_DECLARE) and nothing else references
#   them, so a plain static link would drop exactly those objects.
function(irqsim_add_driver_lib name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "SANITIZE" "SOURCES")
  if(NOT ARG_SANITIZE)
    set(ARG_SANITIZE none)
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "irqsim_add_driver_lib(${name}): no SOURCES")
  endif()
  set(lib ${name}_archive)
  add_library(${lib} STATIC ${ARG_SOURCES})
  target_include_directories(${lib} PUBLIC "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/driver/include>"
                             "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/irqsim/driver>")
  target_include_directories(${lib} SYSTEM PUBLIC "$<BUILD_INTERFACE:${LIBFDT_INCLUDE_DIR}>")
  set_target_properties(${lib} PROPERTIES
                        C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF
                        POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${lib} PRIVATE -Wall -Wextra -Werror)
  target_link_libraries(${lib} PUBLIC Threads::Threads ${IRQSIM_LIBFDT_LINK})
  irqsim_sanitizer_flags(flags "${ARG_SANITIZE}")
  if(flags)
    target_compile_options(${lib} PRIVATE ${flags} ${IRQSIM_SANITIZER_EXTRA_COMPILE_FLAGS})
    # Whoever links the instrumented library needs the sanitizer runtime.
    target_link_options(${lib} INTERFACE ${flags})
  endif()
  add_library(${name} INTERFACE)
  # (installed: the exported name; export does not rename targets inside $<LINK_LIBRARY>)
  target_link_libraries(${name} INTERFACE "$<BUILD_INTERFACE:$<LINK_LIBRARY:WHOLE_ARCHIVE,${lib}>>"
                        "$<INSTALL_INTERFACE:$<LINK_LIBRARY:WHOLE_ARCHIVE,irqsim::${lib}>>")
  set_property(GLOBAL APPEND PROPERTY IRQSIM_DRIVER_ARCHIVES ${lib})
endfunction()

# irqsim_add_asan_twin(<target> LINK <libs...>)
#   <target>_asan: the same sources, include directories, definitions and
#   options, built with AddressSanitizer + UBSan and linked with <libs...>
#   (the _asan twins of its dependencies).  Call it in <target>'s own directory:
#   per-source properties (e.g. a Verilated model's include path) are
#   directory-scoped.  Un-instrumented code (the Verilated models) may be linked.
function(irqsim_add_asan_twin target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "LINK")
  get_target_property(type ${target} TYPE)
  get_target_property(sources ${target} SOURCES)
  set(twin ${target}_asan)
  if(type STREQUAL "EXECUTABLE")
    add_executable(${twin} ${sources})
    get_target_property(outdir ${target} RUNTIME_OUTPUT_DIRECTORY)
    if(outdir)
      set_target_properties(${twin} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${outdir}")
    endif()
  else()
    add_library(${twin} STATIC ${sources})
  endif()
  foreach(prop INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
    get_target_property(v ${target} ${prop})
    if(v)
      set_property(TARGET ${twin} PROPERTY ${prop} "${v}")
    endif()
    get_target_property(v ${target} INTERFACE_${prop})
    if(v)
      set_property(TARGET ${twin} PROPERTY INTERFACE_${prop} "${v}")
    endif()
  endforeach()
  target_link_libraries(${twin} PUBLIC ${ARG_LINK})
  target_compile_options(${twin} PRIVATE ${IRQSIM_ASAN_FLAGS} ${IRQSIM_SANITIZER_EXTRA_COMPILE_FLAGS})
  target_link_options(${twin} PUBLIC ${IRQSIM_ASAN_FLAGS})
  if(type STREQUAL "EXECUTABLE")
    set_target_properties(${twin} PROPERTIES CROSSCOMPILING_EMULATOR "${IRQSIM_SANITIZER_RUN}")
  endif()
endfunction()
