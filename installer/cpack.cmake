# Packaging: `cpack` in the build folder makes a .tar.gz everywhere and a .deb on Debian and
# Ubuntu (scripts/package does both and checks them). What goes where: install.cmake.
# lintian reports no error and no warning; the informational tags left (hardening flags the
# project's build does not use, the .comment section plain strip keeps) and why: README.md.
include(${CMAKE_CURRENT_LIST_DIR}/install.cmake)

set(CPACK_PACKAGE_NAME qaconsole)
set(CPACK_PACKAGE_VENDOR "qaconsole")
# No public address exists yet: .invalid says so, and the form is what dpkg and lintian want.
set(CPACK_PACKAGE_CONTACT "qaconsole maintainers <maintainers@qaconsole.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "console for a Q&A API backend: PostgreSQL, Redis, ETL, cache, load tests")
set(CPACK_PACKAGE_DESCRIPTION_FILE "${CMAKE_CURRENT_LIST_DIR}/description.txt")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR TGZ)
set(CPACK_SOURCE_GENERATOR "")

if(EXISTS /etc/debian_version)
  list(APPEND CPACK_GENERATOR DEB)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION devel)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
  # The libraries it links come from dpkg-shlibdeps. What it loads at run time without linking
  # has to be named here: the SVG image and icon-engine plugins (every icon of the window is an
  # SVG; Debian ships both plugins in libqt6svg6). The X11 platform plugin is in libqt6gui6,
  # which shlibdeps already lists.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
  # Recommends, not Depends: the embedded default runs its own PostgreSQL and Redis from these
  # packages' programs, but with --dsn and --redis (or in settings) the console uses existing
  # servers on other machines and needs neither.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql, redis-server")
  # Suggests: nothing in the console starts nginx yet (`serve` instances are meant to be scaled
  # out behind one); the clients are for the README's scripts around `stack status --json`;
  # qt6-wayland lets the window run natively on Wayland instead of through XWayland.
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx-light | nginx, postgresql-client, redis-tools, qt6-wayland")
endif()
include(CPack)
