#pragma once
// Everything a program that uses mdrisk needs, in one include: read a file
// (io), lint it (linter, with a config), fix it (fix), report (output), and
// walk folders for trackers (discover). The single headers stay usable on
// their own.
#include "mdrisk/baseline.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/diagnostic.hpp"
#include "mdrisk/diff.hpp"
#include "mdrisk/discover.hpp"
#include "mdrisk/error.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/report.hpp"
#include "mdrisk/rule_info.hpp"
#include "mdrisk/schema.hpp"
#include "mdrisk/scoring.hpp"
#include "mdrisk/source.hpp"
#include "mdrisk/tracker.hpp"
#include "mdrisk/version.hpp"
