# One warnings target every pipemu library and executable links to.
add_library(pipemu_warnings INTERFACE)
target_compile_options(pipemu_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       -Wnon-virtual-dtor -Wno-missing-field-initializers)
# GCC 12 reports false positives inside libstdc++'s inlined std::string code at -O2
# (GCC bugs 105329, 105651): keep them from failing -Werror builds.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(pipemu_warnings INTERFACE -Wno-array-bounds -Wno-stringop-overflow
                         -Wno-stringop-overread -Wno-restrict)
endif()
if(PIPEMU_WERROR)
  target_compile_options(pipemu_warnings INTERFACE -Werror)
endif()

# The headers nearly every translation unit parses; precompiling them roughly halves a clean
# build on the 2-core machines CI runs on.
function(pipemu_precompile target)
  target_precompile_headers(${target} PRIVATE <string> <vector> <map> <memory> <functional>
                            <optional> <nlohmann/json.hpp> <fmt/format.h>)
endfunction()

# pipemu_library(NAME DEPS...): a static library of every .cpp under the calling folder
# (recursively), so adding a file needs no CMake edit. An empty folder gives an INTERFACE target.
function(pipemu_library name)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER srcs EXCLUDE REGEX "/main\\.cpp$")
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/emulator ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARGN} PRIVATE pipemu_warnings)
    pipemu_precompile(${name})
  else()
    add_library(${name} INTERFACE)
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()
