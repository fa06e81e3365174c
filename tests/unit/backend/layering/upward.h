// Fixture of the layering check, never compiled: a file of a folder linked only to http that
// includes a header of backend/stack and one of net/, which the check must refuse.
#pragma once

#include "backend/http/httpserver.h"
#include "backend/stack/localstack.h"
#include "net/tcpsocket.h"
