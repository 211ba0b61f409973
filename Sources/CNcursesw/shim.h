/* shim.h: ncursesw for Swift 6. SwiftPM drops pkg-config's -D flags, so the X/Open wide
   API is switched on here, before the first curses include. C globals and expression macros
   that Swift cannot import (or rejects as not concurrency-safe) get getters and constants. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static inline WINDOW *ncs_stdscr(void) { return stdscr; }
static inline int ncs_lines(void) { return LINES; }
static inline int ncs_cols(void) { return COLS; }
static inline int ncs_colors(void) { return COLORS; }
static inline int ncs_color_pairs(void) { return COLOR_PAIRS; }
static inline const char *ncs_codeset(void) { return nl_langinfo(CODESET); }

static inline attr_t ncs_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static const attr_t NCS_A_NORMAL = A_NORMAL;
static const attr_t NCS_A_BOLD = A_BOLD;
static const attr_t NCS_A_DIM = A_DIM;
static const attr_t NCS_A_REVERSE = A_REVERSE;
static const attr_t NCS_A_UNDERLINE = A_UNDERLINE;
static const attr_t NCS_A_ITALIC = A_ITALIC;
#endif
