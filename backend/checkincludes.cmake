# cmake -DFOLDER=<abs path> -DNAME=<folder> -DLINKS=<target,target,...> -P checkincludes.cmake
# Fails when a file of backend/<NAME> includes a header of a backend folder, or of net/, that its
# target does not link.
cmake_minimum_required(VERSION 3.24)
string(REPLACE "," ";" links "${LINKS}")
set(ALLOWED "")
foreach(link IN LISTS links)
  if(link MATCHES "^qaconsole_([a-z_]+)$")
    list(APPEND ALLOWED ${CMAKE_MATCH_1})
  endif()
endforeach()
file(GLOB sources "${FOLDER}/*.h" "${FOLDER}/*.cpp")
set(problems "")
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
