// SPDX-License-Identifier: MIT
/*
 * irqsim_vsnprintf(): printf plus the kernel's %p extensions, so driver log
 * lines read as they would in dmesg.  Each ordinary conversion is handed to
 * the C library one at a time (with its argument fetched by type here); only
 * the %p<letters> forms are rendered by us.  As in the kernel, all letters and
 * digits right after %p belong to the extension.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <linux/device.h>
#include <linux/err.h>
#include <linux/ioport.h>
#include <linux/of.h>
#include <linux/printk.h>

struct out {
	char *buf;
	size_t size;
	size_t pos; /* would-be length */
};

static void put(struct out *o, const char *s, size_t len)
{
	if (o->pos < o->size) {
		size_t room = o->size - 1 - o->pos;

		memcpy(o->buf + o->pos, s, len < room ? len : room);
	}
	o->pos += len;
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void putf(struct out *o, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static const struct {
	int err;
	const char *name;
} err_names[] = {
	/* four names a line */
	/* clang-format off */
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" }, { EINTR, "EINTR" },
	{ EIO, "EIO" }, { ENXIO, "ENXIO" }, { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" },
	{ EBADF, "EBADF" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
	{ EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { ENODEV, "ENODEV" },
	{ ENOTDIR, "ENOTDIR" }, { EINVAL, "EINVAL" }, { ENOSPC, "ENOSPC" }, { ERANGE, "ERANGE" },
	{ EDOM, "EDOM" }, { EDEADLK, "EDEADLK" }, { ENOSYS, "ENOSYS" }, { ELOOP, "ELOOP" },
	{ ENODATA, "ENODATA" }, { ETIME, "ETIME" }, { EOVERFLOW, "EOVERFLOW" },
	{ EOPNOTSUPP, "EOPNOTSUPP" }, { ETIMEDOUT, "ETIMEDOUT" }, { EALREADY, "EALREADY" },
	{ EINPROGRESS, "EINPROGRESS" }, { EPROTO, "EPROTO" }, { ENOTCONN, "ENOTCONN" },
	{ ERESTARTSYS, "ERESTARTSYS" }, { EPROBE_DEFER, "EPROBE_DEFER" }, { ENOTSUPP, "ENOTSUPP" },
	/* clang-format on */
};

/* %pe: "-ENAME", or the number when the name is unknown; a valid pointer prints as %p */
static void put_err(struct out *o, const void *p)
{
	long err = PTR_ERR(p);

	if (!IS_ERR(p)) {
		putf(o, "%p", p);
		return;
	}
	for (size_t i = 0; i < sizeof(err_names) / sizeof(err_names[0]); i++) {
		if (err_names[i].err == -err) {
			putf(o, "-%s", err_names[i].name);
			return;
		}
	}
	putf(o, "%ld", err);
}

/* %pOF<f|n|P|p|c>: device_node path (default), name, name@unit, phandle, first compatible */
static const char *put_of(struct out *o, const struct device_node *np, const char *ext)
{
	char what = ext[0] && strchr("fnPpc", ext[0]) ? ext[0] : 'f';

	if (!np) {
		puts_(o, "(null)");
		return ext;
	}
	switch (what) {
	case 'n': {
		const char *at = strchr(np->full_name, '@');

		put(o, np->full_name, at ? (size_t)(at - np->full_name) : strlen(np->full_name));
		break;
	}
	case 'P':
		puts_(o, np->parent ? np->full_name : "/");
		break;
	case 'p':
		putf(o, "%u", np->phandle);
		break;
	case 'c': {
		const char *c = NULL;

		puts_(o, of_property_read_string(np, "compatible", &c) == 0 ? c : "");
		break;
	}
	default:
		puts_(o, np->path);
		break;
	}
	return ext;
}

/* %pR / %pr: "[mem 0x08000000-0x0800ffff]", "[irq 5]" */
static void put_resource(struct out *o, const struct resource *r, bool raw)
{
	if (!r) {
		puts_(o, "(null)");
		return;
	}
	switch (resource_type(r)) {
	case IORESOURCE_MEM:
		putf(o, "[mem %#010llx-%#010llx", (unsigned long long)r->start,
		     (unsigned long long)r->end);
		break;
	case IORESOURCE_IRQ:
		putf(o, "[irq %llu", (unsigned long long)r->start);
		break;
	case IORESOURCE_IO:
		putf(o, "[io %#06llx-%#06llx", (unsigned long long)r->start,
		     (unsigned long long)r->end);
		break;
	default:
		putf(o, "[??? %#010llx-%#010llx", (unsigned long long)r->start,
		     (unsigned long long)r->end);
		break;
	}
	if (raw)
		putf(o, " flags %#lx", r->flags);
	puts_(o, "]");
}

/* %*pb (hex, 32-bit groups, most significant first) and %*pbl ("0-3,5") of @nbits bits */
static void put_bitmap(struct out *o, const unsigned long *map, int nbits, bool list)
{
	const unsigned int bpl = 8 * sizeof(unsigned long);
	bool first = true;

	if (nbits <= 0)
		return;
	if (!list) {
		for (int g = (nbits - 1) / 32; g >= 0; g--) {
			unsigned int bit = (unsigned int)g * 32;
			u32 v = (u32)(map[bit / bpl] >> (bit % bpl));

			if (g * 32 + 32 > nbits)
				v &= (1u << (nbits % 32)) - 1;
			putf(o, g == (nbits - 1) / 32 ? "%x" : ",%08x", v);
		}
		return;
	}
	for (int b = 0; b < nbits; b++) {
		int e = b;

		if (!(map[b / bpl] >> (b % bpl) & 1))
			continue;
		while (e + 1 < nbits && (map[(e + 1) / bpl] >> ((e + 1) % bpl) & 1))
			e++;
		putf(o, e > b ? "%s%d-%d" : "%s%d", first ? "" : ",", b, e);
		first = false;
		b = e;
	}
}

/*
 * one %p<ext> conversion; returns the format after the extension letters.
 * @width: the field width (-1 if none), which %*pb takes as the bit count.
 */
static const char *put_pointer(struct out *o, const char *ext, void *p, int width)
{
	const char *end = ext;

	while (isalnum((unsigned char)*end))
		end++;
	switch (ext[0]) {
	case 'O':
		if (ext[1] == 'F') {
			put_of(o, p, ext + 2);
			return end;
		}
		break;
	case 'a':
		/* %pa / %pap: phys_addr_t, %pad: dma_addr_t, both by reference, full width */
		if (!p)
			puts_(o, "(null)");
		else if (ext[1] == 'd')
			putf(o, "0x%016llx", (unsigned long long)*(const dma_addr_t *)p);
		else
			putf(o, "0x%016llx", (unsigned long long)*(const phys_addr_t *)p);
		return end;
	case 'R':
	case 'r':
		put_resource(o, p, ext[0] == 'r');
		return end;
	case 'e':
		put_err(o, p);
		return end;
	case 'V': {
		/* %pV: a nested format and its va_list (struct va_format) */
		const struct va_format *vaf = p;
		va_list aq;
		int n;

		va_copy(aq, *vaf->va);
		n = irqsim_vsnprintf(o->pos < o->size ? o->buf + o->pos : NULL,
				     o->pos < o->size ? o->size - o->pos : 0, vaf->fmt, aq);
		va_end(aq);
		if (n > 0)
			o->pos += (size_t)n;
		return end;
	}
	case 'x':
		putf(o, "0x%016lx", (unsigned long)(uintptr_t)p);
		return end;
	case 'b':
		if (p)
			put_bitmap(o, p, width, ext[1] == 'l');
		else
			puts_(o, "(null)");
		return end;
	default:
		break;
	}
	/* plain %p and the extensions we do not render (%pS, %pK...) */
	if (p)
		putf(o, "%p", p);
	else
		puts_(o, "(null)");
	return end;
}

int irqsim_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .pos = 0 };
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		char spec[64];
		size_t sl = 0;
		int lng = 0; /* 0 int, 1 l, 2 ll, 3 h, 4 hh, 5 j, 6 z, 7 t, 8 L */
		int width = -1;

		if (!pct) {
			puts_(&o, fmt);
			break;
		}
		put(&o, fmt, (size_t)(pct - fmt));
		fmt = pct + 1;
		if (*fmt == '%') {
			put(&o, "%", 1);
			fmt++;
			continue;
		}
		spec[sl++] = '%';
		/* flags, width, precision: '*' is resolved into digits */
		while (*fmt && strchr("-+ #0'", *fmt) && sl < 8)
			spec[sl++] = *fmt++;
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				if (*fmt != '.')
					break;
				spec[sl++] = *fmt++;
			}
			if (*fmt == '*') {
				int v = va_arg(aq, int);

				if (part == 0)
					width = v;
				sl += (size_t)snprintf(spec + sl, sizeof(spec) - sl, "%d", v);
				fmt++;
			} else {
				if (part == 0 && isdigit((unsigned char)*fmt))
					width = atoi(fmt);
				while (isdigit((unsigned char)*fmt) && sl < 40)
					spec[sl++] = *fmt++;
			}
		}
		if (fmt[0] == 'h' && fmt[1] == 'h') {
			lng = 4;
			fmt += 2;
			spec[sl++] = 'h';
			spec[sl++] = 'h';
		} else if (fmt[0] == 'l' && fmt[1] == 'l') {
			lng = 2;
			fmt += 2;
			spec[sl++] = 'l';
			spec[sl++] = 'l';
		} else if (*fmt == 'l') {
			lng = 1;
			spec[sl++] = *fmt++;
		} else if (*fmt == 'h') {
			lng = 3;
			spec[sl++] = *fmt++;
		} else if (*fmt == 'j') {
			lng = 5;
			spec[sl++] = *fmt++;
		} else if (*fmt == 'z') {
			lng = 6;
			spec[sl++] = *fmt++;
		} else if (*fmt == 't') {
			lng = 7;
			spec[sl++] = *fmt++;
		} else if (*fmt == 'L') {
			lng = 8;
			spec[sl++] = *fmt++;
		}
		if (!*fmt)
			break;
		spec[sl++] = *fmt;
		spec[sl] = '\0';
		switch (*fmt++) {
		case 'd':
		case 'i':
			switch (lng) {
			case 1:
				putf(&o, spec, va_arg(aq, long));
				break;
			case 2:
				putf(&o, spec, va_arg(aq, long long));
				break;
			case 5:
				putf(&o, spec, va_arg(aq, intmax_t));
				break;
			case 6:
				putf(&o, spec, va_arg(aq, ssize_t));
				break;
			case 7:
				putf(&o, spec, va_arg(aq, ptrdiff_t));
				break;
			default:
				putf(&o, spec, va_arg(aq, int));
				break;
			}
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			switch (lng) {
			case 1:
				putf(&o, spec, va_arg(aq, unsigned long));
				break;
			case 2:
				putf(&o, spec, va_arg(aq, unsigned long long));
				break;
			case 5:
				putf(&o, spec, va_arg(aq, uintmax_t));
				break;
			case 6:
				putf(&o, spec, va_arg(aq, size_t));
				break;
			case 7:
				putf(&o, spec, va_arg(aq, ptrdiff_t));
				break;
			default:
				putf(&o, spec, va_arg(aq, unsigned int));
				break;
			}
			break;
		case 'c':
			putf(&o, spec, va_arg(aq, int));
			break;
		case 's': {
			const char *s = va_arg(aq, const char *);
			char tmp[512];
			int n;

			if (sl == 2) { /* plain %s: no length limit */
				puts_(&o, s ? s : "(null)");
				break;
			}
			n = snprintf(tmp, sizeof(tmp), spec, s ? s : "(null)");
			if (n > 0)
				put(&o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
			break;
		}
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			if (lng == 8)
				putf(&o, spec, va_arg(aq, long double));
			else
				putf(&o, spec, va_arg(aq, double));
			break;
		case 'p':
			fmt = put_pointer(&o, fmt, va_arg(aq, void *), width);
			break;
		case 'n':
			(void)va_arg(aq, void *); /* never written: the kernel refuses %n too */
			break;
		default:
			put(&o, spec, sl); /* unknown conversion: shown as is */
			break;
		}
	}
	va_end(aq);
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int irqsim_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = irqsim_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
