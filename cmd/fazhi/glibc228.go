//go:build glibc228

package main

// The release build (make release) links against glibc 2.28 and links
// libstdc++ (GCC 12) statically. That libstdc++ was compiled on a newer
// glibc and refers to two symbols that glibc 2.28 lacks; they are defined
// here, with the meaning glibc gives them, so that the binary starts on
// glibc 2.28 systems (Kylin V10, UOS 20, CentOS 8).

/*
#include <stdint.h>
#include <stddef.h>
#include <sys/random.h>

// __libc_single_threaded (glibc 2.32) tells libstdc++ it may skip atomic
// reference counts. 0 is "the process may have threads", always correct
// (fazhi always has threads).
char __libc_single_threaded = 0;

// arc4random (glibc 2.36): a random 32-bit number from the kernel's
// generator, which is what glibc's own arc4random returns.
uint32_t arc4random(void) {
	uint32_t v;
	size_t got = 0;
	while (got < sizeof v) {
		ssize_t n = getrandom((char *)&v + got, sizeof v - got, 0);
		if (n > 0) got += (size_t)n;
	}
	return v;
}
*/
import "C"
