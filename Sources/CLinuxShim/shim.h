/* shim.h: Linux interfaces Swift's Glibc module does not expose: timerfd, signalfd,
   eventfd, inotify, wcwidth (glibc declares it only under __USE_XOPEN), and forkpty-free
   helpers for signal masks. Header-only; nothing here allocates or keeps state. */
#ifndef CLINUXSHIM_H
#define CLINUXSHIM_H
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <signal.h>
#include <unistd.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

extern int wcwidth(wchar_t c);
/* GNU memmem: declared by <string.h> only under _GNU_SOURCE. */
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

/* Block these signals in the calling thread (call before any other thread exists)
   and return a non-blocking, close-on-exec signalfd for them, or -1. */
static inline int lsh_signalfd_for(const int *signals, int count) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) return -1;
    return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/* Unblock the given signals again (before exec in a child, or to restore defaults). */
static inline int lsh_unblock(const int *signals, int count) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* Read one signalfd record; returns the signal number, 0 when none is pending. */
static inline int lsh_signalfd_read(int fd) {
    struct signalfd_siginfo info;
    ssize_t n = read(fd, &info, sizeof info);
    if (n != (ssize_t)sizeof info) return 0;
    return (int)info.ssi_signo;
}

/* A periodic CLOCK_MONOTONIC timer; returns the fd or -1. */
static inline int lsh_timerfd_periodic(long interval_ms) {
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) return -1;
    struct itimerspec spec;
    spec.it_interval.tv_sec = interval_ms / 1000;
    spec.it_interval.tv_nsec = (interval_ms % 1000) * 1000000L;
    spec.it_value = spec.it_interval;
    if (timerfd_settime(fd, 0, &spec, NULL) != 0) { close(fd); return -1; }
    return fd;
}

/* Drain a timerfd or eventfd; returns the count read (0 when nothing was pending). */
static inline uint64_t lsh_drain_counter(int fd) {
    uint64_t n = 0;
    if (read(fd, &n, sizeof n) != (ssize_t)sizeof n) return 0;
    return n;
}

static inline int lsh_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
static inline int lsh_inotify(void) { return inotify_init1(IN_NONBLOCK | IN_CLOEXEC); }

/* Restore the default action for a signal and raise it again (used after the terminal
   has been restored on a fatal signal, so the exit status says what happened). */
static inline void lsh_reraise(int sig) {
    signal(sig, SIG_DFL);
    lsh_unblock(&sig, 1);
    raise(sig);
}

#include <termios.h>
#include <string.h>

/* Crash guard: on a fatal signal, put the terminal back (saved termios, leave the
   alternate screen, show the cursor, reset attributes) with async-signal-safe calls only,
   then die of the same signal so the exit status tells what happened. */
struct lsh_guard_state {
    struct termios saved;
    int have_termios;
    char seq[64];
    size_t len;
};

/* Function-local static: Swift's importer emits inline functions, not header globals. */
static inline struct lsh_guard_state *lsh_guard(void) {
    static struct lsh_guard_state state;
    return &state;
}

static inline void lsh_crash_handler(int sig) {
    struct lsh_guard_state *g = lsh_guard();
    if (g->have_termios) tcsetattr(0, TCSANOW, &g->saved);
    if (g->len) { ssize_t w = write(1, g->seq, g->len); (void)w; }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Saves the terminal state of fd 0 (call before curses starts) and installs the guard
   for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP. */
static inline void lsh_crash_guard_install(void) {
    struct lsh_guard_state *g = lsh_guard();
    if (tcgetattr(0, &g->saved) == 0) g->have_termios = 1;
    const char *seq = "\033[?1049l\033[?25h\033[0m\r\n";
    g->len = strlen(seq);
    memcpy(g->seq, seq, g->len);
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = lsh_crash_handler;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    /* A signal mask inherited blocked (from a parent that blocks signals in its threads)
       would defeat the guard and ncurses' own SIGWINCH/SIGTSTP handling: unblock them here. */
    sigset_t un;
    sigemptyset(&un);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaddset(&un, sigs[i]);
    int job[] = { SIGWINCH, SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU };
    for (unsigned i = 0; i < sizeof job / sizeof job[0]; i++) sigaddset(&un, job[i]);
    pthread_sigmask(SIG_UNBLOCK, &un, NULL);
}

/* Local UTC offset in seconds for a given time (tm_gmtoff), honouring TZ. */
#include <time.h>
static inline long lsh_utc_offset(long t) {
    time_t tt = (time_t)t;
    struct tm tmv;
    if (localtime_r(&tt, &tmv) == NULL) return 0;
    return tmv.tm_gmtoff;
}
#endif
