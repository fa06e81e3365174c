#pragma once

#include <cstdio>
#include <cstdlib>

// A property a harness checks beyond "no crash": when it breaks, the input is a finding, so the
// harness aborts and libFuzzer saves the input as a crash artefact.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
