/* lab_store.h: citizen labs in the database: labs, their sessions,
 * pseudonymous participants, ideas and ballots (schema 3, schema.c).
 *
 * Every write is one transaction and is journalled.  Ballots are never
 * changed once counted: a correction voids the ballot and enters a new
 * one that replaces it.  The checks that need the process definition (a
 * ballot against its ballot type, a participant's categories) are the
 * caller's (core/lab.h); what is checked here is what the database
 * knows: that labs, sessions, ideas and participants exist, and that
 * numbers are unique. */
#ifndef BL_STORE_LAB_STORE_H
#define BL_STORE_LAB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/lab.h"
#include "core/money.h"
#include "core/pb.h"
#include "store/pillar_store.h"
#include "store/store.h"

typedef enum bl_lab_status { BL_LAB_OPEN, BL_LAB_VOTING, BL_LAB_CLOSED } bl_lab_status;
const char *bl_lab_status_name(bl_lab_status s); /* "open", "voting", "closed" */
int bl_lab_status_from_name(const char *name, bl_lab_status *out);

typedef struct bl_lab {
	int64_t id;          /* the lab's number, from 1 */
	char *theme;
	bl_money pool;       /* øre */
	bl_vote_type vote_type;
	char *ballot_type;   /* key of a ballot type of the process YAML, or NULL (imported) */
	char *area;          /* area path, or NULL */
	char *rule;          /* NULL: the process's default */
	char *tie_break;     /* NULL: the process's default */
	bl_lab_status status;
	/* Counts, filled by the list and get functions. */
	size_t n_sessions, n_participants, n_ideas, n_ballots, n_void;
} bl_lab;

void bl_lab_clear(bl_lab *l);
void bl_labs_free(bl_lab *labs, size_t n);

/* Add a lab; l->id 0 takes the next number (set in *id_out). */
int bl_store_lab_add(bl_store *s, const bl_lab *l, int64_t *id_out, bl_err *err);
/* Change theme, pool, ballot type, area, rule, tie_break and status. */
int bl_store_lab_update(bl_store *s, const bl_lab *l, bl_err *err);
int bl_store_lab_get(bl_store *s, int64_t id, bl_lab *out, bl_err *err);
int bl_store_labs(bl_store *s, bl_lab **out, size_t *n, bl_err *err);

typedef struct bl_session {
	int64_t id, lab_id;
	char date[11];       /* YYYY-MM-DD */
	char *place, *facilitator;
} bl_session;
void bl_sessions_free(bl_session *v, size_t n);
int bl_store_session_add(bl_store *s, const bl_session *v, int64_t *id_out, bl_err *err);
int bl_store_sessions(bl_store *s, int64_t lab_id, bl_session **out, size_t *n, bl_err *err);
/* Correct a session's date, place and facilitator (v->id, v->lab_id). */
int bl_store_session_update(bl_store *s, const bl_session *v, bl_err *err);
/* Remove a session added by mistake: refused once ballots or sign-ins
 * name it. */
int bl_store_session_delete(bl_store *s, int64_t lab_id, int64_t session_id, bl_err *err);

/* A participant: a number in the lab, the session they signed in at,
 * their category values (key=value pairs in the process YAML's keys),
 * and a name only when asked for (with_names). */
typedef struct bl_participant_cat {
	char *category, *value;
} bl_participant_cat;
typedef struct bl_participant {
	int64_t id, lab_id;
	int64_t number;      /* 0 on add: the next free number */
	int64_t session_id;  /* 0: none */
	char *name;          /* NULL unless given / asked for */
	bl_participant_cat *cats;
	size_t n_cats;
} bl_participant;
void bl_participant_clear(bl_participant *p);
void bl_participants_free(bl_participant *v, size_t n);
int bl_store_participant_add(bl_store *s, const bl_participant *p, int64_t *number_out,
			     bl_err *err);
/* Remove a participant signed in by mistake (refused once they have
 * cast a ballot). */
