# Runs one fuzz harness for its CTest entry: its seed corpus first, then the mutations. New
# inputs go to a scratch corpus in the build tree (libFuzzer writes into the first folder it is
# given), never into the repository's seeds; a finding is saved beside it and fails the test.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/findings")
execute_process(
  COMMAND "${HARNESS}" ${OPTIONS} "-artifact_prefix=${WORK}/findings/" "${WORK}/corpus" "${SEEDS}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${HARNESS} found a problem (exit ${result}): the input is in ${WORK}/findings")
endif()
