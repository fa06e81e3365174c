# Packaging: `cpack` in the build folder makes a .tar.gz everywhere and a .deb on Debian.
install(TARGETS qaconsole RUNTIME DESTINATION bin)
install(FILES "${PROJECT_SOURCE_DIR}/resources/qaconsole.desktop" DESTINATION share/applications)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/qaconsole.svg"
        DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME qaconsole)
set(CPACK_PACKAGE_VENDOR "qaconsole")
set(CPACK_PACKAGE_CONTACT "qaconsole maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR TGZ)
if(EXISTS /etc/debian_version)
  list(APPEND CPACK_GENERATOR DEB)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql, redis-server, nginx")
endif()
include(CPack)
