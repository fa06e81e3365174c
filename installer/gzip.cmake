# Runs at build time (cmake -P): IN compressed into OUT the way Debian wants it, with the best
# compression and no name or time stamp (so the same input gives the same bytes).
#   -DGZIP=<gzip> -DIN=<file> -DOUT=<file.gz>
execute_process(COMMAND "${GZIP}" -9 -n -c "${IN}" OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "gzip ${IN} failed: ${result}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
