# cmake -DDIR=<a verilated model's directory> -P CheckPerPeCode.cmake  (ctest: rtl.per_pe_code_shared)
# Fails when the model has per-instance code for gic_redist / gic_cpuif. Verilator 5.006
# names each generated function after the instance (scope) it was made for and merges
# identical ones into the first; with one copy of the per-PE code (rtl/gic/README.md)
# at most two instances keep functions of their own: the first and the coprocessor's
# (its lines are wired differently). A new per-PE parameter, a function call or an
# input connected per PE but missing in rtl/gic/gic_per_pe.vlt gives every PE its own
# copy again, which only costs speed: nothing else would notice.
if(NOT IS_DIRECTORY "${DIR}")
  message(FATAL_ERROR "CheckPerPeCode: no model directory ${DIR}")
endif()
file(GLOB _srcs "${DIR}/*.cpp")
set(_scopes)
foreach(f ${_srcs})
  file(STRINGS "${f}" _defs REGEX "^[A-Za-z_ ]*void [A-Za-z0-9_]*_gic_(redist|cpuif)__[A-Za-z0-9_]*\\(.*\\{$")
  foreach(d ${_defs})
    string(REGEX MATCH "g_pe__BRA__[0-9]+__KET____DOT__u_[a-z]+" _s "${d}")
    if(_s)
      list(APPEND _scopes "${_s}")
    endif()
  endforeach()
endforeach()
if(NOT _scopes)
  message(FATAL_ERROR "CheckPerPeCode: no out-of-line gic_redist/gic_cpuif functions in ${DIR} "
                      "(rtl/gic/gic_per_pe.vlt not given to Verilator, or Verilator names them differently)")
endif()
list(REMOVE_DUPLICATES _scopes)
list(SORT _scopes)
string(REGEX REPLACE "g_pe__BRA__([0-9]+)__KET____DOT__" "g_pe[\\1]." _names "${_scopes}")
foreach(u u_rd u_cpuif)
  set(_of ${_scopes})
  list(FILTER _of INCLUDE REGEX "__DOT__${u}$")
  list(LENGTH _of _n)
  if(_n GREATER 2)
    message(FATAL_ERROR "CheckPerPeCode: ${_n} ${u} instances have code of their own (expected at most 2): ${_names}")
  endif()
endforeach()
message(STATUS "per-PE code shared: instances with code of their own: ${_names}")
