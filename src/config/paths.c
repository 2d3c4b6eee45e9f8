/* paths.c: where budgetlab finds its data.
 *
 * Per-user directories follow the XDG Base Directory specification: a
 * variable counts only if it holds an absolute path ("If an implementation
 * encounters a relative path in any of these variables it should consider
 * the path invalid and ignore it").  Shipped files are looked up in a fixed
 * order so that a build tree finds its own files before installed ones. */
#include "config.h"
#include "config/paths.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Join dir (without trailing slashes) and rel into buf.  -1 if it does
 * not fit. */
static int join_path(char *buf, size_t bufsz, const char *dir, const char *sep,
		     const char *rel)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		n = 0; /* "/" + "/x" must not become "//x" */
	int w = snprintf(buf, bufsz, "%.*s%s%s", (int)n, dir, sep, rel);
	if (w < 0 || (size_t)w >= bufsz) {
		if (bufsz)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

static bool absolute(const char *s)
{
	return s && s[0] == '/';
}

static int xdg_home(const char *var, const char *fallback, char *buf, size_t bufsz)
{
	if (!buf || bufsz == 0)
		return -1;
	buf[0] = '\0';
	const char *v = getenv(var);
	if (absolute(v))
		return join_path(buf, bufsz, v, "/", "budgetlab");
	const char *home = getenv("HOME");
	if (!absolute(home))
		return -1;
	char base[4096];
	if (join_path(base, sizeof base, home, "/", fallback) != 0)
		return -1;
	return join_path(buf, bufsz, base, "/", "budgetlab");
}

int bl_path_data_home(char *buf, size_t bufsz)
{
	return xdg_home("XDG_DATA_HOME", ".local/share", buf, bufsz);
}

int bl_path_config_home(char *buf, size_t bufsz)
{
	return xdg_home("XDG_CONFIG_HOME", ".config", buf, bufsz);
}

int bl_path_shipped(const char *relative, char *buf, size_t bufsz)
{
	if (!buf || bufsz == 0)
		return -1;
	buf[0] = '\0';
	if (!relative || !*relative || relative[0] == '/')
		return -1;
	const char *datadir = getenv("BUDGETLAB_DATADIR");
	const struct {
		const char *dir, *sub;
	} places[] = {
		{ datadir && *datadir ? datadir : NULL, "/" },
		{ SRCDIR, "/share/" },
		{ SRCDIR, "/config/" },
		{ PKGDATADIR, "/" },
	};
	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		char path[4096];
		if (!places[i].dir || !*places[i].dir)
			continue;
		if (join_path(path, sizeof path, places[i].dir, places[i].sub, relative) != 0)
			continue;
		if (access(path, R_OK) != 0)
			continue;
		if (strlen(path) >= bufsz)
			return -1;
		memcpy(buf, path, strlen(path) + 1);
		return 0;
	}
	return -1;
}
