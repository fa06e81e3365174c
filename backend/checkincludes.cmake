# cmake -DFOLDER=<abs path> -DNAME=<folder> -DLINKS=<target,target,...> -P checkincludes.cmake
# Fails when a file of FOLDER includes what its layer may not:
# - a backend folder (NAME is the folder's name): a header of a backend folder, or of net/, that
#   its target does not link;
# - pg/ and net/ (NAME pg or net), below every engine: any project folder besides core/ and their
#   own (so nothing of backend/, ui/, etl/, loadgen/ or app/, and neither of the other), a Qt
#   module by path other than QtCore (pg/; net/ no Qt header at all), another library's headers
#   (hiredis, RapidJSON, http-parser, QCustomPlot; libpq in net/), and links to anything but
#   core/ and QtCore (plus libpq for pg/, the OS's sockets for net/). A Qt header by class name
#   (<QTcpSocket>) does not compile without its module linked, which the link rule refuses.
cmake_minimum_required(VERSION 3.24)
string(REPLACE "," ";" links "${LINKS}")
file(GLOB sources "${FOLDER}/*.h" "${FOLDER}/*.cpp")
set(problems "")

if(NAME STREQUAL "pg" OR NAME STREQUAL "net")
  set(project_folders app backend core etl loadgen net pg ui)
  set(foreign_headers "hiredis/" "rapidjson/" "http_parser\\.h" "qcustomplot\\.h")
  if(NAME STREQUAL "pg")
    set(allowed_links qaconsole_flags qaconsole_core Qt6::Core PkgConfig::PQ)
    set(allowed_qt "QtCore")
  else()
    set(allowed_links qaconsole_flags qaconsole_core ws2_32)
    set(allowed_qt "")
    list(APPEND foreign_headers "libpq-fe\\.h")
  endif()
  foreach(source IN LISTS sources)
    get_filename_component(file "${source}" NAME)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]*)[\">].*" "\\1" header
             "${line}")
      if(header MATCHES "^([a-z_]+)/" AND CMAKE_MATCH_1 IN_LIST project_folders
         AND NOT CMAKE_MATCH_1 STREQUAL "core" AND NOT CMAKE_MATCH_1 STREQUAL NAME)
        string(APPEND problems "\n  ${NAME}/${file} includes ${CMAKE_MATCH_1}/: "
                               "${NAME}/ may include only core/ and its own headers")
        continue()
      endif()
      if(NAME STREQUAL "net" AND header MATCHES "^Q")
        string(APPEND problems "\n  net/${file} includes <${header}>: "
                               "net/ uses no Qt beyond core/'s result type")
        continue()
      endif()
      if(header MATCHES "^(Qt[A-Za-z]+)/" AND NOT CMAKE_MATCH_1 IN_LIST allowed_qt)
        string(APPEND problems "\n  ${NAME}/${file} includes <${header}>: "
                               "${NAME}/ may not use ${CMAKE_MATCH_1}")
        continue()
      endif()
      foreach(foreign IN LISTS foreign_headers)
        if("${header}>" MATCHES "^${foreign}")
          string(APPEND problems "\n  ${NAME}/${file} includes <${header}>, "
                                 "a library ${NAME}/ may not use")
          break()
        endif()
      endforeach()
    endforeach()
  endforeach()
  foreach(link IN LISTS links)
    if(link AND NOT link IN_LIST allowed_links)
      string(APPEND problems "\n  qaconsole_${NAME} links ${link}; it may link only "
                             "${allowed_links}")
    endif()
  endforeach()
  if(problems)
    message(FATAL_ERROR "layering of ${NAME}/:${problems}\n"
                        "pg/ and net/ lie below every engine (docs/architecture.md): what they "
                        "need from above belongs down here, or the caller passes it in.")
  endif()
  return()
endif()

set(ALLOWED "")
foreach(link IN LISTS links)
  if(link MATCHES "^qaconsole_([a-z_]+)$")
    list(APPEND ALLOWED ${CMAKE_MATCH_1})
  endif()
endforeach()
foreach(source IN LISTS sources)
  file(STRINGS "${source}" includes
       REGEX "^[ \t]*#[ \t]*include[ \t]+\"(backend/[a-z_]+|net)/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE ".*\"(backend/[a-z_]+|net)/.*" "\\1" folder "${line}")
    string(REGEX REPLACE "^backend/" "" target "${folder}")
    if(NOT target STREQUAL NAME AND NOT target IN_LIST ALLOWED)
      get_filename_component(file "${source}" NAME)
      string(APPEND problems "\n  backend/${NAME}/${file} includes ${folder}/, "
                             "but qaconsole_${NAME} does not link qaconsole_${target}")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "backend layering:${problems}\n"
                      "The backend's folders depend one way only (backend/CMakeLists.txt); move "
                      "the shared code down a layer instead of linking upwards.")
endif()
