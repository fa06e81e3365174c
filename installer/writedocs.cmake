# Runs at build time (cmake -P): asks the freshly built program for its man page and bash
# completion, which it writes from the same command lines that answer --help.
#   -DPROGRAM=<qaconsole> -DMAN=<qaconsole.1> -DCOMPLETION=<qaconsole.bash>
# No display and no service is needed: these commands only print.
set(ENV{QT_QPA_PLATFORM} offscreen)

function(write_document file)
  execute_process(COMMAND "${PROGRAM}" ${ARGN} OUTPUT_FILE "${file}.tmp" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${ARGN} failed: ${result}")
  endif()
  file(RENAME "${file}.tmp" "${file}")
endfunction()

write_document("${MAN}" help-man)
write_document("${COMPLETION}" help-completion bash)
