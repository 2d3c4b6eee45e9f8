/* import_export.h: the budget back into an import profile's shape.
 *
 * `budgetlab export --profile NAME` writes the columns the profile reads,
 * so that import -> export -> import gives the same budget to the øre:
 * the areas' codes and names into their columns, the direction as the
 * profile's first income or expense word, the amounts signed as the file
 * signs them, and the line's code split back into the columns its
 * template joins.  A code template may name at most one column that is
 * not known otherwise (from the areas or the direction): that column gets
 * what is left of the code when the template's other parts are taken
 * off.  Lines whose code does not fit the template (typed by hand) get
 * their whole code in that column, and are counted. */
#ifndef BL_CORE_IMPORT_EXPORT_H
#define BL_CORE_IMPORT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/import.h"

typedef struct bl_export_shape {
	const bl_import_profile *p;
	char **col;          /* the header, in order */
	size_t n;
	int first_year, n_years;
	int amount_col[BL_MAX_YEARS]; /* column of each year (wide), or -1 */
	int amount_one;      /* long format: the amount column, else -1 */
	int year_col;        /* long format: the year column, else -1 */
} bl_export_shape;

/* The header for the profile and the process's years.  Refused: a code
 * or title template with two columns that nothing else fills in. */
int bl_export_shape_make(const bl_import_profile *p, int first_year, int n_years,
			 bl_export_shape *out, bl_err *err);
void bl_export_shape_free(bl_export_shape *sh);

/* One line, as the export writes it. */
typedef struct bl_export_line {
	const char *const *area_code; /* from the top level down */
	const char *const *area_name;
	size_t depth;
	const char *code, *title;
	bl_direction dir;
} bl_export_line;

/* The fields of the line's row (without amounts: those columns are left
 * NULL) into out[0..sh->n), malloc'd strings (NULL for empty); *fits is
 * false if the code or title did not fit its template. */
int bl_export_fields(const bl_export_shape *sh, const bl_export_line *l, char **out,
		     bool *fits);
/* The amount as the file writes it: the stored amount, negated for
 * income when the profile's signs are income_negative. */
bl_money bl_export_file_amount(const bl_export_shape *sh, bl_direction dir, bl_money stored);
/* "1362250", "-1362250,50" (decimal comma) or "-1362250.50": no digit
 * groups (a spreadsheet reads it as a number in any locale that has the
 * decimal separator), decimals only when there are øre. */
void bl_export_amount(bl_money v, bool decimal_point, char *buf, size_t sz);

#endif
