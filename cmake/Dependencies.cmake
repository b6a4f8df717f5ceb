# Every dependency comes from Debian 12 packages (tools/install-deps installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 QUIET)

# Debian builds cpp-httplib as a shared library with OpenSSL, zlib and brotli support; the
# compile definitions from pkg-config must match or the ABI differs and it crashes.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(YAMLCPP REQUIRED IMPORTED_TARGET yaml-cpp)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# Tar streams for the Docker Engine API's archive endpoint (the executor's copy mode).
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
pkg_check_modules(PUGIXML QUIET IMPORTED_TARGET pugixml)
if(NOT PUGIXML_FOUND)
  find_package(pugixml REQUIRED)
  add_library(PkgConfig::PUGIXML ALIAS pugixml::pugixml)
endif()
