# What `cmake --install` (and so CPack) puts where, and the files made at build time for it:
# the man page and bash completion (written by the program itself from the command lines that
# answer --help), the icon in the usual sizes (rendered from the SVG), the AppStream metadata
# and Debian's changelog. Nothing generated is committed.
include(GNUInstallDirs)

set(QACONSOLE_GENERATED "${PROJECT_BINARY_DIR}/installer")
set(QACONSOLE_RESOURCES "${PROJECT_SOURCE_DIR}/resources")
file(MAKE_DIRECTORY "${QACONSOLE_GENERATED}")
# Folders the install creates: 0755 whatever the umask of the one who builds.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS qaconsole RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES "${QACONSOLE_RESOURCES}/qaconsole.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${QACONSOLE_RESOURCES}/icons/qaconsole.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
configure_file("${QACONSOLE_RESOURCES}/qaconsole.metainfo.xml"
               "${QACONSOLE_GENERATED}/qaconsole.metainfo.xml" @ONLY)
install(FILES "${QACONSOLE_GENERATED}/qaconsole.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
# The cache presets and load test scenarios, as files to apply, open or start from.
install(DIRECTORY "${QACONSOLE_RESOURCES}/policies" "${QACONSOLE_RESOURCES}/scenarios"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/qaconsole" FILES_MATCHING PATTERN "*.json")

# The user documentation the help and the man page point to.
# The user guide comes with its screenshots, so its pictures show in the installed copy too.
foreach(doc user-guide reference api-contract dataset cache-policy loadtest load-testing-practice
            settings)
  install(FILES "${PROJECT_SOURCE_DIR}/docs/${doc}.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
endforeach()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/images" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        FILES_MATCHING PATTERN "*.png")

# The PNG sizes desktops look for before they fall back to the SVG.
set(QACONSOLE_ICON_SIZES 16 22 24 32 48 64 128 256)
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
  set(icons)
  foreach(size IN LISTS QACONSOLE_ICON_SIZES)
    set(png "${QACONSOLE_GENERATED}/icons/${size}x${size}/qaconsole.png")
    add_custom_command(OUTPUT "${png}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${QACONSOLE_GENERATED}/icons/${size}x${size}"
      COMMAND "${RSVG_CONVERT}" --width=${size} --height=${size} --keep-aspect-ratio
              --output=${png} "${QACONSOLE_RESOURCES}/icons/qaconsole.svg"
      DEPENDS "${QACONSOLE_RESOURCES}/icons/qaconsole.svg"
      COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
    list(APPEND icons "${png}")
    install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
  endforeach()
  add_custom_target(qaconsole_icons ALL DEPENDS ${icons})
else()
  message(STATUS "rsvg-convert not found (Debian: librsvg2-bin): only the SVG icon is installed")
endif()

# The man page and completion come from running the program, so not when it is built for
# another machine, nor on Windows where neither is used.
find_program(GZIP gzip)
if(UNIX AND NOT CMAKE_CROSSCOMPILING AND GZIP)
  set(man "${QACONSOLE_GENERATED}/qaconsole.1")
  set(completion "${QACONSOLE_GENERATED}/qaconsole.bash")
  add_custom_command(OUTPUT "${man}" "${completion}"
    COMMAND "${CMAKE_COMMAND}" -DPROGRAM=$<TARGET_FILE:qaconsole> -DMAN=${man}
            -DCOMPLETION=${completion} -P "${CMAKE_CURRENT_LIST_DIR}/writedocs.cmake"
    DEPENDS qaconsole "${CMAKE_CURRENT_LIST_DIR}/writedocs.cmake"
    COMMENT "Writing the man page and bash completion from qaconsole's command lines" VERBATIM)
  # The package's changelog, in Debian's format; an entry is written by hand for each release.
  # The package is native (no Debian revision), so it is changelog.gz, not changelog.Debian.gz.
  configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in"
                 "${QACONSOLE_GENERATED}/changelog" @ONLY)
  set(compressed)
  foreach(file IN ITEMS "${man}" "${QACONSOLE_GENERATED}/changelog")
    add_custom_command(OUTPUT "${file}.gz"
      COMMAND "${CMAKE_COMMAND}" -DGZIP=${GZIP} -DIN=${file} -DOUT=${file}.gz
              -P "${CMAKE_CURRENT_LIST_DIR}/gzip.cmake"
      DEPENDS "${file}" "${CMAKE_CURRENT_LIST_DIR}/gzip.cmake" VERBATIM)
    list(APPEND compressed "${file}.gz")
  endforeach()
  add_custom_target(qaconsole_docs ALL DEPENDS ${compressed} "${completion}")

  install(FILES "${man}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
  install(FILES "${completion}" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
          RENAME qaconsole)
  install(FILES "${QACONSOLE_GENERATED}/changelog.gz" "${CMAKE_CURRENT_LIST_DIR}/debian/copyright"
          DESTINATION "${CMAKE_INSTALL_DOCDIR}")
endif()
