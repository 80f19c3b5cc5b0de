# cmake --install: the CMake package find_package(irqsim) (README "Using irqsim
# from your own repository").  Included by the top level once sim/ and tb/ exist.
#
#   <prefix>/bin/irqsim                       the command (finds the recipe below)
#   <prefix>/include/irqsim/                  harness, session, scoreboard, coverage,
#                                             test-support headers (flat, as in the tree)
#   <prefix>/include/irqsim/driver/           the driver headers (linux/..., asm/...)
#   <prefix>/lib/lib*.a                       the prebuilt libraries, the 1/4/16-CPU models
#   <prefix>/lib/cmake/irqsim/                irqsimConfig.cmake, the targets, IrqsimSocModels.cmake
#   <prefix>/share/irqsim/model-recipe/       the model cache's recipe, paths relative to itself
#   <prefix>/share/irqsim/{rtl,rdl,sim}/      what the recipe verilates (rdl/: the generated register packages)
#   <prefix>/share/irqsim/topologies/         the example device trees (and the default one)
#   <prefix>/share/irqsim/waves/              the GTKWave views and waves/gen-views
#
# Targets (namespace irqsim::): session (SocSession + harness + driver), sim (the
# harness), test_support (tb/e2e/e2e_support.h: SessionTest and the register
# helpers; GoogleTest), irqdrv (the driver stack, whole-archive), irqsim (the command).
include(CMakePackageConfigHelpers)

set(_irqsim_export_names
    irqdrv_archive=irqdrv_archive irqdrv=irqdrv irqsim_verilated=verilated
    irqsim_model_c1=model_c1 irqsim_model_c4=model_c4 irqsim_model_c16=model_c16
    irqsim_sim=sim irqsim_scoreboard=scoreboard irqsim_fcov=fcov irqsim_session=session
    irqsim_e2e_support=test_support irqsim=irqsim)
set(_irqsim_install_targets)
foreach(pair ${_irqsim_export_names})
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 target)
  list(GET pair 1 name)
  if(NOT TARGET ${target})
    continue()  # (no GoogleTest: no test_support; coverage builds: one model)
  endif()
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  list(APPEND _irqsim_install_targets ${target})
  # the same names for a parent project that add_subdirectory()s irqsim
  if(NOT target STREQUAL "irqsim")
    add_library(irqsim::${name} ALIAS ${target})
  else()
    add_executable(irqsim::irqsim ALIAS irqsim)
  endif()
endforeach()

install(TARGETS ${_irqsim_install_targets} EXPORT irqsimTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT irqsimTargets NAMESPACE irqsim:: DESTINATION ${IRQSIM_INSTALL_CMAKEDIR})

# headers: each directory's own, flat under include/irqsim (they include each other by name)
set(_irqsim_header_dirs sim tb/session tb/scoreboard tb/coverage)
foreach(d ${_irqsim_header_dirs})
  file(GLOB _h "${PROJECT_SOURCE_DIR}/${d}/*.h")
  install(FILES ${_h} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/irqsim)
endforeach()
if(TARGET irqsim_e2e_support)
  install(FILES "${PROJECT_SOURCE_DIR}/tb/e2e/e2e_support.h" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/irqsim)
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/driver/include/" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/irqsim/driver
        FILES_MATCHING PATTERN "*.h")

# the model cache's recipe and what it verilates (sim/CMakeLists.txt wrote the
# installed settings.cmake and inputs.txt with these destinations)
install(FILES "${PROJECT_SOURCE_DIR}/cmake/soc_model_recipe/CMakeLists.txt"
              "${IRQSIM_MODEL_RECIPE_DIR}-install/settings.cmake"
              "${IRQSIM_MODEL_RECIPE_DIR}-install/inputs.txt"
        DESTINATION ${IRQSIM_INSTALL_DATADIR}/model-recipe)
install(DIRECTORY "${IRQSIM_RTL_DIR}/" DESTINATION ${IRQSIM_INSTALL_DATADIR}/rtl
        FILES_MATCHING PATTERN "*.sv" PATTERN "*.svh" PATTERN "*.vlt" PATTERN "*.v" PATTERN "*.vh" PATTERN "*.dts")
install(FILES ${IRQSIM_RDL_SV_PACKAGES} DESTINATION ${IRQSIM_INSTALL_DATADIR}/rdl)   # generated from rtl/*/*.rdl
install(FILES "${PROJECT_SOURCE_DIR}/sim/tb_top.sv" "${PROJECT_SOURCE_DIR}/sim/soc_pins_plugin.cpp"
              "${PROJECT_SOURCE_DIR}/sim/soc_pins.h" "${PROJECT_SOURCE_DIR}/sim/soc_pins_adapter.h"
              "${PROJECT_SOURCE_DIR}/sim/model_params.h" ${IRQSIM_TRACE_VLT}
        DESTINATION ${IRQSIM_INSTALL_DATADIR}/sim)
install(FILES "${PROJECT_SOURCE_DIR}/cmake/IrqsimSocModels.cmake" DESTINATION ${IRQSIM_INSTALL_CMAKEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/topologies/" DESTINATION ${IRQSIM_INSTALL_DATADIR}/topologies
        FILES_MATCHING PATTERN "*.dts")
# the waveform views and their generator (irqsim run --wave, tb/scenarios/wave_views.h)
install(FILES "${PROJECT_SOURCE_DIR}/waves/spi.gtkw" "${PROJECT_SOURCE_DIR}/waves/ipi.gtkw"
              "${PROJECT_SOURCE_DIR}/waves/dma-ring.gtkw" DESTINATION ${IRQSIM_INSTALL_DATADIR}/waves)
install(PROGRAMS "${PROJECT_SOURCE_DIR}/waves/gen-views" DESTINATION ${IRQSIM_INSTALL_DATADIR}/waves)
# their wave labels, beside them (the views find them there; gen-views names them there)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/waves/labels" DESTINATION ${IRQSIM_INSTALL_DATADIR}/waves
        FILES_MATCHING PATTERN "*.txt")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/irqsimConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/irqsimConfig.cmake"
                              INSTALL_DESTINATION ${IRQSIM_INSTALL_CMAKEDIR}
                              PATH_VARS IRQSIM_INSTALL_DATADIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/irqsimConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/irqsimConfig.cmake" "${PROJECT_BINARY_DIR}/irqsimConfigVersion.cmake"
        DESTINATION ${IRQSIM_INSTALL_CMAKEDIR})
