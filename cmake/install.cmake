# `cmake --install`: the binary, the library and its public headers, a CMake
# package (find_package(mdrisk) -> mdrisk::mdrisk), the man page, the bash,
# zsh and fish completions and the licence. Included from the top-level
# CMakeLists after the targets exist; cmake/package.cmake turns the same
# install tree into a Debian package.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(mdrisk_lib PROPERTIES EXPORT_NAME mdrisk)
install(TARGETS mdrisk_lib EXPORT mdriskTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/mdrisk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  PATTERN "*.in" EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/lib/generated/mdrisk/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/mdrisk)
install(TARGETS mdrisk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# A static mdrisk links cmark-gfm, utf8proc, libgit2 (pkg-config imported
# targets), fmt and nlohmann_json privately; the exported target lists them as
# $<LINK_ONLY:...>, so mdriskConfig.cmake re-creates those targets with the
# same names before loading mdriskTargets.cmake.
set(MDRISK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/mdrisk)
install(EXPORT mdriskTargets NAMESPACE mdrisk:: DESTINATION ${MDRISK_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/mdriskConfig.cmake.in
  ${PROJECT_BINARY_DIR}/mdriskConfig.cmake INSTALL_DESTINATION ${MDRISK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mdriskConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/mdriskConfig.cmake ${PROJECT_BINARY_DIR}/mdriskConfigVersion.cmake
  DESTINATION ${MDRISK_CMAKE_DIR})

# Man pages are installed gzipped (Debian policy; man reads both). -n keeps
# the name and time stamp out of the archive, so the package is reproducible.
set(MDRISK_MAN_GZ ${PROJECT_BINARY_DIR}/mdrisk.1.gz)
add_custom_command(OUTPUT ${MDRISK_MAN_GZ}
  COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/docs/mdrisk.1 > ${MDRISK_MAN_GZ}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/mdrisk.1
  COMMENT "Compressing the man page")
add_custom_target(mdrisk_man ALL DEPENDS ${MDRISK_MAN_GZ})
install(FILES ${MDRISK_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Completions where each shell looks for packaged ones.
install(FILES ${PROJECT_SOURCE_DIR}/completions/mdrisk.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME mdrisk)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_mdrisk
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/mdrisk.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
