set(QACONSOLE_LAYERING_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/checkincludes.cmake)

# Keeps the backend's folders layered: a folder may include only its own headers and those of
# the folders its target links directly, and the links may not form a cycle. pg/ and net/, below
# them all, include this file too: they may include only core/ (qaconsole_layer).
# The link graph is checked when CMake configures; a folder's includes each time its library is
# archived, so an include that goes the wrong way fails the build rather than slipping in.

# The backend folders `folder` links, directly or through another backend folder; fails on a
# cycle.
function(_qaconsole_backend_deps folder folders out)
  set(seen "")
  set(queue ${folder})
  while(queue)
    list(POP_FRONT queue current)
    get_target_property(links qaconsole_${current} LINK_LIBRARIES)
    if(NOT links)
      continue()
    endif()
    foreach(link IN LISTS links)
      string(REGEX REPLACE "^qaconsole_" "" dep "${link}")
      if(dep STREQUAL link OR NOT dep IN_LIST folders)
        continue()
      endif()
      if(dep STREQUAL folder)
        message(FATAL_ERROR "backend: qaconsole_${folder} links itself through qaconsole_${current}; "
                            "the backend's folders must link one way only")
      endif()
      if(NOT dep IN_LIST seen)
        list(APPEND seen ${dep})
        list(APPEND queue ${dep})
      endif()
    endforeach()
  endwhile()
  set(${out} "${seen}" PARENT_SCOPE)
endfunction()

# Fails configuring when the backend folders' links form a cycle.
function(qaconsole_check_backend_cycles folders)
  foreach(folder IN LISTS folders)
    _qaconsole_backend_deps(${folder} "${folders}" deps)
  endforeach()
endfunction()

# Checks the includes of library qaconsole_<folder> (made from the current source folder) against
# its layer's rules (checkincludes.cmake) whenever the library is archived: a backend folder may
# include the folders its target links directly; pg/ and net/ only core/.
function(qaconsole_layer folder)
  add_custom_command(TARGET qaconsole_${folder} PRE_LINK
    COMMAND ${CMAKE_COMMAND} -DFOLDER=${CMAKE_CURRENT_SOURCE_DIR} -DNAME=${folder}
            "-DLINKS=$<JOIN:$<TARGET_PROPERTY:qaconsole_${folder},LINK_LIBRARIES>,,>"
            -P ${QACONSOLE_LAYERING_SCRIPT}
    VERBATIM)
endfunction()

# Called by each backend folder's CMakeLists.txt after its add_library(qaconsole_<folder>).
function(qaconsole_backend_layer folder)
  qaconsole_layer(${folder})
endfunction()
