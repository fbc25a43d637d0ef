/*
 * nd_internal.h - every library-internal declaration, for the tests and for the run
 * (src/run/), which wires the stages together.  A stage's own files include only the
 * headers of what they use: nd_common.h, nd_read.h, nd_sketch.h, nd_match.h, nd_paths.h.
 */
#ifndef ND_INTERNAL_H
#define ND_INTERNAL_H

#include "nd_common.h"
#include "nd_read.h"
#include "nd_sketch.h"
#include "nd_match.h"
#include "nd_paths.h"

#endif /* ND_INTERNAL_H */
