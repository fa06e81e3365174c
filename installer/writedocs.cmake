# Runs at build time (cmake -P): asks the freshly built program for its man page and bash
# completion, which it writes from the same command lines that answer --help.
#   -DPROGRAM=<qaconsole> -DMAN=<qaconsole.1> -DCOMPLETION=<qaconsole.bash>
# No display and no service is needed: these commands only print.
set(ENV{QT_QPA_PLATFORM} offscreen)
foreach(document IN ITEMS MAN COMPLETION)
  if(document STREQUAL MAN)
    set(arguments help-man)
  else()
    set(arguments help-completion bash)
  endif()
  execute_process(COMMAND "${PROGRAM}" ${arguments} OUTPUT_FILE "${${document}}.tmp"
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${arguments} failed: ${result}")
  endif()
  file(RENAME "${${document}}.tmp" "${${document}}")
endforeach()
