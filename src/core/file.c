/* file.c: a whole file into memory (see file.h). */
#include "config.h"
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static bl_read_status fail(int fd, char *buf, bl_read_status st, int e, bl_read_result *out)
{
	if (fd >= 0)
		close(fd);
	free(buf);
	out->data = NULL;
	out->len = 0;
	out->err = e;
	return st;
}

bl_read_status bl_file_read(const char *path, size_t max, bl_read_result *out)
{
	memset(out, 0, sizeof *out);
	out->size = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(-1, NULL, BL_READ_ERRNO, errno, out);
	struct stat st;
	if (fstat(fd, &st) != 0)
		return fail(fd, NULL, BL_READ_ERRNO, errno, out);
	if (S_ISDIR(st.st_mode))
		return fail(fd, NULL, BL_READ_ERRNO, EISDIR, out);
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		bl_read_status r = fail(fd, NULL, BL_READ_TOO_BIG, 0, out);
		out->size = (intmax_t)st.st_size;
		return r;
	}
	/* Read at most one byte more than allowed, to know it was too much
	 * even when the size was not known in advance (a pipe). */
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf)
		return fail(fd, NULL, BL_READ_NOMEM, 0, out);
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			size_t ncap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb)
				return fail(fd, buf, BL_READ_NOMEM, 0, out);
			buf = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return fail(fd, buf, BL_READ_ERRNO, errno, out);
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	if (n > max)
		return fail(-1, buf, BL_READ_TOO_BIG, 0, out);
	out->data = buf;
	out->len = n;
	return BL_READ_OK;
}

bl_read_status bl_file_map(const char *path, size_t max, bl_read_result *out)
{
	memset(out, 0, sizeof *out);
	out->size = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(-1, NULL, BL_READ_ERRNO, errno, out);
	struct stat st;
	if (fstat(fd, &st) != 0)
		return fail(fd, NULL, BL_READ_ERRNO, errno, out);
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		close(fd);
		return bl_file_read(path, max, out);
	}
	if ((uintmax_t)st.st_size > max) {
		bl_read_status r = fail(fd, NULL, BL_READ_TOO_BIG, 0, out);
		out->size = (intmax_t)st.st_size;
		return r;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return bl_file_read(path, max, out); /* e.g. a file system without mmap */
	out->data = p;
	out->len = (size_t)st.st_size;
	out->mapped = true;
	return BL_READ_OK;
}

void bl_file_release(bl_read_result *r)
{
	if (r->mapped)
		munmap(r->data, r->len);
	else
		free(r->data);
	r->data = NULL;
	r->len = 0;
	r->mapped = false;
}
