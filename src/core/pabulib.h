/* pabulib.h: reading and writing Pabulib .pb files (pabulib.org) into
 * the model of pb.h.
 *
 * A .pb file is three ';'-separated CSV tables in one file (META,
 * PROJECTS, VOTES), each a title line, a header line and rows; see
 * ../shared/data/pabulib/FORMAT.md.  The reader is lenient where real
 * files differ (CRLF or LF, a BOM or none, cells with spaces around them,
 * the placeholder None, a project listed twice in one vote, counts in
 * META that disagree with the file: these give warnings in pb->warnings)
 * and strict where the data would be wrong: anything else is refused
 * with "FILE:LINE: what is wrong; expected what", and nothing is read. */
#ifndef BL_CORE_PABULIB_H
#define BL_CORE_PABULIB_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "core/pb.h"

/* The largest .pb file read (the largest on Pabulib is about 60 MB). */
#define BL_PB_MAX_BYTES ((size_t)1 << 30)

/* Read the bytes data[0..len) of a file called name (shown in messages).
 * On success *out holds the election (free it with bl_pb_free); on
 * failure *out is empty (zeroed) and err says what and where. */
int bl_pb_read(const char *name, const char *data, size_t len, bl_pb *out, bl_err *err);
int bl_pb_read_file(const char *path, bl_pb *out, bl_err *err);

/* Write pb as a .pb file (LF line ends, no BOM, fields quoted as CSV
 * wants).  META is written in its order, with budget, vote_type,
 * num_projects and num_votes taken from the model (added if missing).
 * Reading what was written gives the same model.  -1 on a write error. */
int bl_pb_write(FILE *f, const bl_pb *pb, bl_err *err);

/* The vote_type name as Pabulib writes it ("approval", "choose-1", ...),
 * and back (-1 if unknown; case-insensitive). */
const char *bl_pb_vote_type_name(bl_vote_type t);
int bl_pb_vote_type_from_name(const char *s, bl_vote_type *out);

/* An amount in hundredths, exactly: "1000000", "921012.06", "50000.0",
 * "1,5" (a decimal comma, as pabutools accepts).  -1 if it is not such a
 * number, is negative, has more than two non-zero decimals, or does not
 * fit in int64. */
int bl_pb_parse_amount(const char *s, int64_t *out);
/* Hundredths as the shortest exact decimal: "1000000", "921012.06",
 * "12.5"; buf of at least 32 bytes. */
const char *bl_pb_format_amount(int64_t v, char *buf, size_t sz);

#endif
