# `cpack -G DEB`: a Debian package of the install tree (cmake/install.cmake)
# under /usr, named mdrisk_<version>_<arch>.deb. Release packages come from
# a Release build (README, "Debian package"); CPack strips the binary.
#
# Depends: dpkg-shlibdeps reads the binary's DT_NEEDED entries and names the
# Debian runtime packages that provide them (libcmark-gfm, libutf8proc,
# libfmt, libspdlog, libstdc++, ...). libgit2 is opened with dlopen (see
# lib/src/libgit2_loader.hpp), which shlibdeps cannot see, so the package
# that ships that soname on the build machine is added by hand.
# The static library and CMake package need the -dev packages to be used;
# those are Suggests, not Depends, so the tool alone installs lean.
if(NOT CMAKE_BUILD_TYPE STREQUAL "Release")
  message(STATUS "cpack: packaging a ${CMAKE_BUILD_TYPE} build; release packages use -DCMAKE_BUILD_TYPE=Release")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mdrisk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "The mdrisk developers <mdrisk@example.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # mdrisk_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/mdrisk/mdrisk")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 mdrisk checks Markdown risk trackers (a Summary Table and one detailed
 entry per row) against a schema, reports file:line:col findings with
 stable rule codes in text, JSON, SARIF and other CI formats, and rewrites
 a tracker into canonical form with minimal, verified edits.
 .
 The package also holds the static library libmdrisk with its headers and
 CMake package (find_package(mdrisk)), the man page and bash, zsh and fish
 completions.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(MDRISK_DEB_DEPENDS "")
find_program(MDRISK_DPKG_QUERY dpkg-query)
if(MDRISK_DPKG_QUERY AND LIBGIT2_VERSION)
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" _git2_mm "${LIBGIT2_VERSION}")
  execute_process(COMMAND ${MDRISK_DPKG_QUERY} -S "*/libgit2.so.${_git2_mm}"
    OUTPUT_VARIABLE _git2_owner ERROR_QUIET RESULT_VARIABLE _git2_rc)
  # "libgit2-1.5:amd64: /usr/lib/x86_64-linux-gnu/libgit2.so.1.5"
  if(_git2_rc EQUAL 0 AND _git2_owner MATCHES "^([a-z0-9.+-]+)(:[a-z0-9]+)?:")
    set(MDRISK_DEB_DEPENDS "${CMAKE_MATCH_1}")
  endif()
endif()
if(MDRISK_DEB_DEPENDS STREQUAL "")
  message(STATUS "cpack: no Debian package found for libgit2.so (dlopened); the .deb will not depend on it")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${MDRISK_DEB_DEPENDS}")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
  "libcmark-gfm-dev, libcmark-gfm-extensions-dev, libutf8proc-dev, libfmt-dev, nlohmann-json3-dev, libtomlplusplus-dev, pkg-config, cmake")

include(CPack)