int bl_store_participant_delete(bl_store *s, int64_t lab_id, int64_t number, bl_err *err);
int bl_store_participants(bl_store *s, int64_t lab_id, bool with_names,
			  bl_participant **out, size_t *n, bl_err *err);
/* For the representation screen: counts[value index] of the lab's
 * participants per value of category c, and *total (all participants). */
int bl_store_participant_counts(bl_store *s, int64_t lab_id, const bl_category *c,
				size_t *counts, size_t *total, bl_err *err);

typedef enum bl_idea_status {
	BL_IDEA_PROPOSED, BL_IDEA_COSTED, BL_IDEA_FEASIBLE, BL_IDEA_ON_BALLOT, BL_IDEA_WITHDRAWN
} bl_idea_status;
const char *bl_idea_status_name(bl_idea_status s); /* "proposed", ..., "on_ballot", "withdrawn" */
int bl_idea_status_from_name(const char *name, bl_idea_status *out);

/* BL_PILLAR_SOCIAL .. are in store/pillar_store.h.
 * "social", "economic", "environmental". */
const char *bl_pillar_name(int pillar);

typedef struct bl_idea {
	int64_t id, lab_id;
	int64_t number;      /* 0 on add: the next free number */
	char *title, *description, *proposer, *area, *feasibility; /* all but title may be NULL */
	bl_idea_status status;
	bl_money cost[BL_MAX_YEARS]; /* per year of the process, from the budget year */
	bool has_cost[BL_MAX_YEARS];
	/* The three pillars of sustainability, BL_PILLAR_*: -2 (clearly
	 * harmful) .. +2 (clearly good), where has_pillar says assessed. */
	int pillar[3];
	bool has_pillar[3];
	int64_t *goals;      /* ids of the goals it serves (malloc'd), n_goals of them */
	size_t n_goals;
	char *pb_id;         /* project id of the Pabulib file it came from, or NULL */
	char *pb_extra;      /* JSON array of [column, value], or NULL */
	size_t votes;        /* filled by bl_store_ideas: marks on counted ballots */
} bl_idea;
void bl_idea_clear(bl_idea *i);
void bl_ideas_free(bl_idea *v, size_t n);
/* The idea's total cost; -1 with err if it overflows. */
int bl_idea_total(const bl_idea *i, bl_money *out, bl_err *err);
int bl_store_idea_add(bl_store *s, const bl_idea *i, int64_t *number_out, bl_err *err);
/* Replace every field of the idea (lab_id, number) with i's, its goals
 * included (each must exist). */
int bl_store_idea_update(bl_store *s, const bl_idea *i, bl_err *err);
/* Ideas of a lab in number order. */
int bl_store_ideas(bl_store *s, int64_t lab_id, bl_idea **out, size_t *n, bl_err *err);
int bl_store_idea_get(bl_store *s, int64_t lab_id, int64_t number, bl_idea *out, bl_err *err);

typedef enum bl_ballot_method { BL_CAST_PAPER, BL_CAST_LAPTOP, BL_CAST_FILE } bl_ballot_method;
const char *bl_ballot_method_name(bl_ballot_method m); /* "paper", "laptop", "file" */
int bl_ballot_method_from_name(const char *name, bl_ballot_method *out);

typedef struct bl_ballot {
	int64_t id, lab_id;
	int64_t session_id;      /* 0: none */
	int64_t participant;     /* participant number, 0: anonymous */
	bl_ballot_method method;
	char *voter;             /* Pabulib voter id, or NULL */
	char *entered_at, *actor;
	int64_t replaces;        /* 0, or the ballot this one corrects */
	char *void_reason;       /* NULL: counted */
	bl_ballot_mark *marks;   /* idea numbers and points, in order */
	size_t n_marks;
	char *pb_extra;
} bl_ballot;
void bl_ballot_clear(bl_ballot *b);
void bl_ballots_free(bl_ballot *v, size_t n);
/* Enter a ballot (the caller has checked it, core/lab.h).  The marks
 * name ideas by number; each must exist in the lab. */
