# Fails when DOCUMENT is not exactly what PROGRAM prints (regenerate: PROGRAM > DOCUMENT).
execute_process(COMMAND ${PROGRAM} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ ${DOCUMENT} doc)
if(NOT out STREQUAL doc)
  message(FATAL_ERROR "${DOCUMENT} is out of date: regenerate it with\n  ${PROGRAM} > ${DOCUMENT}")
endif()
