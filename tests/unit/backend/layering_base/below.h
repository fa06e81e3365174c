// Fixture of the layering check, never compiled: a file that pg/ or net/ may not hold. It reaches
// up into every engine, across to the other base library, into a Qt module besides QtCore and
// into another library's headers; the check must name each.
#pragma once

#include "backend/stack/localstack.h"
#include "core/result.h"
#include "etl/etlresult.h"
#include "loadgen/scenario.h"
#include "net/address.h"
#include "pg/connection.h"
#include "ui/shell/tone.h"

#include <QString>
#include <QtNetwork/QTcpSocket>

#include <hiredis/hiredis.h>
#include <string>