int bl_store_ballot_add(bl_store *s, const bl_ballot *b, int64_t *id_out, bl_err *err);
/* Void a counted ballot, with a reason. */
int bl_store_ballot_void(bl_store *s, int64_t lab_id, int64_t ballot_id, const char *reason,
			 bl_err *err);
/* Void ballot_id and enter b in its place, in one transaction. */
int bl_store_ballot_correct(bl_store *s, int64_t ballot_id, const bl_ballot *b,
			    const char *reason, int64_t *id_out, bl_err *err);
/* The lab's last counted ballot (in session_id if non-zero) is voided
 * with the reason "undone"; *id_out gets its id.  Refused if there is none. */
int bl_store_ballot_undo(bl_store *s, int64_t lab_id, int64_t session_id, int64_t *id_out,
			 bl_err *err);
/* The same; when the ballot undone was a correction, the ballot it
 * corrected is counted again as it was, as a new ballot (*restored_out
 * its id, else 0), so that undoing never loses a paper ballot. */
int bl_store_ballot_undo_ex(bl_store *s, int64_t lab_id, int64_t session_id, int64_t *id_out,
			    int64_t *restored_out, bl_err *err);
/* Ballots of a lab in entry order; void ones too if with_void. */
int bl_store_ballots(bl_store *s, int64_t lab_id, bool with_void, bl_ballot **out, size_t *n,
		     bl_err *err);

/* The lab as an election for the winner rules (rules.h): the ideas on
 * the ballot as projects (id: pb_id, or the number), costs totalled over
 * the years, the counted ballots as votes (marks for ideas no longer on
 * the ballot are left out), the pool as budget, and, for a lab that came
 * from a Pabulib file, its META and other columns.  idea_numbers
 * (malloc'd, may be NULL) maps each project index to its idea number. */
int bl_store_lab_election(bl_store *s, int64_t lab_id, bl_pb *out, int64_t **idea_numbers,
			  bl_err *err);

/* A Pabulib election as a new lab, all in one transaction with one
 * journal entry for the ballots: projects become ideas on the ballot,
 * numbered in file order (each cost in the budget year), votes become ballots
 * cast "file" with their voter ids, META and other columns kept for the
 * export; the lab's rule is the file's (greedy, equalshares,
 * equalshares/add1: greedy_cost, mes_cost_greedy, mes_cost_add1_greedy),
 * its tie-break pabutools' (id).  theme NULL: the META description, else its name. */
int bl_store_lab_import_pb(bl_store *s, const bl_pb *pb, const char *theme,
			   const char *source, int64_t *lab_id, bl_err *err);

/* ---- entry, checked against the process definition ---- */

/* The vote type a ballot type's ballots are (ranking: ordinal). */
bl_vote_type bl_ballot_kind_vote_type(bl_ballot_kind k);

/* Enter one ballot as a facilitator types it ("3 7 12", "3:2 7:5"):
 * parsed and checked against the lab's ballot type in def and its ideas
 * (core/lab.h), then stored, in one transaction.  Refused, with the
 * reason, if invalid or if the lab is closed or has no ballot type. */
int bl_store_ballot_enter(bl_store *s, const bl_lab_def *def, int64_t lab_id,
			  const char *text, int64_t session_id, int64_t participant,
			  bl_ballot_method method, int64_t *id_out, bl_err *err);
/* The same for a correction of ballot_id (void it, enter text). */
int bl_store_ballot_reenter(bl_store *s, const bl_lab_def *def, int64_t lab_id,
			    int64_t ballot_id, const char *text, const char *reason,
			    int64_t *id_out, bl_err *err);
/* Sign a participant in: p's categories checked against def (known
 * category and value keys, required categories given). */
int bl_store_participant_signin(bl_store *s, const bl_lab_def *def, const bl_participant *p,
				int64_t *number_out, bl_err *err);

#endif
