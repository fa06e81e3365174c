# Keeps a library widget-free (QtCore only): configuring fails when anything it links, directly
# or through another target, brings in Qt's GUI or widget modules; building it fails when one of
# its files includes a QtGui or QtWidgets header by module path (<QtWidgets/QLabel>), the one
# way such a header could still be found without those modules linked. A plain <QLabel> does not
# compile there in the first place: the modules' include folders are not on its path.

function(_qaconsole_link_closure target out)
  set(seen "")
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue current)
    if(NOT TARGET ${current})
      continue()
    endif()
    get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
    set(links "")
    if(interface)
      list(APPEND links ${interface})
    endif()
    if(current STREQUAL target)
      get_target_property(own ${current} LINK_LIBRARIES)
      if(own)
        list(APPEND links ${own})
      endif()
    endif()
    foreach(link IN LISTS links)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
      if(link MATCHES "^\\$<" OR link IN_LIST seen)
        continue()
      endif()
      list(APPEND seen ${link})
      list(APPEND queue ${link})
    endforeach()
  endwhile()
  set(${out} "${seen}" PARENT_SCOPE)
endfunction()

function(qaconsole_check_widget_free target)
  _qaconsole_link_closure(${target} closure)
  foreach(module Qt6::Gui Qt6::Widgets Qt::Gui Qt::Widgets)
    if(module IN_LIST closure)
      message(FATAL_ERROR "${target} must stay widget-free (QtCore only), but its links reach "
                          "${module}. Keep widgets in qaconsole_ui.")
    endif()
  endforeach()
  add_custom_command(TARGET ${target} PRE_LINK
    COMMAND ${CMAKE_COMMAND} "-DSOURCES=$<JOIN:$<TARGET_PROPERTY:${target},SOURCES>,,>"
            -DNAME=${target} -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/checkwidgetfree.cmake
    VERBATIM)
endfunction()
