# cmake -DSOURCES=<file,file,...> -DNAME=<target> -P checkwidgetfree.cmake
# Fails when one of the files includes a QtGui or QtWidgets header by its module path.
cmake_minimum_required(VERSION 3.24)
string(REPLACE "," ";" sources "${SOURCES}")
set(problems "")
foreach(source IN LISTS sources)
  if(NOT source MATCHES "\\.(h|cpp)$" OR NOT EXISTS "${source}")
    continue() # CMake's own bookkeeping among the sources
  endif()
  file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+<Qt(Gui|Widgets)/")
  foreach(line IN LISTS includes)
    string(APPEND problems "\n  ${source}: ${line}")
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "${NAME} must stay widget-free (QtCore only):${problems}")
endif()
